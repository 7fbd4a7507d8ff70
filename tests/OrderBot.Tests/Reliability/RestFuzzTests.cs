using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using OrderBot.Menus;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Reliability;

/// <summary>
/// Generated REST bodies, valid and hostile mixed: no 500, nothing unhandled in the logs, an order only
/// from a valid request, and every stored price the menu's.
/// </summary>
public sealed class RestFuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("ORDERBOT_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) ? n : 10_000;

    private static readonly Gen<JsonNode?> AnyScalar = Gen.OneOf<JsonNode?>(
        Gen.Const((JsonNode?)null),
        Gen.Int.Select(i => (JsonNode?)i),
        Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)d : 0),
        Gen.Bool.Select(b => (JsonNode?)b),
        Gen.String.Select(s => (JsonNode?)s));

    private static Gen<JsonNode?> Name(OrderBot.Menus.Menu menu) => Gen.Frequency(
        (6, Gen.OneOf(menu.Items.SelectMany(i => i.Aliases.Prepend(i.Name).Prepend(i.Id)).ToArray()).Select(s => (JsonNode?)s)),
        (1, Gen.String[0, 300].Select(s => (JsonNode?)s)),
        (1, AnyScalar));

    private static readonly Gen<JsonNode?> Quantity = Gen.Frequency(
        (6, Gen.Int[1, 5].Select(i => (JsonNode?)i)),
        (2, Gen.Int.Select(i => (JsonNode?)i)),
        (1, Gen.Long.Select(l => (JsonNode?)l)),
        (1, AnyScalar));

    private static readonly Gen<JsonNode?> Price = Gen.Frequency(
        (12, Gen.Const((JsonNode?)null)),
        (2, Gen.Int[-100, 100_000].Select(c => (JsonNode?)(c / 100m))),
        (1, Gen.Decimal.Select(d => (JsonNode?)d)),
        (1, AnyScalar));

    private static Gen<JsonNode?> Item(OrderBot.Menus.Menu menu) =>
        Gen.Select(Name(menu), Quantity, Price, Gen.OneOf<string?>(null, null, null, null, null, "small", "large", "huge", ""), Gen.Frequency((8, Gen.Const(0)), (1, Gen.Int[1, 3]))).Select((name, quantity, price, size, options) =>
        {
            var item = new JsonObject { ["name"] = name, ["quantity"] = quantity };
            if (price is not null)
            {
                item["price"] = price;
            }

            if (size is not null)
            {
                item["size"] = size;
            }

            if (options > 0)
            {
                item["options"] = new JsonArray(Enumerable.Range(0, options).Select(o => (JsonNode?)new JsonObject
                {
                    ["name"] = o % 2 == 0 ? "oat" : "unicorn dust", ["negated"] = o == 2, ["qualifier"] = o == 1 ? "extra" : null,
                }).ToArray());
            }

            return (JsonNode?)item;
        });

    private static Gen<string> Body(OrderBot.Menus.Menu menu, string customer) => Gen.Frequency(
        (8, Gen.Select(Gen.Frequency((8, Gen.Const(customer).Select(c => (JsonNode?)c)), (1, AnyScalar)), Gen.Frequency((9, Item(menu).Array[1, 3]), (1, Item(menu).Array[0, 120]))).Select((c, items) =>
            new JsonObject { ["customer_id"] = c, ["items"] = new JsonArray(items) }.ToJsonString())),
        (1, Gen.String[0, 200]),
        (1, AnyScalar.Select(s => s?.ToJsonString() ?? "null")));

    [Fact]
    public async Task Generated_order_bodies_never_cause_a_500_and_only_valid_ones_become_orders_at_menu_prices()
    {
        await using var app = await RunningApp.StartAsync(Settings(("Api:PermitsPerMinute", "1000000")));
        var menu = TestMenus.Cafe();
        var customer = await app.NewCustomerAsync();
        var created = 0;
        var statuses = new Dictionary<HttpStatusCode, int>();

        await Body(menu, customer).SampleAsync(async body =>
        {
            var response = await app.Client.SendAsync(
                Request(HttpMethod.Post, "/api/orders", new StringContent(body, Encoding.UTF8, "application/json")),
                TestContext.Current.CancellationToken);
            lock (statuses)
            {
                statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            }

            if (response.StatusCode == HttpStatusCode.Created)
            {
                Interlocked.Increment(ref created);
                AssertMenuPrices(menu, JsonDocument.Parse(body).RootElement, await response.ReadJsonAsync());
            }

            return (int)response.StatusCode is 201 or 400 or 413 or 415 or 422;
        }, iter: Cases, threads: 4);

        var stored = await (await app.Client.SendAsync(Request(HttpMethod.Get, $"/api/customers/{Uri.EscapeDataString(customer)}/orders?limit=1"), TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.True(created > Cases / 20, $"too few valid cases to mean anything: {string.Join(", ", statuses)}");
        Assert.Equal(created > 0, stored.GetProperty("orders").GetArrayLength() == 1);
        Assert.Empty(app.Logs.Errors);
    }

    private static void AssertMenuPrices(OrderBot.Menus.Menu menu, JsonElement request, JsonElement order)
    {
        var lines = order.GetProperty("items");
        Assert.Equal(request.GetProperty("items").GetArrayLength(), lines.GetArrayLength());
        foreach (var line in lines.EnumerateArray())
        {
            var options = line.GetProperty("options").EnumerateArray().Select(o => (
                o.GetProperty("id").GetString()!, o.TryGetProperty("qualifier", out var q) ? q.GetString() : null, o.GetProperty("negated").GetBoolean()));
            var size = line.TryGetProperty("size", out var s) ? s.GetString() : null;
            Assert.Equal(MenuPrices.UnitPrice(menu, line.GetProperty("menu_item_id").GetString()!, size, options), line.GetProperty("price").GetDecimal());
        }
    }
}
