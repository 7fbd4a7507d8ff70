namespace OrderBot.Customers;

/// <summary>Someone who orders; the id is channel-given, such as a WhatsApp number in E.164 digits.</summary>
public sealed class Customer
{
    public required string Id { get; init; }
    public string? DisplayName { get; set; }
    public DateTime FirstSeenAt { get; init; }
    public DateTime LastSeenAt { get; set; }

    /// <summary>The language the customer writes in ("en", "es", "pt"), as the conversation last read it; null until they write.</summary>
    public string? Language { get; set; }
}
