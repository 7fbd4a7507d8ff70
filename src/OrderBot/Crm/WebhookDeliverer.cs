using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Outbox;

namespace OrderBot.Crm;

/// <summary>
/// POSTs each event's JSON to its destination's <c>Webhook:Url</c>, signed the Standard Webhooks way (and with the legacy
/// <c>X-OrderBot-Signature</c>), with the event id as <c>webhook-id</c> and <c>Idempotency-Key</c>.
/// </summary>
internal sealed partial class WebhookDeliverer(
    string destination, IHttpClientFactory http, IOptions<CrmOptions> options, WebhookDestinationState state, TimeProvider time, ILogger<WebhookDeliverer> logger) : IOutboxDeliverer
{
    public string Destination => destination;

    public string? DisabledReason => state.DisabledReason;

    public async Task<DeliveryResult> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        if (state.DisabledReason is { } disabled)
        {
            return DeliveryResult.Transient(disabled);
        }

        var webhook = options.Value.Of(destination).Webhook;
        var body = Encoding.UTF8.GetBytes(outboxEvent.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(StandardWebhookSignature.IdHeader, outboxEvent.Id);
        request.Headers.Add(StandardWebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (webhook.SigningKeys is { Count: > 0 } keys)
        {
            request.Headers.Add(StandardWebhookSignature.SignatureHeader, StandardWebhookSignature.Sign(outboxEvent.Id, timestamp, body, keys));
        }

        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(body, webhook.LegacySecret!));
        request.Headers.Add("Idempotency-Key", outboxEvent.Id);
        request.Headers.Add("X-OrderBot-Event", outboxEvent.Type);

        var client = http.CreateClient(CrmOptions.HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            var reason = $"the webhook receiver answered 410 Gone at {time.GetUtcNow():u}, so nothing is sent to it and its events wait; " +
                         "fix the receiver (or its Webhook:Url and restart), then resume sending on the staff board";
            if (state.Disable(reason))
            {
                Log.Disabled(logger, destination, webhook.Url!.GetLeftPart(UriPartial.Path));
            }

            return DeliveryResult.Transient(reason);
        }

        return await HttpDelivery.ClassifyAsync(response, time, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(5101, LogLevel.Error, "The webhook receiver {Url} of {Destination} answered 410 Gone: nothing more is sent to it, its events wait until staff resume it on the board (or POST /api/crm/destinations/{Destination}/resume) or the server restarts")]
        public static partial void Disabled(ILogger logger, string destination, string url);
    }
}
