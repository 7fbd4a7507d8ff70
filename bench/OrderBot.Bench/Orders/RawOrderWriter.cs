using System.Data.Common;
using Microsoft.Data.Sqlite;
using System.Text.Json;
using Npgsql;
using OrderBot.Crm;
using OrderBot.Outbox;
using OrderBot.Orders;
using OrderBot.Storage;
using OrderBot.Storage.Configurations;

namespace OrderBot.Bench.Orders;

/// <summary>
/// The baseline: the same rows the handler writes (the order with its items as JSON, the first status
/// history entry and the outbox event), by plain ADO.NET in one transaction, with the prices already known.
/// </summary>
internal sealed class RawOrderWriter(StorageProvider provider, string connectionString)
{
    private const string InsertOrder =
        "INSERT INTO orders (id, number, customer_id, total_amount, currency, status, created_at, updated_at, version, items) " +
        "VALUES (@id, @number, @customer, @total, @currency, 'Pending', @now, @now, 1, @items)";

    private const string InsertHistory =
        "INSERT INTO order_status_changes (id, order_id, \"from\", \"to\", at, actor) VALUES (@change, @id, NULL, 'Pending', @now, 'api')";

    private const string InsertEvent =
        "INSERT INTO outbox_events (id, destination, order_id, order_version, type, payload, created_at, state, attempts, next_attempt_at, last_error) " +
        "VALUES (@event, 'crm', @id, 1, 'order.created', @payload, @now, 'Skipped', 0, @now, 'no adapter is configured for crm')";

    private static readonly OrderLinesConverter Items = new();

    private readonly NpgsqlDataSource? _postgres = provider == StorageProvider.Postgres ? NpgsqlDataSource.Create(connectionString) : null;

    public async Task WriteAsync(string customerId, IReadOnlyList<OrderLine> items, decimal total)
    {
        // Like the handler, draw another order number when the random one is taken.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteOnceAsync(customerId, items, total);
                return;
            }
            catch (DbException e) when (attempt < 5 && e.Message.Contains("number", StringComparison.Ordinal))
            {
            }
        }
    }

    private async Task WriteOnceAsync(string customerId, IReadOnlyList<OrderLine> items, decimal total)
    {
        var identity = OrderIdentity.New(TimeProvider.System);
        var now = DateTime.UtcNow;
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var order = connection.CreateCommand())
        {
            order.Transaction = transaction;
            order.CommandText = InsertOrder;
            Add(order, "id", identity.Id);
            Add(order, "number", identity.Number);
            Add(order, "customer", customerId);
            Add(order, "total", total);
            Add(order, "currency", "USD");
            Add(order, "now", now);
            Add(order, "items", Items.ConvertToProvider(items.ToList())!, json: true);
            await order.ExecuteNonQueryAsync();
        }

        await using (var history = connection.CreateCommand())
        {
            history.Transaction = transaction;
            history.CommandText = InsertHistory;
            Add(history, "change", Guid.CreateVersion7().ToString());
            Add(history, "id", identity.Id);
            Add(history, "now", now);
            await history.ExecuteNonQueryAsync();
        }

        await using (var outbox = connection.CreateCommand())
        {
            // The event carries the whole order, as the handler's does; building it is part of the work.
            var eventId = Guid.CreateVersion7().ToString();
            var snapshot = new OrderDetails(identity.Id, identity.Number, customerId, items, total, "USD", OrderStatus.Pending, now, now, 1);
            outbox.Transaction = transaction;
            outbox.CommandText = InsertEvent;
            Add(outbox, "event", eventId);
            Add(outbox, "id", identity.Id);
            Add(outbox, "payload", JsonSerializer.Serialize(new OrderEvent(eventId, OrderEvent.Created, identity.Id, 1, now, snapshot), OrderJson.Options));
            Add(outbox, "now", now);
            await outbox.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private async Task<DbConnection> OpenAsync()
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync();
        }

        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
        await pragmas.ExecuteNonQueryAsync();
        return connection;
    }

    private static void Add(DbCommand command, string name, object value, bool json = false)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        if (json && parameter is NpgsqlParameter npgsql)
        {
            npgsql.NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb;
        }

        command.Parameters.Add(parameter);
    }
}
