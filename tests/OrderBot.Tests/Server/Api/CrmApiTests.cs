using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Server.Api;

public sealed class CrmApiTests
{
    [Fact]
    public async Task Without_a_crm_orders_show_their_events_as_not_configured()
    {
        await using var app = await RunningApp.StartAsync(Settings());
        var customer = await app.NewCustomerAsync();

        var order = await (await app.Client.SendAsync(Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "water", quantity = 1 } } }),
            TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal("not_configured", order.GetProperty("crm").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_rejected_event_is_listed_as_a_dead_letter_and_replaying_it_after_the_fix_syncs_the_order()
    {
        var accept = false;
        var (crm, crmAddress) = await LoopbackServer.StartAsync(web => web.MapPost("/events", () => accept ? Results.Ok() : Results.BadRequest("unknown field")));
        await using var _ = crm;
        await using var app = await RunningApp.StartAsync(Settings(
            ("Crm:Adapter", "webhook"), ("Crm:Webhook:Url", new Uri(crmAddress, "events").ToString()), ("Crm:Webhook:Secret", "a-secret-of-16-chars+")));
        var customer = await app.NewCustomerAsync();
        var order = await (await app.Client.SendAsync(Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "water", quantity = 1 } } }),
            TestContext.Current.CancellationToken)).ReadJsonAsync();
        var orderPath = $"/api/orders/{order.GetProperty("id").GetString()}";

        JsonElement dead = default;
        await Eventually.TrueAsync(async () =>
        {
            dead = await (await app.Client.SendAsync(Request(HttpMethod.Get, "/api/crm/dead-letters"), TestContext.Current.CancellationToken)).ReadJsonAsync();
            return dead.GetArrayLength() == 1;
        }, "the rejected event to be dead-lettered");
        var letter = dead[0];
        Assert.Equal(order.GetProperty("id").GetString(), letter.GetProperty("order_id").GetString());
        Assert.Contains("400", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var failed = await (await app.Client.SendAsync(Request(HttpMethod.Get, orderPath), TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal("failed", failed.GetProperty("crm").GetProperty("state").GetString());

        accept = true;
        var replay = await app.Client.SendAsync(Request(HttpMethod.Post, $"/api/crm/dead-letters/{letter.GetProperty("id").GetString()}/replay"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await Eventually.TrueAsync(async () =>
            (await (await app.Client.SendAsync(Request(HttpMethod.Get, orderPath), TestContext.Current.CancellationToken)).ReadJsonAsync())
                .GetProperty("crm").GetProperty("state").GetString() == "synced", "the replayed event to be delivered");
        var unknown = await app.Client.SendAsync(Request(HttpMethod.Post, "/api/crm/dead-letters/no-such-event/replay"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_410_keeps_the_events_waiting_shows_the_destination_disabled_and_resuming_sends_them_in_order()
    {
        // platforms-2026.md 4: "410 Gone -> disable the endpoint and stop sending".
        var gone = true;
        var received = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var (crm, crmAddress) = await LoopbackServer.StartAsync(web => web.MapPost("/events", (HttpRequest request) =>
        {
            if (gone)
            {
                return Results.StatusCode(410);
            }

            received.Enqueue(request.Headers["webhook-id"].ToString());
            return Results.Ok();
        }));
        await using var _ = crm;
        await using var app = await RunningApp.StartAsync(Settings(
            ("Crm:Adapter", "webhook"), ("Crm:Webhook:Url", new Uri(crmAddress, "events").ToString()), ("Crm:Webhook:Secret", "a-secret-of-16-chars+")));
        var customer = await app.NewCustomerAsync();
        var order = await (await app.Client.SendAsync(Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "water", quantity = 1 } } }),
            TestContext.Current.CancellationToken)).ReadJsonAsync();
        var orderPath = $"/api/orders/{order.GetProperty("id").GetString()}";

        JsonElement webhook = default;
        await Eventually.TrueAsync(async () =>
        {
            webhook = await (await app.Client.SendAsync(Request(HttpMethod.Get, "/api/crm/webhook"), TestContext.Current.CancellationToken)).ReadJsonAsync();
            return webhook.GetProperty("state").GetString() == "disabled";
        }, "the destination to be disabled");
        await app.Client.SendAsync(Request(HttpMethod.Patch, $"{orderPath}/status", new { status = "confirmed" }), TestContext.Current.CancellationToken);

        Assert.Contains("410", webhook.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var health = await app.Client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Contains("410", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var dead = await (await app.Client.SendAsync(Request(HttpMethod.Get, "/api/crm/dead-letters"), TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(0, dead.GetArrayLength());
        Assert.Single(app.Logs.Entries, e => e.Category == typeof(OrderBot.Crm.WebhookDeliverer).FullName && e.Message.Contains("410 Gone", StringComparison.Ordinal));

        gone = false;
        var resumed = await (await app.Client.SendAsync(Request(HttpMethod.Post, "/api/crm/webhook/resume"), TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal("active", resumed.GetProperty("state").GetString());
        await Eventually.TrueAsync(() => received.Count == 2, "both events to be delivered after resuming");
        await Eventually.TrueAsync(async () =>
            (await (await app.Client.SendAsync(Request(HttpMethod.Get, orderPath), TestContext.Current.CancellationToken)).ReadJsonAsync())
                .GetProperty("crm").GetProperty("state").GetString() == "synced", "the order to be synced");
    }
}
