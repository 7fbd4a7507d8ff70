using System.Net;
using Microsoft.AspNetCore.Builder;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Server;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_when_the_database_is_reachable()
    {
        await using var app = await RunningApp.StartAsync();

        var live = await app.Client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        var ready = await app.Client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.ReadJsonAsync();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_reports_unhealthy_when_the_database_cannot_be_opened()
    {
        await using var app = await RunningApp.StartAsync();
        app.BreakDatabase();

        var ready = await app.Client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}

public sealed class CrmCircuitHealthTests
{
    [Fact]
    public async Task Ready_is_degraded_but_still_200_while_the_crm_circuit_is_open()
    {
        var (crm, crmAddress) = await LoopbackServer.StartAsync(web => web.MapPost("/events", () => Microsoft.AspNetCore.Http.Results.StatusCode(503)));
        await using var _ = crm;
        await using var app = await RunningApp.StartAsync(ApiClient.Settings(
            ("Crm:Adapter", "webhook"), ("Crm:Webhook:Url", new Uri(crmAddress, "events").ToString()), ("Crm:Webhook:Secret", "a-secret-of-16-chars+"),
            ("Outbox:BreakerThreshold", "2"), ("Outbox:BreakDuration", "00:05:00"), ("Outbox:FirstRetryDelay", "00:00:00.010")));
        var customer = await app.NewCustomerAsync();
        for (var i = 0; i < 3; i++)
        {
            await app.Client.SendAsync(ApiClient.Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "water", quantity = 1 } } }),
                TestContext.Current.CancellationToken);
        }

        System.Text.Json.JsonElement report = default;
        HttpStatusCode status = default;
        await Eventually.TrueAsync(async () =>
        {
            var ready = await app.Client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
            status = ready.StatusCode;
            report = await ready.ReadJsonAsync();
            return report.GetProperty("status").GetString() == "Degraded";
        }, "the CRM circuit to open");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("crm", report.GetProperty("checks").GetProperty("outbox-circuits").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
