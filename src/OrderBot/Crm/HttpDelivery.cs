using System.Net;
using OrderBot.Outbox;

namespace OrderBot.Crm;

/// <summary>Reads an HTTP answer as a delivery outcome, the same way for every adapter.</summary>
internal static class HttpDelivery
{
    /// <summary>
    /// 2xx delivered; 408, 429, 5xx transient; 409 transient too, because an idempotency layer answers 409 while
    /// a request with the same key is still running; any other status permanent.
    /// </summary>
    public static async Task<DeliveryResult> ClassifyAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return DeliveryResult.Delivered;
        }

        var code = (int)response.StatusCode;
        var error = await DescribeAsync(response, cancellationToken);
        return IsTransient(response.StatusCode)
            ? DeliveryResult.Transient(error, RetryAfter(response, time), rateLimited: code == 429)
            : DeliveryResult.Permanent(error);
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The Retry-After header as a wait from now, as seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>"HTTP 400 Bad Request: " and the start of the body, which is the receiver's own explanation.</summary>
    public static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var excerpt = body.Length > 300 ? body[..300] + "..." : body;
        return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(excerpt.Length > 0 ? ": " + excerpt : "")}";
    }
}
