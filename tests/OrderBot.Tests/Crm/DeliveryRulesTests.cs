using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderBot.Crm;
using OrderBot.Outbox;

namespace OrderBot.Tests.Crm;

/// <summary>The small decisions behind the dispatcher: what is worth retrying, how long to wait, how to sign.</summary>
public sealed class DeliveryRulesTests
{
    [Theory]
    [InlineData(200, DeliveryOutcome.Delivered)]
    [InlineData(204, DeliveryOutcome.Delivered)]
    [InlineData(400, DeliveryOutcome.Permanent)]
    [InlineData(401, DeliveryOutcome.Permanent)]
    [InlineData(404, DeliveryOutcome.Permanent)]
    [InlineData(422, DeliveryOutcome.Permanent)]
    [InlineData(408, DeliveryOutcome.Transient)]
    [InlineData(409, DeliveryOutcome.Transient)]
    [InlineData(429, DeliveryOutcome.Transient)]
    [InlineData(500, DeliveryOutcome.Transient)]
    [InlineData(503, DeliveryOutcome.Transient)]
    public async Task A_status_code_is_delivered_transient_or_permanent(int status, DeliveryOutcome expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("because") };

        var result = await HttpDelivery.ClassifyAsync(response, TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(status == 429, result.RateLimited);
    }

    [Fact]
    public async Task Retry_After_is_read_as_seconds_or_as_a_date()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        using var seconds = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        seconds.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(42));
        using var date = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        date.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(clock.GetUtcNow().AddMinutes(3));

        Assert.Equal(TimeSpan.FromSeconds(42), (await HttpDelivery.ClassifyAsync(seconds, clock, TestContext.Current.CancellationToken)).RetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(3), (await HttpDelivery.ClassifyAsync(date, clock, TestContext.Current.CancellationToken)).RetryAfter);
    }

    [Fact]
    public void Backoff_doubles_per_failure_up_to_the_cap_and_jitters_within_half_to_full()
    {
        var first = TimeSpan.FromSeconds(2);
        var max = TimeSpan.FromMinutes(1);
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var full = TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks << (attempt - 1)));
            Assert.InRange(full - Backoff.Delay(attempt, first, max, 0.999999999), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
            Assert.Equal(full / 2, Backoff.Delay(attempt, first, max, 0));
        }

        Assert.InRange(max - Backoff.Delay(1000, first, max, 0.999999999), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void The_signature_is_the_hex_HMAC_SHA256_of_the_body_and_verifies_only_unchanged()
    {
        var body = Encoding.UTF8.GetBytes("{\"event_id\":\"e1\"}");

        var signature = WebhookSignature.Sign(body, "key");

        // Independently: printf '{"event_id":"e1"}' | openssl dgst -sha256 -hmac key
        Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("key"u8, body)), signature);
        Assert.True(WebhookSignature.Verify(body, "key", signature));
        Assert.False(WebhookSignature.Verify(Encoding.UTF8.GetBytes("{\"event_id\":\"e2\"}"), "key", signature));
        Assert.False(WebhookSignature.Verify(body, "other", signature));
        Assert.False(WebhookSignature.Verify(body, "key", null));
    }

    [Theory]
    [InlineData("Crm:Destinations:Warehouse:Adapter", "none", "Crm:Destinations:Warehouse: a destination's name is")]
    [InlineData("Crm:Destinations:payments:Adapter", "none", "'payments' is the outbox's own destination")]
    [InlineData("Crm:Destinations:crm:Adapter", "none", "Crm:Adapter and Crm:Destinations:crm both configure")]
    [InlineData("Crm:Destinations:shop2:Adapter", "hubspot", "Crm:Destinations:shop2:HubSpot:AccessToken is required")]
    public void A_listed_destination_with_a_wrong_name_or_a_missing_setting_fails_with_its_path(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crm:Adapter"] = "webhook",
            ["Crm:Webhook:Url"] = "http://127.0.0.1:9/events",
            ["Crm:Webhook:Secret"] = "a-secret-of-16-chars+",
            [key] = value,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddOrderBotCrm(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CrmOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("webhook", null, "Crm:Webhook:Url")]
    [InlineData("webhook", "short", "Crm:Webhook:Secret")]
    [InlineData("hubspot", null, "Crm:HubSpot:AccessToken")]
    public void A_missing_or_weak_adapter_setting_fails_with_its_name(string adapter, string? secret, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crm:Adapter"] = adapter,
            ["Crm:Webhook:Url"] = named == "Crm:Webhook:Url" ? null : "http://127.0.0.1:9/events",
            ["Crm:Webhook:Secret"] = secret,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddOrderBotCrm(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CrmOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
