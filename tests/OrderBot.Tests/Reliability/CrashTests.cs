using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrderBot.Tests.Crm;
using OrderBot.Tests.Support;
using OrderBot.Tests.WhatsApp;

namespace OrderBot.Tests.Reliability;

/// <summary>
/// The server as a child process, killed with SIGKILL while customers are ordering through the signed webhook,
/// then started again. Deliveries that got no 200 are sent again, as Meta does. The CI run uses 150
/// conversations; <c>scripts/reliability.sh crash</c> runs 1,000 (ORDERBOT_CRASH_CONVERSATIONS).
/// </summary>
public sealed class CrashTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static readonly int Conversations =
        int.TryParse(Environment.GetEnvironmentVariable("ORDERBOT_CRASH_CONVERSATIONS"), CultureInfo.InvariantCulture, out var n) ? n : 150;

    [Fact]
    public async Task A_server_killed_mid_traffic_handles_every_acknowledged_message_once_and_places_and_syncs_every_confirmed_order_once()
    {
        await using var graph = await FakeGraphApi.StartAsync();
        await using var crm = await FakeCrm.StartAsync();
        var menu = Path.Combine(Path.GetDirectoryName(database.ConnectionString["Data Source=".Length..])!, "menu.json");
        await File.WriteAllTextAsync(menu, TestMenus.CafeJson, TestContext.Current.CancellationToken);
        var server = WhatsAppServer.Start("Sqlite", database.ConnectionString, menu, graph, crm);
        await server.WaitReadyAsync();

        var customers = Enumerable.Range(0, Conversations).Select(_ => WhatsAppTestApp.NewWaId()).Distinct().ToList();
        var acknowledged = new ConcurrentBag<string>();
        var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var senders = new SemaphoreSlim(16);

        async Task DeliverAsync(string id, string json)
        {
            while (!await WhatsAppServer.DeliverAsync(Volatile.Read(ref server), json))
            {
                // Refused only while the server is down: wait for the new one, then deliver again like Meta.
                await restarted.Task;
            }

            acknowledged.Add(id);
            if (acknowledged.Count == customers.Count)
            {
                killNow.TrySetResult();
            }
        }

        var traffic = Task.WhenAll(customers.Select(async customer =>
        {
            await senders.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                // The confirmation only after the order was acknowledged, so it is recorded (and handled) after it.
                foreach (var (id, json) in WhatsAppServer.Conversation(customer))
                {
                    await DeliverAsync(id, json);
                }
            }
            finally
            {
                senders.Release();
            }
        }));

        await killNow.Task;
        var first = server;
        await first.KillAsync();
        var acknowledgedBeforeKill = acknowledged.Count;
        await using var second = WhatsAppServer.Start("Sqlite", database.ConnectionString, menu, graph, crm);
        Volatile.Write(ref server, second);
        await second.WaitReadyAsync();
        restarted.SetResult();
        await traffic;
        await WhatsAppServer.SettledAsync(database.DbFactory, customers.Count * 2, TimeSpan.FromMinutes(5));

        await using var db = await database.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var inbox = await db.ChatInbox.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal), inbox.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.All(inbox, m => Assert.NotNull(m.ProcessedAt));

        // Handled once: each message's replies were queued by exactly one committed transaction.
        var thanks = await db.OutboundMessages.AsNoTracking().Where(m => m.Payload.Contains("is placed")).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(customers.Count, thanks.Count);
        Assert.Equal(customers.Count, thanks.Select(m => m.CustomerId).Distinct().Count());

        var orders = await db.Orders.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(customers.Select(c => "+" + c).Order(), orders.Select(o => o.CustomerId).Order());
        MenuPrices.AssertAll(TestMenus.Cafe(), orders);

        var events = await db.OutboxEvents.AsNoTracking().Where(e => e.Destination == "crm").Select(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(orders.Count, events.Count);
        Assert.Equal(events.Order(), crm.Applied.Select(a => a.IdempotencyKey).Order());

        // Sending is at least once: a reply the Graph API accepted just before the kill, but not yet marked sent, goes again.
        var resent = graph.Sent.GroupBy(m => (m.To, m.Text)).Sum(g => g.Count() - 1);
        Assert.InRange(resent, 0, 8);
        Assert.All(customers, c => Assert.Contains(graph.Sent, m => m.To == "+" + c && m.Text.Contains("is placed", StringComparison.Ordinal)));
        Assert.Empty(second.Errors);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{customers.Count} conversations, {acknowledgedBeforeKill} deliveries acknowledged before the kill, {resent} replies sent twice, " +
            $"{crm.Requests.Count - crm.Applied.Count} CRM redeliveries (deduplicated by the receiver)");
    }
}
