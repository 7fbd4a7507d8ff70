namespace OrderBot.Server.WhatsApp;

/// <summary>Whom a Graph API message goes to: the phone number when known, else the business-scoped user id.</summary>
public sealed record GraphRecipient(string? Phone, string? UserId)
{
    /// <summary>For logs: masked, a BSUID as well (it is pseudonymous, and personal data all the same).</summary>
    public override string ToString() => OrderBot.Logging.Redact.Phone(Phone ?? UserId);
}
