using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Crm;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Storage;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Crm;

/// <summary>The outbox and its dispatcher against a fake CRM, run on every storage provider by the subclasses.</summary>
public abstract class OutboxContract(TestDatabase database)
{
    protected virtual TestDatabase Database => database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_change_writes_one_event_per_version_carrying_the_whole_order_and_who_made_it()
    {
        await using var harness = CrmHarness.Create(Database, new Dictionary<string, string?> { ["Crm:Adapter"] = "none" });

        var orderId = await harness.PlaceAsync(Database, OrderStatus.Confirmed, OrderStatus.Preparing);

        var events = await harness.EventsAsync(orderId);
        Assert.Equal([(1, OrderEvent.Created), (2, OrderEvent.StatusChanged), (3, OrderEvent.StatusChanged)], events.Select(e => (e.OrderVersion, e.Type)));
        var last = JsonDocument.Parse(events[^1].Payload).RootElement;
        Assert.Equal(events[^1].Id, last.GetProperty("event_id").GetString());
        Assert.Equal("preparing", last.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal(21.98m, last.GetProperty("order").GetProperty("total_amount").GetDecimal());
        Assert.Equal("Pizza", last.GetProperty("order").GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal("test", last.GetProperty("actor").GetString());
        Assert.Equal(("test", OrderStatus.Preparing), (events[^1].Read<OrderEvent>().Actor, events[^1].Read<OrderEvent>().Order.Status));
    }

    [Fact]
    public async Task Retention_removes_old_finished_events_but_keeps_each_orders_newest_and_everything_unfinished()
    {
        // Years before the other tests' events in this database, so only this test's events can expire.
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero));
        // One row per statement, so the run has to go batch after batch.
        await using var harness = CrmHarness.Create(Database, new Dictionary<string, string?> { ["Crm:Adapter"] = "none", ["Retention:BatchSize"] = "1" }, clock);
        var old = await harness.PlaceAsync(Database, OrderStatus.Confirmed, OrderStatus.Preparing);
        var stuck = await harness.PlaceAsync(Database, OrderStatus.Confirmed, OrderStatus.Preparing);
        await using (var db = await harness.DbFactory.CreateDbContextAsync(Ct))
        {
            await db.OutboxEvents.Where(e => e.OrderId == old && e.OrderVersion < 3).ExecuteUpdateAsync(s => s.SetProperty(e => e.State, OutboxState.Delivered), Ct);
            await db.OutboxEvents.Where(e => e.OrderId == stuck && e.OrderVersion == 1).ExecuteUpdateAsync(s => s.SetProperty(e => e.State, OutboxState.Dead), Ct);
            await db.OutboxEvents.Where(e => e.OrderId == stuck && e.OrderVersion > 1).ExecuteUpdateAsync(s => s.SetProperty(e => e.State, OutboxState.Pending), Ct);
        }

        var stateBefore = await harness.SyncStateAsync(old);
        clock.Advance(TimeSpan.FromDays(31));
        var recent = await harness.PlaceAsync(Database, OrderStatus.Confirmed);

        var removed = await harness.Retention.PurgeAsync(Ct);

        Assert.Equal(2, removed);
        Assert.Equal([3], (await harness.EventsAsync(old)).Select(e => e.OrderVersion));
        Assert.Equal([1, 2, 3], (await harness.EventsAsync(stuck)).Select(e => e.OrderVersion));
        Assert.Equal([1, 2], (await harness.EventsAsync(recent)).Select(e => e.OrderVersion));
        Assert.Equal(stateBefore.State, (await harness.SyncStateAsync(old)).State);
        Assert.Equal(0, await harness.Retention.PurgeAsync(Ct));
    }

    [Fact]
    public async Task A_failed_order_write_leaves_no_event()
    {
        await using var harness = CrmHarness.Create(Database, new Dictionary<string, string?> { ["Crm:Adapter"] = "none" });
        var before = (await harness.AllEventsAsync()).Count;

        await Assert.ThrowsAsync<UnknownCustomerException>(() =>
            harness.Handler.CreateOrderAsync("+15550000000", [new OrderItemRequest("Pizza", 1, 9m)], Ct));

        Assert.Equal(before, (await harness.AllEventsAsync()).Count);
    }

