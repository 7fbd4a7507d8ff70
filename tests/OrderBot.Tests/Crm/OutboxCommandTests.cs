using System.CommandLine;
using Microsoft.AspNetCore.Http;
using OrderBot.Crm;
using OrderBot.Outbox;
using OrderBot.Server.Cli;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Crm;

public sealed class OutboxCommandTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task The_outbox_verb_lists_dead_events_and_replays_one_by_id()
    {
        await using var crm = await FakeCrm.StartAsync();
        crm.Intercept = _ => Task.FromResult<IResult?>(Results.BadRequest());
        await using var harness = CrmHarness.Create(database, crm.Settings());
        var orderId = await harness.PlaceAsync(database);
        await harness.Dispatcher.DispatchDueAsync(TestContext.Current.CancellationToken);
        var dead = Assert.Single(await harness.EventsAsync(orderId));
        Assert.Equal(OutboxState.Dead, dead.State);

        var (listed, listing) = await RunAsync("outbox", "list", "--dead");
        var (replayed, replaying) = await RunAsync("outbox", "replay", dead.Id);
        var (unknown, _) = await RunAsync("outbox", "replay", dead.Id);

        Assert.Equal((0, 0, 1), (listed, replayed, unknown));
        Assert.Contains($"{dead.Id}  crm  order.created  order {orderId} v1  dead  attempts 1", listing, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", listing, StringComparison.Ordinal);
        Assert.Contains($"{dead.Id} queued again", replaying, StringComparison.Ordinal);
        Assert.Equal((OutboxState.Pending, 0), ((await harness.EventsAsync(orderId))[0].State, (await harness.EventsAsync(orderId))[0].Attempts));
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] verb)
    {
        string[] args = [.. verb, $"--Storage:ConnectionString={database.ConnectionString}", "--Logging:LogLevel:Default=Warning"];
        using var output = new StringWriter();
        var exit = await Verbs.CreateRoot(args).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output }, TestContext.Current.CancellationToken);
        return (exit, output.ToString());
    }
}
