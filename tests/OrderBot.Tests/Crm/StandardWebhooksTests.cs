using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Crm;
using OrderBot.Outbox;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Crm;

/// <summary>
/// Outgoing webhooks as the Standard Webhooks specification has receivers verify them (platforms-2026.md, section 4;
/// issue 16, point 6). The verification below is written from the spec, not from OrderBot's signing code.
/// </summary>
public sealed class StandardWebhooksTests : IAsyncDisposable
{
    private static readonly string OldSecret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string NewSecret = "whsec_" + Convert.ToBase64String(Enumerable.Range(100, 24).Select(i => (byte)i).ToArray());
    private const string LegacySecret = "legacy-secret-0123456789";

    private readonly ConcurrentQueue<(IHeaderDictionary Headers, byte[] Body)> _received = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private Microsoft.AspNetCore.Builder.WebApplication? _receiver;
    private int _answer = 200;
    private ServiceProvider? _services;

    [Fact]
    public async Task Every_active_secret_signs_id_timestamp_and_body_and_each_signature_verifies_as_the_spec_says()
    {
        var deliverer = await DelivererAsync(("Crm:Webhook:Secrets:0", OldSecret), ("Crm:Webhook:Secrets:1", NewSecret), ("Crm:Webhook:Secret", LegacySecret));

        var result = await deliverer.DeliverAsync(Event("evt_01"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        var (headers, body) = Assert.Single(_received);
        Assert.Equal("evt_01", headers["webhook-id"].ToString());
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), headers["webhook-timestamp"].ToString());
        var signatures = headers["webhook-signature"].ToString().Split(' ');
        Assert.Equal(2, signatures.Length);
        Assert.True(SpecVerify(OldSecret, headers, body, _time.GetUtcNow()), "signed with the old secret");
        Assert.True(SpecVerify(NewSecret, headers, body, _time.GetUtcNow()), "signed with the new secret");
        Assert.False(SpecVerify("whsec_" + Convert.ToBase64String(new byte[32]), headers, body, _time.GetUtcNow()), "a secret nobody configured");
        Assert.False(SpecVerify(OldSecret, headers, body, _time.GetUtcNow().AddMinutes(6)), "past the 5-minute tolerance");
        Assert.True(WebhookSignature.Verify(body, LegacySecret, headers[WebhookSignature.Header]), "the legacy header is kept for one release");
    }

    [Fact]
    public async Task A_410_disables_the_destination_sends_nothing_more_and_health_says_so()
    {
        var deliverer = await DelivererAsync(("Crm:Webhook:Secrets:0", OldSecret));
        _answer = 410;

        var first = await deliverer.DeliverAsync(Event("evt_01"), TestContext.Current.CancellationToken);
        var second = await deliverer.DeliverAsync(Event("evt_02"), TestContext.Current.CancellationToken);

        // Not dead-lettered: the events wait (OutboxDispatcher releases them while the destination is disabled).
        Assert.NotEqual(DeliveryOutcome.Delivered, first.Outcome);
        Assert.NotEqual(DeliveryOutcome.Permanent, second.Outcome);
        Assert.Contains("410", second.Error, StringComparison.Ordinal);
        Assert.Contains("410", ((IOutboxDeliverer)deliverer).DisabledReason, StringComparison.Ordinal);
        Assert.Single(_received);
        var health = await new OrderBot.Server.Health.CrmWebhookHealthCheck(_services!.GetServices<WebhookDestinationState>())
            .CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("410", health.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-whsec")]
    [InlineData("whsec_c2hvcnQ=")]
    public void A_secret_not_in_whsec_form_of_24_to_64_bytes_fails_at_start_with_its_name(string secret)
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Options(("Crm:Webhook:Secrets:0", secret)).Value);
        Assert.Contains("Crm:Webhook:Secrets", error.Message, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.IOptions<CrmOptions> Options(params (string Key, string Value)[] settings)
    {
        var all = settings.Append(("Crm:Adapter", "webhook")).Append(("Crm:Webhook:Url", "http://127.0.0.1:9/events"))
            .ToDictionary(s => s.Item1, s => (string?)s.Item2);
        var services = new ServiceCollection().AddLogging().AddOrderBotCrm(new ConfigurationBuilder().AddInMemoryCollection(all).Build()).BuildServiceProvider();
        return services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CrmOptions>>();
    }

    private async Task<IOutboxDeliverer> DelivererAsync(params (string Key, string Value)[] settings)
    {
        var (app, address) = await LoopbackServer.StartAsync(app => app.MapPost("/events", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            _received.Enqueue((new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => h.Value)), buffer.ToArray()));
            return Results.StatusCode(_answer);
        }));
        _receiver = app;
        var all = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        all["Crm:Adapter"] = "webhook";
        all["Crm:Webhook:Url"] = new Uri(address, "events").ToString();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_time);
        services.AddOrderBotCrm(new ConfigurationBuilder().AddInMemoryCollection(all).Build());
        _services = services.BuildServiceProvider();
        return _services.GetServices<IOutboxDeliverer>().Single();
    }

    private static OutboxEvent Event(string id) => new()
    {
        Id = id, Destination = CrmOptions.Destination, OrderId = "o1", OrderVersion = 1, Type = "order.created",
        Payload = $$"""{"event_id":"{{id}}","type":"order.created","order_id":"o1"}""", CreatedAt = DateTime.UtcNow,
    };

    /// <summary>
    /// The spec's verification: the secret is base64 after "whsec_"; the signed content is "{id}.{timestamp}.{body}";
    /// the header is a space-separated list of "v1,&lt;base64&gt;"; any match passes; the timestamp must be within 5 minutes.
    /// </summary>
    private static bool SpecVerify(string secret, IHeaderDictionary headers, byte[] body, DateTimeOffset now)
    {
        var id = headers["webhook-id"].ToString();
        var timestamp = long.Parse(headers["webhook-timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > 300)
        {
            return false;
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        byte[] content = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        var expected = HMACSHA256.HashData(key, content);
        return headers["webhook-signature"].ToString().Split(' ')
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Any(s => CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(s[3..]), expected));
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }
}
