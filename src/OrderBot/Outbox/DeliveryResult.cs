namespace OrderBot.Outbox;

public enum DeliveryOutcome
{
    Delivered,

    /// <summary>Worth trying again later: the receiver is down, slow, busy or rate limiting.</summary>
    Transient,

    /// <summary>Trying again will not help until someone fixes the data or the configuration.</summary>
    Permanent,
}

/// <param name="RetryAfter">
/// How long the receiver asked us to wait (Retry-After, or a rate limit running out): the event's next
/// attempt is no sooner, and the whole destination pauses that long.
/// </param>
/// <param name="RateLimited">A 429: the receiver is healthy, so it does not count towards the circuit breaker.</param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null, bool RateLimited = false)
{
    public static readonly DeliveryResult Delivered = new(DeliveryOutcome.Delivered);

    public static DeliveryResult Transient(string error, TimeSpan? retryAfter = null, bool rateLimited = false) =>
        new(DeliveryOutcome.Transient, error, retryAfter, rateLimited);

    public static DeliveryResult Permanent(string error) => new(DeliveryOutcome.Permanent, error);
}
