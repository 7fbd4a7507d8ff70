namespace OrderBot.Customers;

/// <summary>
/// Someone who orders; the id is channel-given and never changes meaning: a WhatsApp number in E.164 form, a
/// WhatsApp business-scoped user id (BSUID) for a customer known only by username, the web or terminal chat's own id.
/// </summary>
public sealed class Customer
{
    public required string Id { get; init; }
    public string? DisplayName { get; set; }
    public DateTime FirstSeenAt { get; init; }
    public DateTime LastSeenAt { get; set; }

    /// <summary>The phone number in E.164 form when the channel told it (a WhatsApp username user may never share it).</summary>
    public string? Phone { get; set; }

    /// <summary>WhatsApp's business-scoped user id (<c>user_id</c>, "BSUID"): opaque, unique per business portfolio.</summary>
    public string? WhatsAppUserId { get; set; }

    /// <summary>WhatsApp's parent BSUID (<c>parent_user_id</c>) when Meta enables them for linked portfolios.</summary>
    public string? WhatsAppParentUserId { get; set; }

    /// <summary>The customer's WhatsApp username, for display only: it can change.</summary>
    public string? Username { get; set; }

    /// <summary>
    /// The channel account the customer last wrote to (a WhatsApp business number's phone_number_id): replies and
    /// status notices go out from it. Null on channels with one account.
    /// </summary>
    public string? ChannelAccount { get; set; }

    /// <summary>The language the customer writes in ("en", "es", "pt"), as the conversation last read it; null until they write.</summary>
    public string? Language { get; set; }
}
