using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrderBot.Crm;

/// <summary>POSTs each event's JSON to <c>Crm:Webhook:Url</c>, signed, with the event id as <c>Idempotency-Key</c>.</summary>
public sealed class WebhookDeliverer(IHttpClientFactory http, IOptions<CrmOptions> options, TimeProvider time) : IOutboxDeliverer
{
    public string Destination => CrmOptions.Destination;

    public async Task<DeliveryResult> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        var webhook = options.Value.Webhook;
        var body = Encoding.UTF8.GetBytes(outboxEvent.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(body, webhook.Secret!));
        request.Headers.Add("Idempotency-Key", outboxEvent.Id);
        request.Headers.Add("X-OrderBot-Event", outboxEvent.Type);

        var client = http.CreateClient(CrmOptions.HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        return await HttpDelivery.ClassifyAsync(response, time, cancellationToken);
    }
}
