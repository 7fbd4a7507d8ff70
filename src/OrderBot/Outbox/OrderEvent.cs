using OrderBot.Orders;

namespace OrderBot.Outbox;

/// <summary>
/// The JSON an order's outbox event carries: what happened, who did it, and the whole order as it stood afterwards.
/// Written with <see cref="OutboxWriter.Append"/> and read back with <see cref="OutboxEvent.Read{T}"/>, never by hand.
/// </summary>
public sealed record OrderEvent(string EventId, string Type, string OrderId, int OrderVersion, DateTime OccurredAt, OrderDetails Order)
{
    /// <summary>What is known of how to reach the customer when the event was written; null for customers never seen on a channel.</summary>
    public CustomerContact? Contact { get; init; }

    /// <summary>Who made the change: <c>api</c>, <c>staff:&lt;user&gt;</c>, <c>customer:&lt;channel&gt;</c>, <c>payments</c>; null in events written before it was recorded.</summary>
    public string? Actor { get; init; }

    public const string Created = "order.created";
    public const string StatusChanged = "order.status_changed";

    /// <summary>The customer changed the lines of a pending or confirmed order; the event carries the whole new version.</summary>
    public const string Amended = "order.amended";

    /// <summary>The customer asked to cancel a started order (or staff answered the request); the order carries <c>cancel_requested_at</c>.</summary>
    public const string CancelRequestChanged = "order.cancel_request_changed";

    /// <summary>The order's payment state changed (paid, failed, refunded); the order carries <c>payment</c>.</summary>
    public const string Payment = "order.payment";
}
