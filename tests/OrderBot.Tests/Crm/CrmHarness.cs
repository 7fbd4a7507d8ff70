using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrderBot.Crm;
using OrderBot.Customers;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Storage;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Crm;

/// <summary>
/// One OrderBot instance's outbox on a test database, wired by <see cref="CrmServiceCollectionExtensions.AddOrderBotCrm"/>
/// as the server wires it. Two harnesses on one database are two server instances.
/// </summary>
internal sealed class CrmHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _started;

    private CrmHarness(ServiceProvider services, TimeProvider time)
    {
        _services = services;
        Time = time;
    }

    public TimeProvider Time { get; }
    public IDbContextFactory<OrderBotDbContext> DbFactory => _services.GetRequiredService<IDbContextFactory<OrderBotDbContext>>();
    public OutboxDispatcher Dispatcher => _services.GetRequiredService<OutboxDispatcher>();
    public OutboxStore Store => _services.GetRequiredService<OutboxStore>();
    public CustomerDirectory Customers => new(DbFactory, Time, _services.GetServices<IPersonalDataEraser>());
    public RetentionWorker Retention => _services.GetRequiredService<RetentionWorker>();
    public IOutboxDeliverer Deliverer => _services.GetServices<IOutboxDeliverer>().Single();
    public IEnumerable<WebhookDestinationState> WebhookStates => _services.GetServices<WebhookDestinationState>();

    public OrderHandler Handler => HandlerFor(null);

    /// <summary>An Order Handler applying this shop's rules (fulfilment, payment, tax, tips); null: no shop.</summary>
    public OrderHandler HandlerFor(OrderBot.Shop.ShopSettings? shop) =>
        new(DbFactory, Time, NullLogger<OrderHandler>.Instance, _services.GetRequiredService<OutboxWriter>(), shop: shop);

    /// <summary>Fast retries by default, so an outage of a second is many attempts; <paramref name="settings"/> override.</summary>
    public static CrmHarness Create(TestDatabase database, IDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = database.Provider.ToString(),
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:FirstRetryDelay"] = "00:00:00.020",
            ["Outbox:MaxRetryDelay"] = "00:00:00.200",
            ["Outbox:BreakDuration"] = "00:00:00.200",
            ["Outbox:MaxAttempts"] = "1000",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddOrderBotStorage(configuration).AddOrderBotCrm(configuration);
        return new CrmHarness(services.BuildServiceProvider(validateScopes: true), time ?? TimeProvider.System);
    }

    /// <summary>Runs the dispatcher in the background, as the host would.</summary>
    public async Task StartAsync()
    {
        _started = true;
        await Dispatcher.StartAsync(TestContext.Current.CancellationToken);
    }

    public async Task<IReadOnlyList<OutboxEvent>> EventsAsync(string orderId) =>
        await Store.ForOrderAsync(orderId, TestContext.Current.CancellationToken);

    public async Task<IReadOnlyList<OutboxEvent>> AllEventsAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.OutboxEvents.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
    }

    public async Task<CrmSyncState> SyncStateAsync(string orderId) =>
        (await Store.SyncStatesAsync(CrmOptions.Destination, [orderId], TestContext.Current.CancellationToken))[orderId];

    /// <summary>An order for a new customer, with the given status moves after creation.</summary>
    public async Task<string> PlaceAsync(TestDatabase database, params OrderStatus[] moves)
    {
        var customer = await database.NewCustomerAsync();
        var placed = await Handler.CreateOrderAsync(customer, [new OrderItemRequest("Pizza", 2, 10.99m)], TestContext.Current.CancellationToken);
        foreach (var move in moves)
        {
            Assert.True((await Handler.ChangeStatusAsync(placed.OrderId, move, "test", TestContext.Current.CancellationToken)).Succeeded);
        }

        return placed.OrderId;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await Dispatcher.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
