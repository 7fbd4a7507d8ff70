using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Customers;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Tests.Support;

/// <summary>A migrated database of one provider, wired the way the server wires it.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private ServiceProvider? _services;

    public abstract StorageProvider Provider { get; }
    public string ConnectionString { get; private set; } = "";
    public IDbContextFactory<OrderBotDbContext> DbFactory => _services!.GetRequiredService<IDbContextFactory<OrderBotDbContext>>();

    protected abstract Task<string> CreateAsync();

    public virtual async ValueTask InitializeAsync()
    {
        ConnectionString = await CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Provider.ToString(),
            ["Storage:ConnectionString"] = ConnectionString,
        }).Build();
        _services = new ServiceCollection().AddOrderBotStorage(configuration).BuildServiceProvider();
        await _services.GetRequiredService<StorageInitializer>().InitializeAsync();
    }

    public OrderHandler Handler(OrderBot.Menus.Menu? menu = null, TimeProvider? time = null) =>
        new(DbFactory, time ?? TimeProvider.System, NullLogger<OrderHandler>.Instance, Outbox(), menu);

    /// <summary>An outbox with no destination: the handler's changes write no events, for tests that are not about them.</summary>
    public static OrderBot.Outbox.OutboxWriter Outbox(TimeProvider? time = null) => new([], new OrderBot.Outbox.OutboxSignal(), time ?? TimeProvider.System);

    public CustomerDirectory Customers(TimeProvider? time = null) => new(DbFactory, time ?? TimeProvider.System);

    /// <summary>A customer id no other test uses, already stored.</summary>
    public async Task<string> NewCustomerAsync(string? name = null)
    {
        var id = "+49" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
        await Customers().UpsertAsync(id, name);
        return id;
    }

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public virtual async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private string? _folder;

    public override StorageProvider Provider => StorageProvider.Sqlite;

    protected override Task<string> CreateAsync()
    {
        _folder = Directory.CreateTempSubdirectory("orderbot-sqlite-").FullName;
        return Task.FromResult($"Data Source={Path.Combine(_folder, "orderbot.db")}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

public sealed class PostgresTestDatabase(PostgresServer server) : TestDatabase
{
    public PostgresServer Server => server;

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override async ValueTask InitializeAsync()
    {
        if (server.UnavailableReason is null)
        {
            await base.InitializeAsync();
        }
    }

    protected override Task<string> CreateAsync() => server.CreateDatabaseAsync("orderbot_test");
}
