using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Bench.Orders;

/// <summary>
/// Orders per second through <see cref="OrderHandler.CreateOrderAsync(string, IReadOnlyList{OrderItemRequest}, CancellationToken)"/>
/// against the raw ADO.NET baseline, same run, same database, at each writer count.
/// Usage: <c>orders --provider sqlite|postgres [--writers 1,16] [--seconds 5] [--menu FILE]</c>.
/// </summary>
internal static class OrderCreationLoad
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var provider = args.Get("provider", "sqlite");
        var seconds = double.Parse(args.Get("seconds", "5"), System.Globalization.CultureInfo.InvariantCulture);
        var writerCounts = args.Get("writers", "1,16").Split(',').Select(int.Parse).ToArray();
        var menu = BenchDatabase.LoadMenu(args.Find("menu"));
        await using var database = await BenchDatabase.CreateAsync(provider);

        var handler = database.Handler(menu);
        var raw = new RawOrderWriter(database.Provider, database.ConnectionString);
        var requests = menu.Items.Take(2).Select((item, i) => new OrderItemRequest(item.Name, i + 1)).ToList();
        var lines = requests.Select(r =>
        {
            var item = menu.FindItem(r.Name)!;
            return new OrderLine(item.Name, r.Quantity, menu.UnitPrice(item, null, []), item.Id, null, []);
        }).ToList();
        var total = Order.Total(lines, menu.MinorUnits);

        Console.WriteLine($"| provider | writers | handler orders/s | raw ADO.NET orders/s | handler / raw |");
        Console.WriteLine($"|---|---|---|---|---|");
        foreach (var writers in writerCounts)
        {
            var customers = new string[writers];
            for (var w = 0; w < writers; w++)
            {
                customers[w] = $"bench-{writers}-{w}";
                await database.Customers().UpsertAsync(customers[w]);
            }

            // Warm both sides long enough for tiered JIT to settle, so neither runs colder code than the other.
            await Load.RunAsync(writers, 3, w => handler.CreateOrderAsync(customers[w], requests));
            await Load.RunAsync(writers, 3, w => raw.WriteAsync(customers[w], lines, total));
            var viaHandler = (await Load.RunAsync(writers, seconds, w => handler.CreateOrderAsync(customers[w], requests))).PerSecond;
            var viaRaw = (await Load.RunAsync(writers, seconds, w => raw.WriteAsync(customers[w], lines, total))).PerSecond;
            Console.WriteLine($"| {database.Provider} | {writers} | {viaHandler:F0} | {viaRaw:F0} | {viaHandler / viaRaw:P0} |");
        }

        return 0;
    }
}
