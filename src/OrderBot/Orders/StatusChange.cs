namespace OrderBot.Orders;

/// <summary>One entry of an order's status history; the first entry has no <see cref="From"/>.</summary>
public sealed class StatusChange
{
    /// <summary>A UUIDv7 made by the application, so inserting a change needs no round trip for a generated key.</summary>
    public string Id { get; init; } = Guid.CreateVersion7().ToString();
    public required string OrderId { get; init; }
    public OrderStatus? From { get; init; }
    public required OrderStatus To { get; init; }
    public required DateTime At { get; init; }

    /// <summary>Who or which channel made the change, e.g. "api", "whatsapp", "staff:anna".</summary>
    public required string Actor { get; init; }
}
