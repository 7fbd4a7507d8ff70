using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrderBot.Customers;
using OrderBot.Orders;
using OrderBot.Outbox;

namespace OrderBot.Crm;

/// <summary>
/// Mirrors orders into HubSpot CRM: upserts the order object by <see cref="HubSpotOptions.OrderIdProperty"/>
/// (one request per event), and for a new order also upserts the contact by customer id (with the phone number, BSUID and username
/// known) and associates the two.
/// Every step is an upsert or an idempotent PUT, so a redelivered event changes nothing.
/// </summary>
internal sealed class HubSpotDeliverer(string destination, IHttpClientFactory http, IOptions<CrmOptions> options, TimeProvider time) : IOutboxDeliverer
{
    private static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DailyLimitWait = TimeSpan.FromHours(1);

    public string Destination => destination;

    public async Task<DeliveryResult> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        var hubSpot = options.Value.Of(destination).HubSpot;
        var orderEvent = JsonSerializer.Deserialize<OrderEvent>(outboxEvent.Payload, OrderJson.Options)
            ?? throw new InvalidOperationException($"event {outboxEvent.Id} has no payload");
        var client = http.CreateClient(CrmOptions.HttpClientName);
        var call = new Call(client, hubSpot, time);

        var order = await call.UpsertAsync("order", orderEvent.OrderId, hubSpot.OrderIdProperty, OrderProperties(orderEvent.Order, hubSpot), cancellationToken);
        if (order.Failure is not null)
        {
            return order.Failure;
        }

        // An erased customer's orders stay in the CRM for the books, but no contact is made for the anonymous id.
        if ((orderEvent.Type == OrderEvent.Created || order.IsNew) && !CustomerDirectory.IsErased(orderEvent.Order.CustomerId))
        {
            var contact = await call.UpsertAsync("contacts", orderEvent.Order.CustomerId, hubSpot.ContactIdProperty, ContactProperties(orderEvent, hubSpot), cancellationToken);
            if (contact.Failure is not null)
            {
                return contact.Failure;
            }

            var association = await call.SendAsync(HttpMethod.Put, $"crm/v4/objects/order/{order.Id}/associations/default/contact/{contact.Id}", null, cancellationToken);
            if (association.Failure is not null)
            {
                return association.Failure;
            }
        }

