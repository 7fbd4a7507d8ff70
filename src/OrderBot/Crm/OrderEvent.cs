using OrderBot.Orders;

namespace OrderBot.Crm;

/// <summary>The JSON an outbox event carries: what happened and the whole order as it stood afterwards.</summary>
public sealed record OrderEvent(string EventId, string Type, string OrderId, int OrderVersion, DateTime OccurredAt, OrderDetails Order)
{
    public const string Created = "order.created";
    public const string StatusChanged = "order.status_changed";
}
