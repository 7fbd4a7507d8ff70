using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderBot.Server;

namespace OrderBot.Tests.Support;

/// <summary>
/// The real server on a free loopback port with its own SQLite file and the test cafe menu, reached
/// over HTTP like any client would. Extra settings are passed as command-line configuration.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly string _folder;
    private readonly WebApplication _app;

    private RunningApp(string folder, WebApplication app)
    {
        _folder = folder;
        _app = app;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    public LogCollector Logs { get; private init; } = new();

    public static async Task<RunningApp> StartAsync(
        IDictionary<string, string>? settings = null, string menuJson = TestMenus.CafeJson, Action<WebApplicationBuilder>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("orderbot-app-").FullName;
        var menu = Path.Combine(folder, "menu.json");
        await File.WriteAllTextAsync(menu, menuJson);
        var all = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "orderbot.db")}",
            ["Menu:Path"] = menu,
            // No shop unless a test names one: the appsettings default (the pizzeria sample) would close the shop at night.
            ["Shop:Path"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var logs = new LogCollector();
        var app = OrderBotApp.Build(all.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(), builder =>
        {
            builder.Logging.AddProvider(logs);
            configure?.Invoke(builder);
        });
        await app.InitializeAndStartAsync(TestContext.Current.CancellationToken);
        return new RunningApp(folder, app) { Logs = logs };
    }

    /// <summary>Replaces the SQLite file with a folder of the same name: every later database call fails.</summary>
    public void BreakDatabase()
    {
        var storage = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OrderBot.Storage.StorageOptions>>().Value;
        var file = new SqliteConnectionStringBuilder(storage.EffectiveConnectionString).DataSource;
        while (!Directory.Exists(file))
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
            try
            {
                Directory.CreateDirectory(file);
            }
            catch (IOException)
            {
                // A background worker opened the database between the two calls, which creates the file again.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