    [Fact]
    public async Task Of_racing_status_changes_only_the_winner_leaves_an_event()
    {
        await using var harness = CrmHarness.Create(Database, new Dictionary<string, string?> { ["Crm:Adapter"] = "none" });
        var orderId = await harness.PlaceAsync(Database);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            harness.Handler.ChangeStatusAsync(orderId, OrderStatus.Cancelled, $"racer-{i}", Ct))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal([1, 2], (await harness.EventsAsync(orderId)).Select(e => e.OrderVersion));
    }

    [Fact]
    public async Task Without_an_adapter_events_are_recorded_as_skipped_and_the_order_shows_not_configured()
    {
        await using var harness = CrmHarness.Create(Database, new Dictionary<string, string?> { ["Crm:Adapter"] = "none" });

        var orderId = await harness.PlaceAsync(Database, OrderStatus.Confirmed);

        Assert.All(await harness.EventsAsync(orderId), e => Assert.Equal(OutboxState.Skipped, e.State));
        Assert.Equal(CrmSync.NotConfigured, (await harness.SyncStateAsync(orderId)).State);
        Assert.Equal(0, await harness.Dispatcher.DispatchDueAsync(Ct));
    }

    [Fact]
    public async Task A_leftover_event_for_a_destination_nothing_serves_is_left_alone_and_the_crm_still_gets_the_orders_events()
    {
        // Status notices went through a "customer" destination before they were queued with the change itself; a database
        // from then may still hold such events.
        await using var crm = await FakeCrm.StartAsync();
        await using var harness = CrmHarness.Create(Database, crm.Settings());
        var orderId = await harness.PlaceAsync(Database, OrderStatus.Confirmed);
        await using (var db = await harness.DbFactory.CreateDbContextAsync(Ct))
        {
            var now = DateTime.UtcNow;
            db.OutboxEvents.Add(new OutboxEvent
            {
                Id = Guid.CreateVersion7().ToString(), Destination = "customer", OrderId = orderId, OrderVersion = 1, Type = OrderEvent.StatusChanged,
                Payload = "{}", CreatedAt = now, NextAttemptAt = now, State = OutboxState.Pending,
            });
            await db.SaveChangesAsync(Ct);
        }

        while (await harness.Dispatcher.DispatchDueAsync(Ct) > 0)
        {
        }

        Assert.Equal(2, crm.Applied.Count(a => a.OrderId == orderId));
        Assert.Equal(OutboxState.Pending, Assert.Single(await harness.EventsAsync(orderId), e => e.Destination == "customer").State);
    }

    [Fact]
    public async Task A_healthy_crm_hears_of_a_change_right_after_the_commit_without_waiting_for_a_sweep()
    {
        await using var crm = await FakeCrm.StartAsync();
        var settings = crm.Settings();
        settings["Outbox:PollInterval"] = "01:00:00";
        await using var harness = CrmHarness.Create(Database, settings);
        await harness.StartAsync();

        var orderId = await harness.PlaceAsync(Database, OrderStatus.Confirmed);

        await Eventually.TrueAsync(() => crm.Applied.Count(a => a.OrderId == orderId) == 2, "both events within seconds, long before the hourly sweep", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_crm_down_for_a_while_then_back_gets_every_event_once_in_version_order_and_ends_equal_to_the_database()
    {
        await using var crm = await FakeCrm.StartAsync();
        var down = true;
        crm.Intercept = _ => Task.FromResult<IResult?>(down ? Results.StatusCode(503) : null);
        await using var harness = CrmHarness.Create(Database, crm.Settings());
        await harness.StartAsync();

        OrderStatus[][] lives =
        [
            [OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Shipped, OrderStatus.Delivered],
            [OrderStatus.Cancelled],
            [OrderStatus.Confirmed, OrderStatus.Preparing],
            [],
            [OrderStatus.Confirmed, OrderStatus.Cancelled],
        ];
        var orderIds = await Task.WhenAll(lives.Select(moves => harness.PlaceAsync(Database, moves)));
        await Eventually.TrueAsync(() => crm.Requests.Count >= 10, "the dispatcher to keep trying while the CRM is down");
        Assert.NotEqual(CrmSync.Synced, (await harness.SyncStateAsync(orderIds[0])).State);
        down = false;

        await Eventually.TrueAsync(async () => (await Task.WhenAll(orderIds.Select(harness.SyncStateAsync))).All(s => s.State == CrmSync.Synced),
            "every order to be synced after the CRM came back");

        var total = lives.Sum(l => l.Length + 1);
        Assert.Equal(total, crm.Applied.Count);
        Assert.Equal(total, crm.Applied.Select(a => a.EventId).Distinct().Count());
        Assert.Empty(crm.OlderIgnored);
        foreach (var orderId in orderIds)
        {
            Assert.Equal(crm.Applied.Where(a => a.OrderId == orderId).Select(a => a.Version), Enumerable.Range(1, crm.Applied.Count(a => a.OrderId == orderId)));
            var stored = (await harness.Handler.GetOrderAsync(orderId, Ct))!;
            Assert.Equal((stored.Version, stored.Status.ToWireName()), (crm.Orders[orderId].Version, crm.Orders[orderId].Status));
        }
    }

    [Fact]
    public async Task A_webhook_and_hubspot_side_by_side_each_get_every_change_and_a_410_from_the_webhook_pauses_only_the_webhook()
    {
        await using var crm = await FakeCrm.StartAsync();
        await using var hubSpot = await FakeHubSpot.StartAsync();
        var gone = true;
        crm.Intercept = _ => Task.FromResult<IResult?>(gone ? Results.StatusCode(410) : null);
        // The webhook in the single-destination form (named crm), HubSpot listed beside it.
        var settings = crm.Settings();
        foreach (var (key, value) in hubSpot.Settings())
        {
            settings[key.Replace("Crm:", "Crm:Destinations:hubspot:", StringComparison.Ordinal)] = value;
        }

        await using var harness = CrmHarness.Create(Database, settings);
        var orderId = await harness.PlaceAsync(Database, OrderStatus.Confirmed);
        while (await harness.Dispatcher.DispatchDueAsync(Ct) > 0)
        {
            // Each sweep takes the next version of the order for each destination that takes events.
        }

        var paused = (await harness.Store.SyncStatesAsync(["crm", "hubspot"], [orderId], Ct))[orderId];
        Assert.Equal(4, (await harness.EventsAsync(orderId)).Count);
        Assert.Equal("crm", Assert.Single(harness.Dispatcher.DisabledDestinations).Key);
        Assert.Equal((CrmSync.Pending, (int?)null), (paused["crm"].State, paused["crm"].SyncedVersion));
        Assert.Equal((CrmSync.Synced, (int?)2), (paused["hubspot"].State, paused["hubspot"].SyncedVersion));
        Assert.NotNull(hubSpot.Find("order", orderId));

        gone = false;
        Assert.True(Assert.Single(harness.WebhookStates).Enable());
        while (await harness.Dispatcher.DispatchDueAsync(Ct) > 0)
        {
            // The webhook's waiting events go out in version order.
        }

        Assert.Equal([1, 2], crm.Applied.Where(a => a.OrderId == orderId).Select(a => a.Version));
        Assert.Equal(CrmSync.Synced, (await harness.SyncStateAsync(orderId)).State);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_exactly_as_told()
    {
        var clock = TestDatabase.Clock();
        await using var crm = await FakeCrm.StartAsync(clock);
        var limited = 1;
        crm.Intercept = _ => Task.FromResult<IResult?>(Interlocked.Exchange(ref limited, 0) == 1 ? new RetryAfter(Results.StatusCode(429), 120) : null);
        await using var harness = CrmHarness.Create(Database, crm.Settings(), clock);
        var first = await harness.PlaceAsync(Database);

        Assert.Equal(1, await harness.Dispatcher.DispatchDueAsync(Ct));
        var waiting = Assert.Single(await harness.EventsAsync(first));
        Assert.Equal((OutboxState.Pending, 1, clock.GetUtcNow().UtcDateTime.AddSeconds(120)), (waiting.State, waiting.Attempts, waiting.NextAttemptAt));
        var second = await harness.PlaceAsync(Database);

        clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, await harness.Dispatcher.DispatchDueAsync(Ct));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await harness.Dispatcher.DispatchDueAsync(Ct));

        Assert.Equal(3, crm.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(120), crm.Requests[1].At - crm.Requests[0].At);
        Assert.Equal(CrmSync.Synced, (await harness.SyncStateAsync(first)).State);
        Assert.Equal(CrmSync.Synced, (await harness.SyncStateAsync(second)).State);
    }

    [Fact]
    public async Task A_permanent_400_is_dead_lettered_with_its_reason_holds_back_later_changes_and_replay_delivers_after_the_fix()
    {
        await using var crm = await FakeCrm.StartAsync();
        var broken = true;
        crm.Intercept = _ => Task.FromResult<IResult?>(broken ? Results.BadRequest(new { error = "unknown product Pizza" }) : null);
        await using var harness = CrmHarness.Create(Database, crm.Settings());
        var orderId = await harness.PlaceAsync(Database);

        await harness.Dispatcher.DispatchDueAsync(Ct);
        var dead = Assert.Single(await harness.EventsAsync(orderId));
        Assert.Equal((OutboxState.Dead, 1), (dead.State, dead.Attempts));
        Assert.Contains("400", dead.LastError, StringComparison.Ordinal);
        Assert.Contains("unknown product Pizza", dead.LastError, StringComparison.Ordinal);
        var failed = await harness.SyncStateAsync(orderId);
        Assert.Equal((CrmSync.Failed, dead.LastError), (failed.State, failed.Reason));

        Assert.True((await harness.Handler.ChangeStatusAsync(orderId, OrderStatus.Confirmed, "test", Ct)).Succeeded);
        Assert.Equal(0, await harness.Dispatcher.DispatchDueAsync(Ct));
        Assert.Single(crm.Requests);

        broken = false;
        Assert.True(await harness.Store.ReplayAsync(dead.Id, Ct));
        while (await harness.Dispatcher.DispatchDueAsync(Ct) > 0)
        {
        }

        Assert.Equal([1, 2], crm.Applied.Select(a => a.Version));
        Assert.Equal(dead.Id, crm.Applied[0].IdempotencyKey);
        Assert.Equal((CrmSync.Synced, 2), ((await harness.SyncStateAsync(orderId)).State, (await harness.SyncStateAsync(orderId)).SyncedVersion));
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_lets_one_event_through_after_the_break()
    {
        var clock = TestDatabase.Clock();
        await using var crm = await FakeCrm.StartAsync(clock);
        var down = true;
        crm.Intercept = _ => Task.FromResult<IResult?>(down ? Results.StatusCode(503) : null);
        var settings = crm.Settings();
        settings["Outbox:BreakerThreshold"] = "2";
        settings["Outbox:BreakDuration"] = "00:00:30";
        settings["Outbox:FirstRetryDelay"] = "00:00:01";
        settings["Outbox:MaxParallelism"] = "1";
        await using var harness = CrmHarness.Create(Database, settings, clock);
        var orders = new[] { await harness.PlaceAsync(Database), await harness.PlaceAsync(Database), await harness.PlaceAsync(Database) };

        await harness.Dispatcher.DispatchDueAsync(Ct);
        Assert.Equal(2, crm.Requests.Count);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await harness.Dispatcher.DispatchDueAsync(Ct));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await harness.Dispatcher.DispatchDueAsync(Ct));
        Assert.Equal(3, crm.Requests.Count);
        Assert.Equal(0, await harness.Dispatcher.DispatchDueAsync(Ct));

        down = false;
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await harness.Dispatcher.DispatchDueAsync(Ct));
        Assert.Equal(2, await harness.Dispatcher.DispatchDueAsync(Ct));
        Assert.Equal(orders.Order(), crm.Applied.Select(a => a.OrderId).Order());
    }

    /// <summary>Adds a Retry-After header in seconds to another result.</summary>
    private sealed class RetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}

public sealed class SqliteOutboxTests(SqliteTestDatabase database)
    : OutboxContract(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresOutboxTests(PostgresTestDatabase database)
    : OutboxContract(database), IClassFixture<PostgresTestDatabase>
{
    protected override TestDatabase Database
    {
        get
        {
            database.Server.RequireAvailable();
            return database;
        }
    }
}
