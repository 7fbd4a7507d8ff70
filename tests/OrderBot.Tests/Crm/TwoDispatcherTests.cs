using Microsoft.AspNetCore.Http;
using OrderBot.Crm;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Crm;

/// <summary>Several server instances on one PostgreSQL database share the outbox.</summary>
public sealed class TwoDispatcherTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Two_dispatchers_on_one_PostgreSQL_database_deliver_each_event_exactly_once_and_in_order()
    {
        database.Server.RequireAvailable();
        await using var crm = await FakeCrm.StartAsync();
        // A little latency widens the window in which both instances could pick up the same event.
        crm.Intercept = async _ =>
        {
            await Task.Delay(Random.Shared.Next(0, 5));
            return null;
        };
        var settings = crm.Settings();
        settings["Outbox:PollInterval"] = "00:00:00.020";
        await using var first = CrmHarness.Create(database, settings);
        await using var second = CrmHarness.Create(database, settings);
        Assert.NotEqual(first.Dispatcher.InstanceId, second.Dispatcher.InstanceId);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());

        var orderIds = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            (i % 2 == 0 ? first : second).PlaceAsync(database, OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.Ready)));

        await Eventually.TrueAsync(() => crm.Applied.Count == orderIds.Length * 4, "all 120 events to arrive");
        await Eventually.TrueAsync(async () => (await first.AllEventsAsync()).All(e => e.State == OutboxState.Delivered), "every event marked delivered");
        Assert.Equal(orderIds.Length * 4, crm.Requests.Count);
        Assert.Equal(crm.Requests.Count, crm.Requests.Select(r => r.IdempotencyKey).Distinct().Count());
        Assert.Empty(crm.OlderIgnored);
        Assert.All(orderIds, id => Assert.Equal([1, 2, 3, 4], crm.Requests.Where(r => r.OrderId == id).Select(r => r.Version)));
    }
}
