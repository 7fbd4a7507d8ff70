namespace OrderBot.Orders;

/// <summary>
/// Everything needed to place an order. With an <see cref="IdempotencyKey"/>, placing the same request
/// again returns the first order instead of a second one; the key is remembered with the order, in the
/// same transaction, so a retry after a crash or a double-pressed button cannot make two orders.
/// </summary>
public sealed record OrderRequest(string CustomerId, IReadOnlyList<OrderItemRequest?> Items)
{
    /// <summary>Free text for the staff that is not an item ("pickup at 5", "ring twice"), at most <see cref="MaxSpecialInstructionsLength"/> characters.</summary>
    public string? SpecialInstructions { get; init; }

    public const int MaxSpecialInstructionsLength = 1000;

    public const int MaxAddressLength = 500;

    /// <summary>Pickup or delivery as the customer asked; null: not stated (pickup when the shop offers it).</summary>
    public FulfilmentRequest? Fulfilment { get; init; }

    /// <summary>How the customer will pay; null: not chosen (paid at the counter, nothing recorded).</summary>
    public PaymentMethod? PaymentMethod { get; init; }

    /// <summary>A tip as one of the shop's tip percentages; null or 0: none.</summary>
    public decimal? TipPercent { get; init; }

    /// <summary>Who places it, recorded in the status history ("api", "whatsapp", "staff:anna").</summary>
    public string Actor { get; init; } = "api";

    /// <summary>A caller-chosen key (1-255 characters), unique per <see cref="IdempotencyScope"/>.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Whose keys these are (an API key's name, a channel), so two clients' keys never collide.</summary>
    public string IdempotencyScope { get; init; } = "";
}

/// <summary>The idempotency key was used before with a different request.</summary>
public sealed class IdempotencyKeyReusedException(string key)
    : Exception($"Idempotency key '{key}' was already used with a different request.")
{
    public string Key { get; } = key;
}

/// <summary>
/// The customer's fulfilment wishes. Fee, zone and estimate are never taken from here: the Order Handler computes them.
/// A delivery needs an <see cref="Address"/> (with a postcode in it, or <see cref="Postcode"/>) or coordinates in a zone.
/// </summary>
public sealed record FulfilmentRequest(FulfilmentMode Mode)
{
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>When the customer wants it (ready for pickup, or delivered); null: as soon as possible.</summary>
    public DateTimeOffset? RequestedFor { get; init; }
}
