namespace OrderBot.Orders;

/// <summary>A remembered idempotency key: which order it created and a fingerprint of the request that did.</summary>
public sealed class IdempotentOrderRequest
{
    /// <summary>Scope and key joined, the primary key.</summary>
    public required string Key { get; init; }

    /// <summary>SHA-256 of the request's customer and items.</summary>
    public required string Fingerprint { get; init; }

    public required string OrderId { get; init; }
    public required DateTime CreatedAt { get; init; }
}
