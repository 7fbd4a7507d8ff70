using System.Text.Json.Serialization;

namespace OrderBot.Outbox;

/// <summary>
/// The customer's known identifiers: a WhatsApp username user may have no phone number, only a business-scoped user id
/// (BSUID) and a username (platforms-2026.md 1.1). Each field is null when unknown.
/// </summary>
public sealed record CustomerContact(string? Phone, [property: JsonPropertyName("whatsapp_user_id")] string? WhatsAppUserId, string? Username)
{
    public static CustomerContact? From(Customers.Customer? customer)
    {
        var phone = customer?.Phone ?? (customer?.Id.StartsWith('+') == true ? customer.Id : null);
        return customer is null || (phone ?? customer.WhatsAppUserId ?? customer.Username) is null
            ? null
            : new CustomerContact(phone, customer.WhatsAppUserId, customer.Username);
    }
}
