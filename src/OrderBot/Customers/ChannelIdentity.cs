namespace OrderBot.Customers;

/// <summary>
/// Who a channel says a message came from. WhatsApp gives a phone number, a business-scoped user id (BSUID), or
/// both (platforms-2026.md 1.2); every field is optional, but a message carries at least one of the two.
/// </summary>
/// <param name="Phone">E.164 with the plus sign.</param>
/// <param name="Account">The business account (number) the customer wrote to; replies go out from it.</param>
public sealed record ChannelIdentity(
    string? Phone,
    string? UserId,
    string? ParentUserId = null,
    string? Username = null,
    string? DisplayName = null,
    string? Account = null)
{
    public bool IsEmpty => Phone is null && UserId is null;
}
