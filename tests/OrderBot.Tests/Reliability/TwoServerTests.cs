using Microsoft.EntityFrameworkCore;
using OrderBot.Tests.Crm;
using OrderBot.Tests.Support;
using OrderBot.Tests.WhatsApp;

namespace OrderBot.Tests.Reliability;

/// <summary>Two server processes on one PostgreSQL database, receiving one stream of webhook deliveries between them.</summary>
public sealed class TwoServerTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private const int Conversations = 60;

    [Fact]
    public async Task Two_servers_given_split_and_duplicated_deliveries_place_one_order_per_confirmation_and_deliver_each_event_once()
    {
        database.Server.RequireAvailable();
        await using var graph = await FakeGraphApi.StartAsync();
        await using var crm = await FakeCrm.StartAsync();
        var menu = Path.Combine(Directory.CreateTempSubdirectory("orderbot-menu-").FullName, "menu.json");
        await File.WriteAllTextAsync(menu, TestMenus.CafeJson, TestContext.Current.CancellationToken);
        await using var first = WhatsAppServer.Start("Postgres", database.ConnectionString, menu, graph, crm);
        await using var second = WhatsAppServer.Start("Postgres", database.ConnectionString, menu, graph, crm);
        await Task.WhenAll(first.WaitReadyAsync(), second.WaitReadyAsync());

        var customers = Enumerable.Range(0, Conversations).Select(_ => WhatsAppTestApp.NewWaId()).Distinct().ToList();
        await Task.WhenAll(customers.Select(async (customer, i) =>
        {
            foreach (var (_, json) in WhatsAppServer.Conversation(customer))
            {
                // A third of the deliveries reach both servers at once (Meta retrying, or two subscribed apps);
                // the rest alternate between them.
                ServerProcess[] targets = i % 3 == 0 ? [first, second] : i % 3 == 1 ? [first] : [second];
                var answers = await Task.WhenAll(targets.Select(s => WhatsAppServer.DeliverAsync(s, json)));
                Assert.All(answers, Assert.True);
            }
        }));
        await WhatsAppServer.SettledAsync(database.DbFactory, customers.Count * 2, TimeSpan.FromMinutes(3));

        await using var db = await database.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var orders = await db.Orders.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(customers.Select(c => "+" + c).Order(), orders.Select(o => o.CustomerId).Order());
        Assert.Equal(orders.Count, crm.Requests.Count);
        Assert.Equal(orders.Count, crm.Applied.Select(a => a.IdempotencyKey).Distinct().Count());

        // No message was handled by both servers: every reply went out exactly once.
        Assert.All(graph.Sent.GroupBy(m => (m.To, m.Text)), g => Assert.Single(g));
        Assert.Equal(customers.Count, graph.Sent.Count(m => m.Text.Contains("is placed", StringComparison.Ordinal)));
        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
    }
}
