using System.Diagnostics;
using System.Net.Http.Json;
using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Bench.Orders;

/// <summary>
/// Orders per second through the REST API (the real server on loopback, HTTP/1.1 keep-alive clients)
/// against the raw ADO.NET baseline writing the same rows, same run, same database.
/// Usage: <c>api-orders --provider sqlite|postgres [--clients 1,16,64] [--seconds 5]</c>.
/// </summary>
internal static class ApiOrderLoad
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var seconds = double.Parse(args.Get("seconds", "5"), System.Globalization.CultureInfo.InvariantCulture);
        var clientCounts = args.Get("clients", "1,16,64").Split(',').Select(int.Parse).ToArray();
        await using var database = await BenchDatabase.CreateAsync(args.Get("provider", "sqlite"));
        var menuPath = args.Find("menu") ?? Path.Combine(AppContext.BaseDirectory, "menus", "pizzeria.json");
        var menu = MenuLoader.LoadFile(menuPath);

        var (app, address) = await BenchServer.StartAsync(database, menuPath);
        await using var host = app;

        var raw = new RawOrderWriter(database.Provider, database.ConnectionString);
        var items = menu.Items.Take(2).Select((item, i) => new { name = item.Name, quantity = i + 1 }).ToArray();
        var lines = menu.Items.Take(2).Select((item, i) => new OrderLine(item.Name, i + 1, menu.UnitPrice(item, null, []), item.Id, null, [])).ToList();
        var total = Order.Total(lines, menu.MinorUnits);

        Console.WriteLine("| provider | clients | API orders/s | raw ADO.NET orders/s | API / raw | API p50 (ms) | API p99 (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var clients in clientCounts)
        {
            var customers = new string[clients];
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = address };
            for (var c = 0; c < clients; c++)
            {
                customers[c] = $"api-bench-{clients}-{c}";
                (await http.PutAsJsonAsync($"/api/customers/{customers[c]}", new { display_name = "bench" })).EnsureSuccessStatusCode();
            }

            async Task PostAsync(int c)
            {
                using var response = await http.PostAsJsonAsync("/api/orders", new { customer_id = customers[c], items });
                response.EnsureSuccessStatusCode();
            }

            await Load.RunAsync(clients, 3, PostAsync);
            await Load.RunAsync(clients, 3, c => raw.WriteAsync(customers[c], lines, total));
            var viaApi = await Load.RunAsync(clients, seconds, PostAsync);
            var viaRaw = await Load.RunAsync(clients, seconds, c => raw.WriteAsync(customers[c], lines, total));
            Console.WriteLine($"| {database.Provider} | {clients} | {viaApi.PerSecond:F0} | {viaRaw.PerSecond:F0} | {viaApi.PerSecond / viaRaw.PerSecond:P0} | {viaApi.P50:F2} | {viaApi.P99:F2} |");
        }

        await app.StopAsync();
        return 0;
    }
}

/// <summary>A closed loop of <c>workers</c> callers for a fixed time: throughput and latency percentiles.</summary>
internal static class Load
{
    public static async Task<(double PerSecond, double P50, double P99)> RunAsync(int workers, double seconds, Func<int, Task> operation)
    {
        var clock = Stopwatch.StartNew();
        var timings = new List<double>[workers];
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            timings[w] = [];
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var started = clock.Elapsed.TotalMilliseconds;
                await operation(w);
                timings[w].Add(clock.Elapsed.TotalMilliseconds - started);
            }
        })));
        var all = timings.SelectMany(t => t).Order().ToArray();
        return (all.Length / clock.Elapsed.TotalSeconds, all[all.Length / 2], all[(int)(all.Length * 0.99)]);
    }
}