        return call.Pause is { } pause ? DeliveryResult.Delivered with { RetryAfter = pause } : DeliveryResult.Delivered;
    }

    /// <summary>
    /// What is known of the customer: the phone number when there is one (a WhatsApp username user may have none), and
    /// the BSUID and username in the properties configured for them. Events written before contacts were recorded fall
    /// back to a customer id that is a phone number.
    /// </summary>
    public static JsonObject ContactProperties(OrderEvent orderEvent, HubSpotOptions hubSpot)
    {
        var contact = orderEvent.Contact;
        var properties = new JsonObject();
        if ((contact?.Phone ?? (orderEvent.Order.CustomerId.StartsWith('+') ? orderEvent.Order.CustomerId : null)) is { } phone)
        {
            properties["phone"] = phone;
        }

        if (!string.IsNullOrWhiteSpace(hubSpot.ContactUserIdProperty) && contact?.WhatsAppUserId is { } userId)
        {
            properties[hubSpot.ContactUserIdProperty] = userId;
        }

        if (!string.IsNullOrWhiteSpace(hubSpot.ContactUsernameProperty) && contact?.Username is { } username)
        {
            properties[hubSpot.ContactUsernameProperty] = username;
        }

        return properties;
    }

    /// <summary>The order object's properties; numbers as strings, as HubSpot reads every property value.</summary>
    public static JsonObject OrderProperties(OrderDetails order, HubSpotOptions hubSpot)
    {
        var status = order.Status.ToWireName();
        var properties = new JsonObject
        {
            ["hs_order_name"] = $"Order {order.Number}",
            ["hs_currency_code"] = order.Currency,
            ["hs_total_price"] = order.TotalAmount.ToString(CultureInfo.InvariantCulture),
            ["hs_source_store"] = hubSpot.SourceStore,
            [hubSpot.StatusProperty] = hubSpot.StageOf(status),
        };
        if (!string.IsNullOrEmpty(hubSpot.Pipeline))
        {
            properties["hs_pipeline"] = hubSpot.Pipeline;
        }

        if (order.Fulfilment is { Mode: FulfilmentMode.Delivery, Address: { Length: > 0 } address })
        {
            properties["hs_shipping_address_street"] = address;
        }

        foreach (var (field, value) in FieldValues(order))
        {
            if (value is not null && hubSpot.OrderFieldProperties.TryGetValue(field, out var property))
            {
                properties[property] = value;
            }
        }

        return properties;
    }

    /// <summary>The fields <see cref="HubSpotOptions.OrderFieldProperties"/> can map, as HubSpot reads them: texts, invariant numbers, ISO 8601 UTC times.</summary>
    private static IEnumerable<(string Field, string? Value)> FieldValues(OrderDetails order)
    {
        static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
        static string? Time(DateTime? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var fulfilment = order.Fulfilment;
        var payment = order.Payment;
        return
        [
            ("fulfilment_mode", fulfilment is null ? null : fulfilment.Mode == FulfilmentMode.Delivery ? "delivery" : "pickup"),
            ("delivery_zone", fulfilment?.Zone),
            ("delivery_fee", fulfilment is { Mode: FulfilmentMode.Delivery } ? Number(fulfilment.Fee) : null),
            ("requested_for", Time(fulfilment?.RequestedFor)),
            ("estimated_at", Time(fulfilment?.EstimatedAt)),
            ("payment_method", payment is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(payment.Method.ToString())),
            ("payment_state", payment is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(payment.State.ToString())),
            ("subtotal", Number(order.Subtotal)),
            ("tax", Number(order.Tax)),
            ("tip", Number(order.Tip)),
        ];
    }

    private sealed record Step(DeliveryResult? Failure, string? Id = null, bool IsNew = false, string? Body = null);

    /// <summary>One event's requests: sends them with the token and remembers the longest rate-limit pause HubSpot asked for.</summary>
    private sealed class Call(HttpClient client, HubSpotOptions hubSpot, TimeProvider time)
    {
        public TimeSpan? Pause { get; private set; }

        public async Task<Step> UpsertAsync(string objectType, string id, string idProperty, JsonObject properties, CancellationToken cancellationToken)
        {
            var body = new JsonObject
            {
                ["inputs"] = new JsonArray(new JsonObject { ["id"] = id, ["idProperty"] = idProperty, ["properties"] = properties }),
            };
            var step = await SendAsync(HttpMethod.Post, $"crm/v3/objects/{objectType}/batch/upsert", body, cancellationToken);
            if (step.Failure is not null)
            {
                return step;
            }

            var answer = JsonNode.Parse(step.Body ?? "{}");
            if (answer?["errors"] is JsonArray { Count: > 0 } errors)
            {
                // 207 Multi-Status: the request was fine, our one input was not (e.g. VALIDATION_ERROR).
                return new Step(DeliveryResult.Permanent($"HubSpot rejected the {objectType}: {errors[0]?["message"]}"));
            }

            var result = answer?["results"]?[0];
            return result?["id"]?.GetValue<string>() is { } hubSpotId
                ? new Step(null, hubSpotId, result["new"]?.GetValue<bool>() ?? false)
                : new Step(DeliveryResult.Permanent($"HubSpot's {objectType} upsert answer has no result id"));
        }

        /// <summary>Sends one request; on success the step carries the response body.</summary>
        public async Task<Step> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(method, new Uri(hubSpot.ApiRoot, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", hubSpot.AccessToken);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            using var response = await client.SendAsync(request, cancellationToken);
            NoteRateLimit(response);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var description = await HttpDelivery.DescribeAsync(response, cancellationToken);
                var wait = HttpDelivery.RetryAfter(response, time)
                    ?? (description.Contains("DAILY", StringComparison.Ordinal) ? DailyLimitWait : Interval(response) ?? DefaultRateLimitWait);
                return new Step(DeliveryResult.Transient(description, wait, rateLimited: true));
            }

            var outcome = await HttpDelivery.ClassifyAsync(response, time, cancellationToken);
            return outcome.Outcome == DeliveryOutcome.Delivered
                ? new Step(null, Body: await response.Content.ReadAsStringAsync(cancellationToken))
                : new Step(outcome);
        }

        /// <summary>When a window's requests are used up, pause the destination until the window has passed instead of collecting 429s.</summary>
        private void NoteRateLimit(HttpResponseMessage response)
        {
            if (Header(response, "X-HubSpot-RateLimit-Remaining") is 0 && Interval(response) is { } interval && (Pause is null || interval > Pause))
            {
                Pause = interval;
            }
        }

        private static TimeSpan? Interval(HttpResponseMessage response) =>
            Header(response, "X-HubSpot-RateLimit-Interval-Milliseconds") is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

        private static long? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
    }
}
