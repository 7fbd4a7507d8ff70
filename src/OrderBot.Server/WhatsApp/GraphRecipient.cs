namespace OrderBot.Server.WhatsApp;

/// <summary>Whom a Graph API message goes to: the phone number when known, else the business-scoped user id.</summary>
public sealed record GraphRecipient(string? Phone, string? UserId)
{
    /// <summary>A phone number, as callers that only know one pass it.</summary>
    public static implicit operator GraphRecipient(string phone) => new(phone, null);

    /// <summary>For logs: masked, a BSUID as well (it is pseudonymous, and personal data all the same).</summary>
    public override string ToString() => OrderBot.Logging.Redact.Phone(Phone ?? UserId);
}
