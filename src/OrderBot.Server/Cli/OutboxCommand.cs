using System.CommandLine;
using OrderBot.Outbox;
using OrderBot.Storage;

namespace OrderBot.Server.Cli;

/// <summary><c>outbox list [--dead]</c> and <c>outbox replay &lt;eventId&gt; | --all-dead</c>, against the configured database.</summary>
public static class OutboxCommand
{
    public static Command Create()
    {
        var dead = new Option<bool>("--dead") { Description = "Only dead-lettered events." };
        var limit = new Option<int>("--limit") { Description = "How many events, newest first.", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "List outbox events, newest first.") { dead, limit };
        list.TreatUnmatchedTokensAsErrors = false;
        list.SetAction((parse, ct) => WithStoreAsync(parse, async (store, output) =>
        {
            var events = await store.ListAsync(parse.GetValue(dead), parse.GetValue(limit), ct);
            foreach (var e in events)
            {
                await output.WriteLineAsync(
                    $"{e.Id}  {e.Destination}  {e.Type}  order {e.OrderId} v{e.OrderVersion}  {e.State.ToString().ToLowerInvariant()}  attempts {e.Attempts}  next {e.NextAttemptAt:O}  {e.LastError}");
            }

            await output.WriteLineAsync($"{events.Count} event(s)");
            return 0;
        }, ct));

        var eventId = new Argument<string?>("eventId") { Description = "The event to send again.", Arity = ArgumentArity.ZeroOrOne };
        var allDead = new Option<bool>("--all-dead") { Description = "Send every dead-lettered event again." };
        var replay = new Command("replay", "Send a dead-lettered (or skipped) event again; a running server picks it up at its next sweep.") { eventId, allDead };
        replay.TreatUnmatchedTokensAsErrors = false;
        replay.SetAction((parse, ct) => WithStoreAsync(parse, async (store, output) =>
        {
            var id = parse.GetValue(eventId);
            if (parse.GetValue(allDead) == (id is not null))
            {
                await Console.Error.WriteLineAsync("Give either an event id or --all-dead.");
                return 1;
            }

            if (id is null)
            {
                await output.WriteLineAsync($"{await store.ReplayAllDeadAsync(ct)} event(s) queued again");
                return 0;
            }

            if (!await store.ReplayAsync(id, ct))
            {
                await Console.Error.WriteLineAsync($"No dead or skipped event has the id {id}.");
                return 1;
            }

            await output.WriteLineAsync($"{id} queued again");
            return 0;
        }, ct));

        return new Command("outbox", "Inspect and replay the events sent to the CRM.") { list, replay };
    }

    /// <summary>Builds the host without starting it, so the verb reads the same configuration and database as the server.</summary>
    private static async Task<int> WithStoreAsync(ParseResult parse, Func<OutboxStore, TextWriter, Task<int>> run, CancellationToken ct)
    {
        await using var app = OrderBotApp.Build(parse.UnmatchedTokens.ToArray());
        await app.Services.GetRequiredService<StorageInitializer>().InitializeAsync(ct);
        return await run(app.Services.GetRequiredService<OutboxStore>(), parse.InvocationConfiguration.Output);
    }
}
