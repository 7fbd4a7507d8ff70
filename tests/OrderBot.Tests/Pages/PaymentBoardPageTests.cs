using System.Text;
using Microsoft.Playwright;
using OrderBot.Server.Payments;
using OrderBot.Server.Eval.Payments;
using OrderBot.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Pages;

/// <summary>The board with online payment where the kitchen sees online orders only once paid, and a scheduled order.</summary>
public sealed class PaymentBoardPageTests(Browser browser) : IAsyncLifetime
{
    private const string ShopJson = """
        {
          "name": "Test Cafe", "timeZone": "UTC",
          "openingHours": {"monday": ["00:00-24:00"], "tuesday": ["00:00-24:00"], "wednesday": ["00:00-24:00"], "thursday": ["00:00-24:00"],
                           "friday": ["00:00-24:00"], "saturday": ["00:00-24:00"], "sunday": ["00:00-24:00"]},
          "payment": ["cash", "online"]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("orderbot-payboard-").FullName;
    private FakeStripe _stripe = null!;
    private RunningApp _app = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _stripe = await FakeStripe.StartAsync(TestContext.Current.CancellationToken);
        var shop = Path.Combine(_folder, "shop.json");
        await File.WriteAllTextAsync(shop, ShopJson, Token);
        _app = await RunningApp.StartAsync(Settings([("Shop:Path", shop), ("Payments:KitchenSeesUnpaidOnline", "false"), .. _stripe.Settings()]));
        await _app.AddStaffAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _stripe.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<System.Text.Json.JsonElement> PlaceAsync(string method, DateTimeOffset? requestedFor = null) =>
        await (await _app.Client.SendAsync(Request(HttpMethod.Post, "/api/orders", new
        {
            customer_id = await _app.NewCustomerAsync(),
            items = new[] { new { name = "latte", quantity = 1 } },
            fulfilment = new { mode = "pickup", requested_for = requestedFor },
            payment = new { method },
        }), Token)).ReadJsonAsync();

    [Fact]
    public async Task An_unpaid_online_order_waits_in_the_awaiting_payment_strip_and_joins_the_columns_with_a_paid_badge_once_paid()
    {
        var page = await browser.NewPageAsync(_app.BaseAddress);
        await page.SignInAsync();
        var order = await PlaceAsync("online");
        var number = order.GetProperty("number").GetString();

        var waiting = page.Locator(".strip-awaiting .card", new() { HasText = $"#{number}" });
        await Expect(waiting.Locator(".badge")).ToHaveTextAsync("awaiting payment");
        await Expect(waiting.Locator(".actions button")).ToHaveTextAsync(["Cancel"]);
        await Expect(page.Locator(".column-pending .card", new() { HasText = $"#{number}" })).ToHaveCountAsync(0);

        // The link is stored before the customer gets it, so before anyone can pay.
        await Eventually.TrueAsync(async () => (await (await _app.Client.SendAsync(Request(HttpMethod.Get, $"/api/orders/{order.GetProperty("id").GetString()}"), Token))
            .ReadJsonAsync()).TryGetProperty("payment_link", out var link) && link.ValueKind == System.Text.Json.JsonValueKind.String, "the stored payment link");
        var body = FakeStripe.Event("checkout.session.completed", _stripe.Sessions.Values.Single(), s => (s["status"], s["payment_status"]) = ("complete", "paid"));
        var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoints.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(StripeWebhookEndpoints.SignatureHeader, FakeStripe.Sign(body));
        (await _app.Client.SendAsync(request, Token)).EnsureSuccessStatusCode();

        var paid = page.Locator(".column-pending .card", new() { HasText = $"#{number}" });
        await Expect(paid.Locator(".badge")).ToHaveTextAsync("paid");
        await Expect(paid.Locator(".actions button")).ToHaveTextAsync(["Mark confirmed", "Cancel"]);
        await Expect(page.Locator(".strip-awaiting")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("board-payment.png"), FullPage = true });
    }

    [Fact]
    public async Task An_order_for_tomorrow_waits_in_the_scheduled_strip()
    {
        var page = await browser.NewPageAsync(_app.BaseAddress);
        await page.SignInAsync();
        var order = await PlaceAsync("cash", DateTimeOffset.UtcNow.AddDays(1));
        var number = order.GetProperty("number").GetString();

        await Expect(page.Locator(".strip-scheduled .card", new() { HasText = $"#{number}" })).ToBeVisibleAsync();
        await Expect(page.Locator(".column-pending .card", new() { HasText = $"#{number}" })).ToHaveCountAsync(0);
    }
}
