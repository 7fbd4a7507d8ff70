using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OrderBot.Crm;
using OrderBot.Outbox;
using OrderBot.Payments;
using OrderBot.Server.Payments;
using OrderBot.Server.Eval.Payments;
using OrderBot.Tests.Support;
using OrderBot.Tests.WhatsApp;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Payments;

/// <summary>
/// Online payment end to end: the real server with a shop that accepts online payment, the WhatsApp channel on its fake
/// Graph API, and a loopback Stripe that creates Checkout Sessions and whose events are signed as platforms-2026.md §5 says.
/// </summary>
public sealed class StripePaymentTests : IAsyncLifetime
{
    // Always open, so the tests do not depend on the hour they run at.
    private const string ShopJson = """
        {
          "name": "Test Cafe", "timeZone": "UTC",
          "openingHours": {"monday": ["00:00-24:00"], "tuesday": ["00:00-24:00"], "wednesday": ["00:00-24:00"], "thursday": ["00:00-24:00"],
                           "friday": ["00:00-24:00"], "saturday": ["00:00-24:00"], "sunday": ["00:00-24:00"]},
          "fulfilment": ["pickup", "delivery"],
          "deliveryZones": [{"id": "mitte", "postcodes": ["10115"], "fee": 2.00, "minimumOrder": 5, "deliveryMinutes": 30}],
          "payment": ["cash", "online"],
          "tax": {"included": false, "rate": 10},
          "tips": [10]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("orderbot-pay-").FullName;
    private FakeStripe _stripe = null!;
    private WhatsAppTestApp _app = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _stripe = await FakeStripe.StartAsync(TestContext.Current.CancellationToken);
        var shop = Path.Combine(_folder, "shop.json");
        await File.WriteAllTextAsync(shop, ShopJson, Token);
        await StartAsync(shop);
    }

    private async Task StartAsync(string shop, params (string Key, string Value)[] extra)
    {
        _app = await WhatsAppTestApp.StartAsync([("Shop:Path", shop), ("Api:Keys:tests", Key), .. _stripe.Settings(), .. extra]);
    }

    private async Task RestartAsync(params (string Key, string Value)[] extra)
    {
        await _app.DisposeAsync();
        await StartAsync(Path.Combine(_folder, "shop.json"), extra);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _stripe.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A customer who has chatted on WhatsApp (so has a conversation to be written to) places an online order over the API.</summary>
    private async Task<(string Customer, JsonElement Order)> PlaceOnlineOrderAsync()
    {
        var waId = WhatsAppTestApp.NewWaId();
        await _app.SayAsync(MetaPayloads.Text(waId, "hello"), 1);
        var response = await _app.App.Client.SendAsync(Request(HttpMethod.Post, "/api/orders", new
        {
            customer_id = "+" + waId,
            items = new[] { new { name = "latte", quantity = 2 } },
            fulfilment = new { mode = "delivery", address = "Invalidenstraße 1, 10115 Berlin" },
            payment = new { method = "online" },
            tip_percent = 10,
        }), Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ("+" + waId, await response.ReadJsonAsync());
    }

    private async Task<SentMessage> LinkMessageAsync(string customer, int count = 1) =>
        (await _app.Graph.WaitForAsync(sent => sent.Count(m => m.To == customer && m.Text.Contains("checkout.stripe.com", StringComparison.Ordinal)) >= count,
            what: $"{count} payment link message(s)"))
        .Where(m => m.To == customer && m.Text.Contains("checkout.stripe.com", StringComparison.Ordinal)).ElementAt(count - 1);

    private Task<List<PaymentLink>> LinksAsync(string orderId) =>
        _app.QueryAsync(db => db.PaymentLinks.AsNoTracking().Where(l => l.OrderId == orderId).OrderBy(l => l.Attempt).ToListAsync(Token));

    private async Task<JsonObject> SessionOfAsync(string orderId, int attempt = 1)
    {
        await Eventually.TrueAsync(async () => (await LinksAsync(orderId)).Count >= attempt, $"payment link {attempt}");
        return _stripe.Sessions[(await LinksAsync(orderId))[attempt - 1].SessionId];
    }

    private Task<HttpResponseMessage> PostEventAsync(string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoints.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(StripeWebhookEndpoints.SignatureHeader, signature);
        }

        return _app.App.Client.SendAsync(request, Token);
    }

    private Task<HttpResponseMessage> DeliverAsync(string body) => PostEventAsync(body, FakeStripe.Sign(body));

    private async Task<JsonElement> OrderAsync(string id) =>
        await (await _app.App.Client.SendAsync(Request(HttpMethod.Get, $"/api/orders/{id}"), Token)).ReadJsonAsync();

    private static string Paid(JsonObject session, string? id = null) =>
        FakeStripe.Event("checkout.session.completed", session, s => (s["status"], s["payment_status"]) = ("complete", "paid"), id);

    [Fact]
    public async Task An_online_order_gets_one_checkout_session_priced_in_minor_units_and_the_customer_gets_its_link()
    {
        var before = DateTimeOffset.UtcNow;
        var (customer, order) = await PlaceOnlineOrderAsync();
        var orderId = order.GetProperty("id").GetString()!;

        var message = await LinkMessageAsync(customer);
        var session = await SessionOfAsync(orderId);
        var request = Assert.Single(_stripe.Requests);
        Assert.Equal("Bearer " + FakeStripe.SecretKey, request.Authorization);
        Assert.Equal($"order-{orderId}-link-1", request.IdempotencyKey);
        var form = request.Form;
        Assert.Equal(("payment", orderId, orderId), (form["mode"], form["client_reference_id"], form["metadata[order_id]"]));
        // 2 lattes at 3.20 EUR, delivery 2.00, 10% tax added on both (0.84), 10% tip of the subtotal (0.64).
        Assert.Equal(("eur", "320", "2", "latte"), (form["line_items[0][price_data][currency]"], form["line_items[0][price_data][unit_amount]"],
            form["line_items[0][quantity]"], form["line_items[0][price_data][product_data][name]"]));
        Assert.Equal(["200", "84", "64"], Enumerable.Range(1, 3).Select(i => form[$"line_items[{i}][price_data][unit_amount]"]));
        Assert.Equal((long)(order.GetProperty("total_amount").GetDecimal() * 100), session["amount_total"]!.GetValue<long>());
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(form["expires_at"]));
        Assert.InRange(expires, before.AddHours(1).AddSeconds(-1), DateTimeOffset.UtcNow.AddHours(1).AddSeconds(1));

        Assert.Contains(session["url"]!.GetValue<string>(), message.Text, StringComparison.Ordinal);
        Assert.Contains($"#{order.GetProperty("number").GetString()}", message.Text, StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => (await OrderAsync(orderId)).GetProperty("payment").GetProperty("reference").GetString() == session["id"]!.GetValue<string>(),
            "the session as the order's payment reference");
        Assert.Equal("pending", (await OrderAsync(orderId)).GetProperty("payment").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_paid_completed_session_marks_the_order_paid_with_an_order_event_and_tells_the_customer_once_and_its_replay_changes_nothing()
    {
        var (customer, order) = await PlaceOnlineOrderAsync();
        var orderId = order.GetProperty("id").GetString()!;
        await LinkMessageAsync(customer);
        var body = Paid(await SessionOfAsync(orderId));

        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(body)).StatusCode);
        Assert.Equal("paid", (await OrderAsync(orderId)).GetProperty("payment").GetProperty("state").GetString());
        var paidEvents = await PaidEventsAsync(orderId);
        Assert.Equal(1, paidEvents);

        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(body)).StatusCode);
        Assert.Equal(paidEvents, await PaidEventsAsync(orderId));
        Assert.Equal(1, await _app.QueryAsync(db => db.PaymentEvents.CountAsync(e => e.OrderId == orderId, Token)));
        Assert.Equal(PaymentLinkState.Paid, (await LinksAsync(orderId)).Single().State);

        await _app.Graph.WaitForAsync(sent => sent.Any(m => m.To == customer && m.Text.Contains("received your payment", StringComparison.Ordinal)), what: "the payment news");
        await Eventually.TrueAsync(
            () => _app.QueryAsync(db => db.OutboxEvents.AllAsync(e => e.OrderId != orderId || e.State != OutboxState.Pending, Token)), "the outbox drained");
        Assert.Single(_app.Graph.To(customer), m => m.Text.Contains("received your payment", StringComparison.Ordinal));
    }

    private Task<int> PaidEventsAsync(string orderId) => _app.QueryAsync(db => db.OutboxEvents
        .CountAsync(e => e.OrderId == orderId && e.Type == OrderEvent.Payment && e.Destination == CrmOptions.Destination && e.Payload.Contains("\"state\":\"paid\""), Token));

    [Fact]
    public async Task A_forged_or_missing_signature_is_a_400_problem_and_changes_nothing()
    {
        var (customer, order) = await PlaceOnlineOrderAsync();
        var orderId = order.GetProperty("id").GetString()!;
        await LinkMessageAsync(customer);
        var body = Paid(await SessionOfAsync(orderId));

        foreach (var signature in new[] { FakeStripe.Sign(body, "whsec_someone_else"), FakeStripe.Sign(body.Replace("paid", "paid "), FakeStripe.WebhookSecret), null, "t=abc,v1=zz" })
        {
            var response = await PostEventAsync(body, signature);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        Assert.Equal("pending", (await OrderAsync(orderId)).GetProperty("payment").GetProperty("state").GetString());
        Assert.Equal(0, await _app.QueryAsync(db => db.PaymentEvents.CountAsync(Token)));
    }

    [Fact]
    public async Task An_event_signed_more_than_300_seconds_ago_is_refused_as_stale()
    {
        var (customer, order) = await PlaceOnlineOrderAsync();
        var orderId = order.GetProperty("id").GetString()!;
        await LinkMessageAsync(customer);
        var body = Paid(await SessionOfAsync(orderId));

        var response = await PostEventAsync(body, FakeStripe.Sign(body, at: DateTimeOffset.UtcNow.AddSeconds(-(StripeWebhook.ToleranceSeconds + 60))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("pending", (await OrderAsync(orderId)).GetProperty("payment").GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_event_for_a_session_no_order_has_is_answered_200_logged_and_stores_nothing()
    {
        var stranger = new JsonObject
        {
            ["id"] = "cs_test_unknown", ["object"] = "checkout.session", ["status"] = "complete", ["payment_status"] = "paid",
            ["client_reference_id"] = "0190f0e0-0000-7000-8000-000000000000", ["metadata"] = new JsonObject { ["order_id"] = "0190f0e0-0000-7000-8000-000000000000" },
        };

        var response = await DeliverAsync(FakeStripe.Event("checkout.session.completed", stranger));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await _app.QueryAsync(db => db.PaymentEvents.CountAsync(Token)));
        Assert.Contains(_app.App.Logs.Entries, e => e.Message.Contains("cs_test_unknown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_link_is_told_to_the_customer_with_a_new_one_and_after_the_last_only_the_news()
    {
        var (customer, order) = await PlaceOnlineOrderAsync();
        var orderId = order.GetProperty("id").GetString()!;
        await LinkMessageAsync(customer);

        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(FakeStripe.Event("checkout.session.expired", await SessionOfAsync(orderId), s => s["status"] = "expired"))).StatusCode);

        var renewed = await LinkMessageAsync(customer, 2);
        var second = await SessionOfAsync(orderId, 2);
        Assert.Contains("expired", renewed.Text, StringComparison.Ordinal);
        Assert.Contains(second["url"]!.GetValue<string>(), renewed.Text, StringComparison.Ordinal);
        Assert.Equal($"order-{orderId}-link-2", _stripe.Requests[^1].IdempotencyKey);
        Assert.Equal(PaymentLinkState.Expired, (await LinksAsync(orderId))[0].State);

        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(FakeStripe.Event("checkout.session.expired", second, s => s["status"] = "expired"))).StatusCode);
        var final = await _app.Graph.WaitForAsync(sent => sent.Any(m => m.To == customer && m.Text.Contains("Write to us", StringComparison.Ordinal)), what: "the last expiry's news");
        Assert.DoesNotContain("checkout.stripe.com", final.Last(m => m.To == customer).Text, StringComparison.Ordinal);
        Assert.Equal(2, (await LinksAsync(orderId)).Count);
        Assert.Equal(2, _stripe.Requests.Count);
    }

    [Fact]
    public async Task A_failed_delayed_payment_marks_the_order_failed_and_tells_the_customer()
    {
        var (customer, order) = await PlaceOnlineOrderAsync();
        var orderId = order.GetProperty("id").GetString()!;
        await LinkMessageAsync(customer);

        var body = FakeStripe.Event("checkout.session.async_payment_failed", await SessionOfAsync(orderId), s => s["status"] = "complete");
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(body)).StatusCode);

        Assert.Equal("failed", (await OrderAsync(orderId)).GetProperty("payment").GetProperty("state").GetString());
        await _app.Graph.WaitForAsync(sent => sent.Any(m => m.To == customer && m.Text.Contains("did not go through", StringComparison.Ordinal)), what: "the failure's news");
    }

    [Fact]
    public async Task A_completed_session_still_unpaid_leaves_the_order_pending()
    {
        var (customer, order) = await PlaceOnlineOrderAsync();
        var orderId = order.GetProperty("id").GetString()!;
        await LinkMessageAsync(customer);

        var body = FakeStripe.Event("checkout.session.completed", await SessionOfAsync(orderId), s => s["status"] = "complete");
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(body)).StatusCode);

        Assert.Equal("pending", (await OrderAsync(orderId)).GetProperty("payment").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_stripe_outage_at_link_time_still_ends_with_exactly_one_link_sent()
    {
        _stripe.FailNext(2);
        var (customer, order) = await PlaceOnlineOrderAsync();
        var orderId = order.GetProperty("id").GetString()!;

        await LinkMessageAsync(customer);
        await Eventually.TrueAsync(() => _app.Graph.Sent.Count >= 2, "the link");
        Assert.Single(await LinksAsync(orderId));
        Assert.True(_stripe.Requests.Count >= 3);
        Assert.All(_stripe.Requests, r => Assert.Equal($"order-{orderId}-link-1", r.IdempotencyKey));
        Assert.Single(_app.Graph.To(customer), m => m.Text.Contains("checkout.stripe.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_kitchen_not_seeing_unpaid_online_orders_staff_cannot_move_one_until_it_is_paid_but_can_cancel()
    {
        await RestartAsync(("Payments:KitchenSeesUnpaidOnline", "false"));
        var (customer, order) = await PlaceOnlineOrderAsync();
        var orderId = order.GetProperty("id").GetString()!;
        await LinkMessageAsync(customer);

        var refused = await _app.App.Client.SendAsync(Request(HttpMethod.Patch, $"/api/orders/{orderId}/status", new { status = "confirmed" }), Token);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("payment", (await refused.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(Paid(await SessionOfAsync(orderId)))).StatusCode);
        var moved = await _app.App.Client.SendAsync(Request(HttpMethod.Patch, $"/api/orders/{orderId}/status", new { status = "confirmed" }), Token);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
    }

    [Fact]
    public async Task With_the_kitchen_not_seeing_unpaid_online_orders_staff_can_still_cancel_one()
    {
        await RestartAsync(("Payments:KitchenSeesUnpaidOnline", "false"));
        var (customer, order) = await PlaceOnlineOrderAsync();
        var orderId = order.GetProperty("id").GetString()!;
        await LinkMessageAsync(customer);

        var cancelled = await _app.App.Client.SendAsync(Request(HttpMethod.Patch, $"/api/orders/{orderId}/status", new { status = "cancelled" }), Token);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }

    [Fact]
    public async Task The_order_shows_its_payment_link()
    {
        var (customer, order) = await PlaceOnlineOrderAsync();
        var orderId = order.GetProperty("id").GetString()!;
        await LinkMessageAsync(customer);
        var session = await SessionOfAsync(orderId);

        var shown = await OrderAsync(orderId);

        Assert.Equal(session["url"]!.GetValue<string>(), shown.GetProperty("payment_link").GetString());
    }

    [Fact]
    public void The_signer_follows_the_documented_rule_which_stripe_net_accepts()
    {
        var body = """{"id":"evt_1","object":"event","type":"checkout.session.expired","data":{"object":{"id":"cs_1","object":"checkout.session"}}}""";
        var at = DateTimeOffset.UtcNow;
        var parsed = Stripe.EventUtility.ConstructEvent(body, FakeStripe.Sign(body, at: at), FakeStripe.WebhookSecret, 300, at.ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        Assert.Equal("evt_1", parsed.Id);
        Assert.Throws<Stripe.StripeException>(() => Stripe.EventUtility.ConstructEvent(body, FakeStripe.Sign(body, "whsec_other", at), FakeStripe.WebhookSecret, 300, at.ToUnixTimeSeconds(), false));
    }
}
