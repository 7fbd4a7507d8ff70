using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderBot.Chat;
using OrderBot.Hosting;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Server.Eval.Conversations;

/// <summary>
/// The real conversation over a throwaway SQLite database for one menu, in-process and without network: the same
/// <see cref="Conversation"/>, <see cref="OrderHandler"/> and parser the channels use, wired by the same AddXxx calls.
/// </summary>
public sealed class ConversationHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _folder;

    private ConversationHarness(ServiceProvider services, string folder, ManualClock clock)
    {
        _services = services;
        _folder = folder;
        Clock = clock;
    }

    public ManualClock Clock { get; }
    public Conversation Conversation => _services.GetRequiredService<Conversation>();
    public OrderHandler Orders => _services.GetRequiredService<OrderHandler>();
    public Menu.Menu Menu => _services.GetRequiredService<Menu.Menu>();
    public OrderBot.Shop.ShopSettings Shop => _services.GetRequiredService<OrderBot.Shop.ShopSettings>();
    public IDbContextFactory<OrderBotDbContext> Databases => _services.GetRequiredService<IDbContextFactory<OrderBotDbContext>>();

    /// <param name="shopPath">The shop file; empty: none (<see cref="OrderBot.Shop.ShopSettings.None"/>).</param>
    public static async Task<ConversationHarness> StartAsync(string menuPath, string shopPath, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("orderbot-eval-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "eval.db")}",
            ["Menu:Path"] = Path.GetFullPath(menuPath),
            ["Extraction:Mode"] = "parser",
            ["Shop:Path"] = shopPath,
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        var clock = new ManualClock();
        services.AddSingleton<TimeProvider>(clock);
        services.AddOrderBot(configuration);
        services.AddOrderBotChat(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageInitializer>().InitializeAsync(cancellationToken);
        return new ConversationHarness(provider, folder, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the run's result is not.
        }
    }
}
