using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using OrderBot.Orders;
using OrderBot.Storage;
using OrderBot.Storage.Configurations;

namespace OrderBot.Bench.Orders;

/// <summary>
/// Latency of a customer's first page of orders as the table grows: the same customer (50 orders) is
/// measured with 10k and with 1M orders of other customers around it, through <see cref="OrderHandler"/>
/// and through the REST API (<c>GET /api/customers/{id}/orders?limit=20</c> on the real server, loopback HTTP).
/// Usage: <c>pages --provider sqlite|postgres [--sizes 10000,1000000] [--samples 2000]</c>.
/// </summary>
internal static class CustomerPageLoad
{
    private static readonly string ItemsJson = (string)new OrderLinesConverter().ConvertToProvider(
        new List<OrderLine> { new("pizza", 1, 11.5m, "pizza", null, []) })!;

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var sizes = args.Get("sizes", "10000,1000000").Split(',').Select(int.Parse).ToArray();
        var samples = int.Parse(args.Get("samples", "2000"), CultureInfo.InvariantCulture);
        await using var database = await BenchDatabase.CreateAsync(args.Get("provider", "sqlite"));
        var menuPath = args.Find("menu") ?? Path.Combine(AppContext.BaseDirectory, "menus", "pizzeria.json");
        var handler = database.Handler(BenchDatabase.LoadMenu(menuPath));
        const string target = "page-target";
        await database.Customers().UpsertAsync(target);
        var (app, address) = await BenchServer.StartAsync(database, menuPath);
        await using var host = app;
        using var http = new HttpClient { BaseAddress = address };

        Console.WriteLine("| provider | orders in table | handler p50 (ms) | handler p99 (ms) | API p50 (ms) | API p99 (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var filled = 0;
        var start = DateTime.UtcNow.AddDays(-30);
        foreach (var size in sizes)
        {
            await FillAsync(database, filled, size, start, target);
            filled = size;

            var direct = await MeasureAsync(samples, async () =>
            {
                if ((await handler.GetCustomerOrdersAsync(target, 20)).Orders.Count != 20)
                {
                    throw new InvalidOperationException("the target customer's page is not full");
                }
            });
            var viaApi = await MeasureAsync(samples, async () =>
            {
                using var response = await http.GetAsync($"/api/customers/{target}/orders?limit=20");
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            });
            Console.WriteLine($"| {database.Provider} | {size:N0} | {direct.P50:F3} | {direct.P99:F3} | {viaApi.P50:F3} | {viaApi.P99:F3} |");
        }

        return 0;
    }

    /// <summary>
    /// One caller after another, p50 and p99 in milliseconds. The warm-up (1,000 calls and at least 2 s) lets tiered
    /// JIT finish, so the first table size is not measured on colder code than the next one.
    /// </summary>
    private static async Task<(double P50, double P99)> MeasureAsync(int samples, Func<Task> call)
    {
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < 1000 || warming.Elapsed < TimeSpan.FromSeconds(2); i++)
        {
            await call();
        }

        var timings = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            timings[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(timings);
        return (timings[samples / 2], timings[(int)(samples * 0.99)]);
    }

    /// <summary>Rows [from, to): every 20,000th belongs to the target customer, the rest to 1,000 others.</summary>
    private static async Task FillAsync(BenchDatabase database, int from, int to, DateTime start, string target)
    {
        var others = Enumerable.Range(0, 1000).Select(i => $"other-{i}").ToArray();
        if (from == 0)
        {
            foreach (var other in others)
            {
                await database.Customers().UpsertAsync(other);
            }
        }

        IEnumerable<(string Id, string Number, string Customer, DateTime At)> Rows()
        {
            for (var i = from; i < to; i++)
            {
                var at = start.AddMilliseconds(i * 2);
                var customer = i % 20_000 < 50 && i < 20_000 * 50 ? target : others[i % others.Length];
                yield return (Guid.CreateVersion7(at).ToString(), i.ToString("X7", CultureInfo.InvariantCulture), customer, at);
            }
        }

        if (database.Provider == StorageProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await CopyAsync(connection, Rows());
            await using var analyze = new NpgsqlCommand("ANALYZE orders", connection);
            await analyze.ExecuteNonQueryAsync();
            return;
        }

        await using var sqlite = new SqliteConnection(database.ConnectionString);
        await sqlite.OpenAsync();
        await using var transaction = sqlite.BeginTransaction();
        await using var insert = sqlite.CreateCommand();
        insert.CommandText = "INSERT INTO orders (id, number, customer_id, total_amount, currency, status, created_at, updated_at, version, items) " +
            "VALUES ($id, $number, $customer, '11.5', 'USD', 'Delivered', $at, $at, 5, $items)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var number = insert.Parameters.Add("$number", SqliteType.Text);
        var customerId = insert.Parameters.Add("$customer", SqliteType.Text);
        var atParameter = insert.Parameters.Add("$at", SqliteType.Text);
        insert.Parameters.AddWithValue("$items", ItemsJson);
        foreach (var row in Rows())
        {
            (id.Value, number.Value, customerId.Value, atParameter.Value) = (row.Id, row.Number, row.Customer, row.At.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await using var analyzeSqlite = sqlite.CreateCommand();
        analyzeSqlite.CommandText = "ANALYZE";
        await analyzeSqlite.ExecuteNonQueryAsync();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<(string Id, string Number, string Customer, DateTime At)> rows)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY orders (id, number, customer_id, total_amount, currency, status, created_at, updated_at, version, items) FROM STDIN (FORMAT BINARY)");
        foreach (var (id, number, customer, at) in rows)
        {
            await import.StartRowAsync();
            await import.WriteAsync(id);
            await import.WriteAsync(number);
            await import.WriteAsync(customer);
            await import.WriteAsync(11.5m);
            await import.WriteAsync("USD");
            await import.WriteAsync("Delivered");
            await import.WriteAsync(at, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            await import.WriteAsync(at, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            await import.WriteAsync(5);
            await import.WriteAsync(ItemsJson, NpgsqlTypes.NpgsqlDbType.Jsonb);
        }

        await import.CompleteAsync();
    }
}
