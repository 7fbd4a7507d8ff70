using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderBot.Chat;
using OrderBot.Hosting;
using OrderBot.Menus;
using OrderBot.Orders;
using OrderBot.Payments;
using OrderBot.Server.Eval.Payments;
using OrderBot.Stock;
using OrderBot.Storage;

namespace OrderBot.Server.Eval.Conversations;

/// <summary>
/// The real conversation over a throwaway SQLite database for one menu, in-process and without network: the same
/// <see cref="Conversation"/>, <see cref="OrderHandler"/> and parser the channels use, wired by the same AddXxx calls.
/// Status notices are queued with the status change and sent through the <see cref="EvalChannel"/>, as the chat worker
/// sends them.
/// </summary>
/// <remarks>
/// When the shop accepts online payment, payments run as in production against a loopback <see cref="FakeStripe"/>: the
/// payments outbox destination makes the links, the <see cref="EvalChannel"/> carries its messages to the customer, and
/// payment steps are Stripe-signed events given to the real <see cref="StripeWebhook"/>. The only network is that loopback.
/// </remarks>
public sealed class ConversationHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _folder;
    private readonly OrderBot.Outbox.OutboxDispatcher? _payments;

    private ConversationHarness(ServiceProvider services, string folder, ManualClock clock, FakeStripe? stripe)
    {
        _services = services;
        _folder = folder;
        Clock = clock;
        Stripe = stripe;
        // A dispatcher of the payments destination alone: the customer notices of status moves stay the runner's, as before.
        _payments = stripe is null ? null : ActivatorUtilities.CreateInstance<OrderBot.Outbox.OutboxDispatcher>(
            services, (object)services.GetServices<OrderBot.Outbox.IOutboxDeliverer>().Where(d => d.Destination == PaymentsOptions.Destination).ToList());
    }

    public ManualClock Clock { get; }
    public Conversation Conversation => _services.GetRequiredService<Conversation>();
    public OrderHandler Orders => _services.GetRequiredService<OrderHandler>();
    public Menu Menu => _services.GetRequiredService<Menu>();
    public OrderBot.Shop.ShopSettings Shop => _services.GetRequiredService<OrderBot.Shop.ShopSettings>();
    public IDbContextFactory<OrderBotDbContext> Databases => _services.GetRequiredService<IDbContextFactory<OrderBotDbContext>>();
    public StockList Stock => _services.GetRequiredService<StockList>();

    /// <summary>The loopback Stripe, when the shop accepts online payment; null otherwise.</summary>
    public FakeStripe? Stripe { get; }

    public StripeWebhook Webhook => _services.GetRequiredService<StripeWebhook>();
    public EvalChannel Channel => _services.GetRequiredService<EvalChannel>();

    /// <summary>
    /// Runs what the server's background services would after a step: due payment outbox events (links made, news queued),
    /// then the customer's queued messages (status notices, payment messages) through the channel, as the chat worker sends them.
    /// </summary>
    public async Task SettleAsync(string customer, CancellationToken cancellationToken)
    {
        while (_payments is not null && await _payments.DispatchDueAsync(cancellationToken) > 0)
        {
        }

        await _services.GetRequiredService<ReplySender>().SendPendingAsync(customer, cancellationToken);
    }

    /// <param name="shopPath">The shop file; empty: none (<see cref="OrderBot.Shop.ShopSettings.None"/>).</param>
    public static async Task<ConversationHarness> StartAsync(string menuPath, string shopPath, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("orderbot-eval-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "eval.db")}",
            ["Menu:Path"] = Path.GetFullPath(menuPath),
            ["Extraction:Mode"] = "parser",
            ["Shop:Path"] = shopPath,
        };
        var stripe = shopPath.Length > 0 && OrderBot.Shop.ShopLoader.LoadFile(shopPath).PaymentMethods.Contains(PaymentMethod.Online)
            ? await FakeStripe.StartAsync(cancellationToken)
            : null;
        foreach (var (key, value) in stripe?.Settings() ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        var clock = new ManualClock();
        services.AddSingleton<TimeProvider>(clock);
        services.AddOrderBot(configuration);
        services.AddOrderBotChat(configuration);
        services.AddOrderBotPayments(configuration);
        services.AddSingleton<EvalChannel>();
        services.AddSingleton<IChatChannel>(sp => sp.GetRequiredService<EvalChannel>());

        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageInitializer>().InitializeAsync(cancellationToken);
        return new ConversationHarness(provider, folder, clock, stripe);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Stripe is not null)
        {
            await Stripe.DisposeAsync();
        }

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
