using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderBot.Bench.Orders;
using OrderBot.Chat;
using OrderBot.Server.WhatsApp;

namespace OrderBot.Bench.WhatsApp;

/// <summary>
/// Signed WhatsApp webhook deliveries at fixed offered rates (open loop: sends are scheduled by the clock, not
/// by the previous answer), one text message each, to the real server (parser extractor) whose replies go to a
/// fake Graph API in this process. Reports the acknowledgement latency and the end-to-end rate from delivery
/// to reply sent. Usage: <c>whatsapp --provider sqlite|postgres [--rates 250,500,1000] [--seconds 10]
/// [--customers 2000] [--parallelism 8] [--trips-detail yes]</c>. Database transactions and round trips per message are
/// counted by <see cref="DatabaseTrips"/>, ingestion and handling together.
/// </summary>
internal static class WebhookIngestionLoad
{
    private const string Secret = "bench-app-secret";

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var rates = args.Get("rates", "250,500,1000,1500").Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var seconds = double.Parse(args.Get("seconds", "10"), CultureInfo.InvariantCulture);
        var customers = int.Parse(args.Get("customers", "2000"), CultureInfo.InvariantCulture);
        await using var database = await BenchDatabase.CreateAsync(args.Get("provider", "sqlite"));
        var menuPath = args.Find("menu") ?? Path.Combine(AppContext.BaseDirectory, "menus", "pizzeria.json");
        var (graph, graphAddress, replies) = await StartGraphAsync();
        await using var graphHost = graph;
        var trips = new DatabaseTrips { Detailed = args.Find("trips-detail") is "yes" };
        var (app, address) = await BenchServer.StartAsync(database, menuPath, b => b.Services.AddSingleton<IInterceptor>(trips),
            $"--WhatsApp:BaseUrl={graphAddress}", "--WhatsApp:PhoneNumberId=106540352242922", "--WhatsApp:AccessToken=bench-token",
            $"--WhatsApp:AppSecret={Secret}", "--WhatsApp:VerifyToken=bench", $"--Chat:MaxParallelism={args.Get("parallelism", "8")}");
        await using var host = app;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = address };
        var round = 0;

        async Task<Result> RunAtAsync(double rate, double duration)
        {
            var bodies = Enumerable.Range(0, (int)(rate * duration)).Select(i => Delivery(i % customers, round + i / customers)).ToArray();
            round += bodies.Length / customers + 1;
            return await OfferAsync(http, bodies, rate, replies, database, trips);
        }

        await RunAtAsync(200, 3);
        Console.WriteLine("| provider | offered msg/s | sent msg/s | ack p50 (ms) | ack p99 (ms) | ack max (ms) | not 200 | handled msg/s during the run | end-to-end msg/s (until the last reply) | backlog drained after (s) | transactions / msg | round trips / msg |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var rate in rates)
        {
            var r = await RunAtAsync(rate, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {database.Provider} | {rate:F0} | {r.Sent:F0} | {r.P50:F2} | {r.P99:F2} | {r.Max:F1} | {r.Failures} | {r.HandledDuring:F0} | {r.EndToEnd:F0} | {r.Drain:F1} | {r.Transactions:F2} | {r.RoundTrips:F2} |"));
            if (trips.Detailed)
            {
                foreach (var (command, count) in trips.ByCommand().Take(30))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {(double)count / (rate * seconds),6:F2}/msg  {command}"));
                }
            }
        }

        return 0;
    }

    private sealed record Result(
        double Sent, double P50, double P99, double Max, int Failures, double HandledDuring, double EndToEnd, double Drain, double Transactions, double RoundTrips);

    private static async Task<Result> OfferAsync(HttpClient http, byte[][] bodies, double rate, Func<int> replies, BenchDatabase database, DatabaseTrips trips)
    {
        trips.ResetDetail();
        var (tripsBefore, transactionsBefore) = trips.Read();
        var latencies = new double[bodies.Length];
        var failures = 0;
        var before = replies();
        var clock = Stopwatch.StartNew();
        var sends = new Task[bodies.Length];
        for (var i = 0; i < bodies.Length; i++)
        {
            var ahead = i / rate - clock.Elapsed.TotalSeconds;
            if (ahead > 0.001)
            {
                await Task.Delay(TimeSpan.FromSeconds(ahead));
            }

            var index = i;
            sends[i] = Task.Run(async () =>
            {
                var started = clock.Elapsed.TotalMilliseconds;
                using var content = new ByteArrayContent(bodies[index]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, WhatsAppWebhookEndpoints.Path) { Content = content };
                request.Headers.Add(MetaSignature.Header, MetaSignature.Sign(bodies[index], Secret));
                using var response = await http.SendAsync(request);
                latencies[index] = clock.Elapsed.TotalMilliseconds - started;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            });
        }

        await Task.WhenAll(sends);
        var sendSeconds = clock.Elapsed.TotalSeconds;
        var handledDuring = replies() - before;

        // Every message gets exactly one reply here (see Delivery), so the run is done when all replies are out.
        while (replies() - before < bodies.Length)
        {
            if (clock.Elapsed.TotalSeconds > sendSeconds + 300)
            {
                throw new TimeoutException($"only {replies() - before} of {bodies.Length} replies after 5 minutes");
            }

            await Task.Delay(20);
        }

        var total = clock.Elapsed.TotalSeconds;
        var (tripsAfter, transactionsAfter) = trips.Read();
        await using (var db = await database.DbFactory.CreateDbContextAsync())
        {
            if (await db.ChatInbox.AnyAsync(m => m.ProcessedAt == null || m.Error != null))
            {
                throw new InvalidOperationException("messages left unhandled or failed");
            }
        }

        Array.Sort(latencies);
        return new Result(bodies.Length / sendSeconds, latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.99)], latencies[^1],
            failures, handledDuring / sendSeconds, bodies.Length / total, total - sendSeconds,
            (double)(transactionsAfter - transactionsBefore) / bodies.Length, (double)(tripsAfter - tripsBefore) / bodies.Length);
    }

    /// <summary>
    /// One message from customer <paramref name="customer"/>: an order on even rounds, "cancel" (dropping that cart)
    /// on odd ones, so every message is answered with exactly one reply and carts do not grow without end.
    /// </summary>
    private static byte[] Delivery(int customer, int round)
    {
        var waId = $"4915{customer:D8}";
        var json = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = "106540352242922" },
                        ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Bench" }, ["wa_id"] = waId }),
                        ["messages"] = new JsonArray(new JsonObject
                        {
                            ["from"] = waId,
                            ["id"] = $"wamid.bench{Guid.NewGuid():N}",
                            ["timestamp"] = (1_749_416_383L + round).ToString(CultureInfo.InvariantCulture),
                            ["type"] = "text",
                            ["text"] = new JsonObject { ["body"] = round % 2 == 0 ? "2 large pepperoni pizzas and a garlic bread please" : "cancel" },
                        }),
                    },
                }),
            }),
        };
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    /// <summary>A Graph API messages endpoint that accepts everything and counts the replies.</summary>
    private static async Task<(WebApplication App, Uri Address, Func<int> Replies)> StartGraphAsync()
    {
        var count = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var graph = builder.Build();
        graph.MapPost("/{version}/{phone}/messages", async (HttpRequest request) =>
        {
            // "Read" marks with the typing indicator share the endpoint (platforms-2026.md 3); only replies are counted.
            var body = await JsonNode.ParseAsync(request.Body);
            if (body?["status"] is not null)
            {
                return Results.Text("""{"success":true}""", "application/json");
            }

            var id = Interlocked.Increment(ref count);
            return Results.Text($$"""{"messaging_product":"whatsapp","messages":[{"id":"wamid.graph{{id}}"}]}""", "application/json");
        });
        await graph.StartAsync();
        var address = graph.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (graph, new Uri(address + "/"), () => Volatile.Read(ref count));
    }
}
