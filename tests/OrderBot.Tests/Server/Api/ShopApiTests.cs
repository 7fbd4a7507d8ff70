using System.Net;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Server.Api;

/// <summary>The REST API with a shop file: fulfilment, payment and prices on orders, shop rules as 422, and the stock endpoints.</summary>
public sealed class ShopApiTests : IAsyncLifetime
{
    // Always open, so the test does not depend on the hour it runs at.
    private const string ShopJson = """
        {
          "name": "Test Cafe", "timeZone": "UTC",
          "openingHours": {"monday": ["00:00-24:00"], "tuesday": ["00:00-24:00"], "wednesday": ["00:00-24:00"], "thursday": ["00:00-24:00"],
                           "friday": ["00:00-24:00"], "saturday": ["00:00-24:00"], "sunday": ["00:00-24:00"]},
          "fulfilment": ["pickup", "delivery"],
          "deliveryZones": [{"id": "mitte", "postcodes": ["10115"], "fee": 2.00, "minimumOrder": 5, "deliveryMinutes": 30}],
          "payment": ["cash", "online"],
          "tax": {"included": false, "rate": 10}
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("orderbot-shop-").FullName;
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        var shop = Path.Combine(_folder, "shop.json");
        await File.WriteAllTextAsync(shop, ShopJson, TestContext.Current.CancellationToken);
        _app = await RunningApp.StartAsync(Settings(("Shop:Path", shop)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _app.Client.SendAsync(request, TestContext.Current.CancellationToken);

    private async Task<HttpResponseMessage> PostAsync(object fulfilment, string item = "latte", int quantity = 2) => await SendAsync(Request(HttpMethod.Post, "/api/orders", new
    {
        customer_id = await _app.NewCustomerAsync(),
        items = new[] { new { name = item, quantity } },
        fulfilment,
        payment = new { method = "cash" },
    }));

    [Fact]
    public async Task A_delivery_order_shows_its_zone_fee_payment_and_prices_computed_by_the_server()
    {
        var response = await PostAsync(new { mode = "delivery", address = "Invalidenstraße 1, 10115 Berlin" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.ReadJsonAsync();
        var fulfilment = order.GetProperty("fulfilment");
        Assert.Equal(("delivery", "mitte", 2.00m), (fulfilment.GetProperty("mode").GetString(), fulfilment.GetProperty("zone").GetString(), fulfilment.GetProperty("fee").GetDecimal()));
        Assert.Equal(("cash", "due"), (order.GetProperty("payment").GetProperty("method").GetString(), order.GetProperty("payment").GetProperty("state").GetString()));
        Assert.Equal(6.40m, order.GetProperty("subtotal").GetDecimal());
        Assert.Equal(0.84m, order.GetProperty("tax").GetDecimal()); // 10% of 6.40 + 2.00
        Assert.Equal(6.40m + 2.00m + 0.84m, order.GetProperty("total_amount").GetDecimal());
    }

    [Fact]
    public async Task A_delivery_outside_the_zones_is_a_422_problem_naming_the_rule()
    {
        var response = await PostAsync(new { mode = "delivery", address = "Marienplatz 1, 80331 München" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("outside_zone", problem.GetProperty("rule").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("fulfilment.address", out _));
    }

    [Fact]
    public async Task An_item_marked_sold_out_is_listed_refused_on_create_and_ordered_again_once_marked_back()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(Request(HttpMethod.Put, "/api/stock/item/croissant/sold-out"))).StatusCode);
        var listed = await (await SendAsync(Request(HttpMethod.Get, "/api/stock"))).ReadJsonAsync();
        Assert.Contains(listed.EnumerateArray(), e => e.GetProperty("id").GetString() == "croissant" && e.GetProperty("sold_out").GetBoolean());

        var refused = await PostAsync(new { mode = "pickup" }, "croissant", 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("sold_out", (await refused.ReadJsonAsync()).GetProperty("rule").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(Request(HttpMethod.Delete, "/api/stock/item/croissant/sold-out"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(new { mode = "pickup" }, "croissant", 1)).StatusCode);
    }

    [Theory]
    [InlineData("/api/stock/item/caviar/sold-out")]
    [InlineData("/api/stock/dish/latte/sold-out")]
    public async Task Marking_an_unknown_item_or_kind_is_a_404_problem(string path)
    {
        var response = await SendAsync(Request(HttpMethod.Put, path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Stock_changes_need_the_same_credentials_as_status_changes() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(Request(HttpMethod.Put, "/api/stock/item/latte/sold-out", key: null))).StatusCode);
}
