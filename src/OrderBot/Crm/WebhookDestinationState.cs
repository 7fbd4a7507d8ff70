namespace OrderBot.Crm;

/// <summary>
/// Whether a webhook destination's receiver said 410 Gone, which Standard Webhooks defines as "disable this endpoint": from then on
/// nothing is sent to it and its events wait, until staff resume it (the board's button or
/// <c>POST /api/crm/destinations/{name}/resume</c>) or the server restarts. Health and the board say so meanwhile.
/// </summary>
public sealed class WebhookDestinationState(string destination, TimeProvider time)
{
    /// <summary>The outbox destination whose receiver this is.</summary>
    public string Destination => destination;

    private volatile Disabled? _disabled;

    /// <summary>Why the destination is disabled, or null while it is in use.</summary>
    public string? DisabledReason => _disabled?.Reason;

    /// <summary>When it was disabled, or null while it is in use.</summary>
    public DateTimeOffset? DisabledAt => _disabled?.At;

    /// <summary>Disables the destination; true only for the call that did it, so it is logged once.</summary>
    public bool Disable(string reason) => Interlocked.CompareExchange(ref _disabled, new Disabled(reason, time.GetUtcNow()), null) is null;

    /// <summary>Sends again (the receiver was fixed); true when it was disabled.</summary>
    public bool Enable() => Interlocked.Exchange(ref _disabled, null) is not null;

    private sealed record Disabled(string Reason, DateTimeOffset At);
}
