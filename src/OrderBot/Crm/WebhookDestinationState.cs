namespace OrderBot.Crm;

/// <summary>
/// Whether the webhook receiver said 410 Gone, which Standard Webhooks defines as "disable this endpoint": from then on
/// nothing is sent to it until the process is restarted with a new <c>Crm:Webhook:Url</c> (health says so meanwhile).
/// </summary>
public sealed class WebhookDestinationState
{
    private volatile string? _disabledReason;

    /// <summary>Why the destination is disabled, or null while it is in use.</summary>
    public string? DisabledReason => _disabledReason;

    public void Disable(string reason) => _disabledReason = reason;
}
