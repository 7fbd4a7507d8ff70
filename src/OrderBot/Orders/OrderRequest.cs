namespace OrderBot.Orders;

/// <summary>
/// Everything needed to place an order. With an <see cref="IdempotencyKey"/>, placing the same request
/// again returns the first order instead of a second one; the key is remembered with the order, in the
/// same transaction, so a retry after a crash or a double-pressed button cannot make two orders.
/// </summary>
public sealed record OrderRequest(string CustomerId, IReadOnlyList<OrderItemRequest> Items)
{
    /// <summary>Free text for the staff that is not an item ("pickup at 5", "ring twice"), at most <see cref="MaxSpecialInstructionsLength"/> characters.</summary>
    public string? SpecialInstructions { get; init; }

    public const int MaxSpecialInstructionsLength = 1000;

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
