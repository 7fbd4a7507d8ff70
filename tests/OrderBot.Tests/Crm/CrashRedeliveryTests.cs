using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using OrderBot.Crm;
using OrderBot.Outbox;
using OrderBot.Server;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Crm;

/// <summary>The real server as a child process, killed while the CRM is handling its delivery.</summary>
public sealed class CrashRedeliveryTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task A_server_killed_after_the_crm_received_an_event_redelivers_it_after_restart_with_the_same_key_and_it_is_applied_once()
    {
        await using var crm = await FakeCrm.StartAsync();
        var menu = Path.Combine(Path.GetDirectoryName(database.ConnectionString["Data Source=".Length..])!, "menu.json");
        await File.WriteAllTextAsync(menu, TestMenus.CafeJson, TestContext.Current.CancellationToken);
        Process? server = null;
        var killed = 0;
        crm.Intercept = async _ =>
        {
            if (Interlocked.Exchange(ref killed, 1) == 0)
            {
                // The CRM has the event and is about to apply it; the sender dies before it can hear the answer.
                server!.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            return null;
        };
        await using var harness = CrmHarness.Create(database, crm.Settings());

        server = StartServer(database.ConnectionString, menu, crm.Url);
        var orderId = await harness.PlaceAsync(database);
        await Eventually.TrueAsync(() => server.HasExited, "the server to be killed during its delivery", TimeSpan.FromSeconds(60));
        var stranded = Assert.Single(await harness.EventsAsync(orderId));
        Assert.Equal((OutboxState.Pending, 0), (stranded.State, stranded.Attempts));
        Assert.NotNull(stranded.LeaseOwner);

        server = StartServer(database.ConnectionString, menu, crm.Url);
        try
        {
            await Eventually.TrueAsync(async () => (await harness.EventsAsync(orderId))[0].State == OutboxState.Delivered,
                "the restarted server to deliver the event again", TimeSpan.FromSeconds(60));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal([stranded.Id, stranded.Id], crm.Requests.Select(r => r.IdempotencyKey));
        Assert.Equal(stranded.Id, Assert.Single(crm.Applied).IdempotencyKey);
        Assert.Equal(CrmSync.Synced, (await harness.SyncStateAsync(orderId)).State);
    }

    /// <summary>OrderBot.Server from the test's own output folder; the webhook secret comes from the environment, as in production.</summary>
    private static Process StartServer(string connectionString, string menu, Uri crmUrl)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        string[] arguments =
        [
            typeof(OrderBotApp).Assembly.Location, "serve",
            "--urls=http://127.0.0.1:0",
            $"--Storage:ConnectionString={connectionString}",
            $"--Menu:Path={menu}",
            "--Shop:Path=",
            "--Crm:Adapter=webhook",
            $"--Crm:Webhook:Url={crmUrl}",
            "--Outbox:PollInterval=00:00:00.100",
            // Long enough that the kill, not a timeout, ends the first delivery even on a busy machine.
            "--Outbox:RequestTimeout=00:00:03",
            "--Outbox:LeaseDuration=00:00:07",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Crm__Webhook__Secret"] = FakeCrm.Secret;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
