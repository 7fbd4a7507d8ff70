namespace OrderBot.Orders;

/// <summary>
/// An order as callers see it: the specification's shape (<c>id</c>, <c>customer_id</c>, <c>items[{name, quantity, price}]</c>,
/// <c>total_amount</c>, <c>status</c>, <c>created_at</c>, <c>updated_at</c>) with richer fields beside it.
/// </summary>
public sealed record OrderDetails(
    string Id,
    string Number,
    string CustomerId,
    IReadOnlyList<OrderLine> Items,
    decimal TotalAmount,
    string Currency,
    OrderStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version)
{
    /// <summary>The customer's words for the staff that are not items; null when there are none.</summary>
    public string? SpecialInstructions { get; init; }

    /// <summary>Status changes, oldest first; null where the history was not loaded (pages of orders).</summary>
    public IReadOnlyList<StatusChangeDetails>? History { get; init; }

    public IReadOnlyList<OrderStatus> NextStatuses => Status.NextStatuses(Fulfilment?.Mode);

    /// <summary>The lines' sum; <see cref="TotalAmount"/> adds the delivery fee, tax when added on top, and tip.</summary>
    public decimal Subtotal { get; init; }
    public decimal Tax { get; init; }
    public decimal Tip { get; init; }

    /// <summary>Pickup or delivery; null when nobody stated it.</summary>
    public Fulfilment? Fulfilment { get; init; }

    /// <summary>Payment method and state; null when nothing was chosen (paid at the counter).</summary>
    public Payment? Payment { get; init; }

    /// <summary>Set while the customer's request to cancel a started order waits for staff.</summary>
    public DateTime? CancelRequestedAt { get; init; }

    public static OrderDetails From(Order order, bool withHistory) => new(
        order.Id,
        order.Number,
        order.CustomerId,
        order.Items,
        order.TotalAmount,
        order.Currency,
        order.Status,
        order.CreatedAt,
        order.UpdatedAt,
        order.Version)
    {
        SpecialInstructions = order.SpecialInstructions,
        CancelRequestedAt = order.CancelRequestedAt,
        Subtotal = order.Subtotal,
        Tax = order.Tax,
        Tip = order.Tip,
        Fulfilment = order.Fulfilment,
        Payment = order.Payment,
        History = withHistory
            ? order.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new StatusChangeDetails(h.From, h.To, h.At, h.Actor)).ToList()
            : null,
    };
}

public sealed record StatusChangeDetails(OrderStatus? From, OrderStatus To, DateTime At, string Actor);

/// <summary>The result of placing an order: the specification's (order_id, status), the chat number and the total.</summary>
public sealed record PlacedOrder(string OrderId, OrderStatus Status, string Number, decimal TotalAmount, string Currency)
{
    /// <summary>True when an earlier request with the same idempotency key created this order.</summary>
    public bool Replayed { get; init; }

    /// <summary>The whole order with its history, so a caller need not read it back.</summary>
    public required OrderDetails Order { get; init; }

    public static PlacedOrder From(Order order) =>
        new(order.Id, order.Status, order.Number, order.TotalAmount, order.Currency) { Order = OrderDetails.From(order, withHistory: true) };
}

/// <summary>One page of a customer's orders, newest first; pass <see cref="NextCursor"/> back for the next page.</summary>
public sealed record OrderPage(IReadOnlyList<OrderDetails> Orders, string? NextCursor);
