using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrderBot.Crm;
using OrderBot.Outbox;
using OrderBot.Customers;
using OrderBot.Menus;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Bench.Orders;

/// <summary>
/// A migrated database for a benchmark run: a fresh SQLite file, or a fresh database on the PostgreSQL
/// server named by ORDERBOT_BENCH_POSTGRES (bench/run-postgres.sh starts one).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchDatabase(StorageProvider provider, string connectionString, ServiceProvider services)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _services = services;
    }

    public StorageProvider Provider { get; }
    public string ConnectionString { get; }
    public IDbContextFactory<OrderBotDbContext> DbFactory => _services.GetRequiredService<IDbContextFactory<OrderBotDbContext>>();

    public static async Task<BenchDatabase> CreateAsync(string provider)
    {
        var kind = Enum.Parse<StorageProvider>(provider, ignoreCase: true);
        string connectionString;
        if (kind == StorageProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("orderbot-bench-").FullName;
            connectionString = $"Data Source={Path.Combine(folder, "bench.db")}";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("ORDERBOT_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("Set ORDERBOT_BENCH_POSTGRES to a server connection string (bench/run-postgres.sh does).");
            var name = $"bench_{Guid.NewGuid():N}"[..20];
            await using (var admin = new Npgsql.NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ConnectionString;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = kind.ToString(),
            ["Storage:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddOrderBotStorage(configuration).AddOrderBotCrm(configuration).BuildServiceProvider();
        await services.GetRequiredService<StorageInitializer>().InitializeAsync();
        return new BenchDatabase(kind, connectionString, services);
    }

    public OrderHandler Handler(Menu menu) =>
        new(DbFactory, TimeProvider.System, NullLogger<OrderHandler>.Instance, _services.GetRequiredService<OutboxWriter>(), menu);

    public CustomerDirectory Customers() => new(DbFactory, TimeProvider.System);

    public static Menu LoadMenu(string? path) =>
        MenuLoader.LoadFile(path ?? Path.Combine(AppContext.BaseDirectory, "menus", "pizzeria.json"));

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
