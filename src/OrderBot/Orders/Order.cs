using OrderBot.Menus;

namespace OrderBot.Orders;

/// <summary>
/// An order and the rules it guards: its total is always the sum of its lines, and its status only
/// moves along <see cref="OrderStatusMachine"/>, each move recorded in <see cref="History"/>.
/// </summary>
public sealed class Order
{
    // Replaced whole, never changed in place: storage compares the list by reference (see OrderLinesConverter).
    private List<OrderLine> _items = [];
    private readonly List<StatusChange> _history = [];

    private Order()
    {
    }

    public string Id { get; private set; } = "";

    /// <summary>The short number a customer reads in a chat ("K7Q-2MX").</summary>
    public string Number { get; private set; } = "";

    public string CustomerId { get; private set; } = "";
    public IReadOnlyList<OrderLine> Items => _items;

    /// <summary>What the customer pays: subtotal, delivery fee, tax when added on top, and tip.</summary>
    public decimal TotalAmount { get; private set; }

    /// <summary>The lines' sum.</summary>
    public decimal Subtotal { get; private set; }

    /// <summary>The tax in the total: added on top, or the part of the prices that is tax when they include it.</summary>
    public decimal Tax { get; private set; }

    public decimal Tip { get; private set; }

    /// <summary>Pickup or delivery, with address, fee and times; null when nobody stated it (no shop file, or a channel that does not ask).</summary>
    public Fulfilment? Fulfilment { get; private set; }

    /// <summary>How it is paid and where that stands; null when nothing was chosen (paid at the counter).</summary>
    public Payment? Payment { get; private set; }

    /// <summary>The customer's words for the staff that are not items ("pickup at 5"); null when there are none.</summary>
    public string? SpecialInstructions { get; private set; }

    public string Currency { get; private set; } = "";
    public OrderStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Incremented by every change; the optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<StatusChange> History => _history;

    /// <summary>When the customer asked to cancel an order the kitchen had started; staff accept (cancel) or refuse. Null: no request open.</summary>
    public DateTime? CancelRequestedAt { get; private set; }

    public static Order Place(
        OrderIdentity identity, string customerId, string currency, int minorUnits, IEnumerable<OrderLine> items, string actor, DateTime now,
        string? specialInstructions = null) =>
        Place(identity, customerId, currency, minorUnits, items, actor, now, specialInstructions, null, null, Shop.OrderPricing.ItemsOnly);

    /// <summary>Places an order with its fulfilment, payment and prices as the Order Handler computed them from the shop.</summary>
    public static Order Place(
        OrderIdentity identity, string customerId, string currency, int minorUnits, IEnumerable<OrderLine> items, string actor, DateTime now,
        string? specialInstructions, Fulfilment? fulfilment, Payment? payment, Func<decimal, Shop.OrderPrice> price)
    {
        var order = new Order
        {
            Id = identity.Id,
            Number = identity.Number,
            CustomerId = customerId,
            Currency = currency,
            Status = OrderStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            SpecialInstructions = specialInstructions,
        };
        order._items.AddRange(items);
        order.Fulfilment = fulfilment;
        order.Payment = payment;
        order.Reprice(price(Total(order._items, minorUnits)));
        order._history.Add(new StatusChange { OrderId = order.Id, From = null, To = OrderStatus.Pending, At = now, Actor = actor });
        return order;
    }

    /// <summary>Takes a new order number after a collision with an existing one.</summary>
    internal void Renumber(string number) => Number = number;

    /// <summary>Moves to <paramref name="next"/> when the state machine allows it; otherwise says why and changes nothing.</summary>
    public bool TryMoveTo(OrderStatus next, string actor, DateTime now, out string? reason)
    {
        if (!Status.CanMoveTo(next, Fulfilment?.Mode))
        {
            reason = Status.IsFinal()
                ? $"order {Number} is {Status.ToWireName()}, which is final"
                : $"order {Number} cannot go from {Status.ToWireName()} to {next.ToWireName()}";
            return false;
        }

        _history.Add(new StatusChange { OrderId = Id, From = Status, To = next, At = now, Actor = actor });
        Status = next;
        if (next == OrderStatus.Cancelled)
        {
            CancelRequestedAt = null;
        }

        UpdatedAt = now;
        Version++;
        reason = null;
        return true;
    }

    /// <summary>Whether the customer may still change the lines: until the kitchen starts on the order.</summary>
    public static bool CanAmend(OrderStatus status) => status is OrderStatus.Pending or OrderStatus.Confirmed;

    /// <summary>
    /// Replaces the lines (the customer added or changed something) while <see cref="CanAmend"/>; the total follows.
    /// Otherwise says why and changes nothing.
    /// </summary>
    public bool TryAmend(IEnumerable<OrderLine> items, int minorUnits, DateTime now, out string? reason) =>
        TryAmend(items, minorUnits, Shop.OrderPricing.ItemsOnly, now, out reason);

    /// <summary>Replaces the lines and prices them again with <paramref name="price"/> (fee, tax, tip from the shop).</summary>
    public bool TryAmend(IEnumerable<OrderLine> items, int minorUnits, Func<decimal, Shop.OrderPrice> price, DateTime now, out string? reason)
    {
        if (!CanAmend(Status))
        {
            reason = $"order {Number} is {Status.ToWireName()}; it can only be changed while pending or confirmed";
            return false;
        }

        _items = [.. items];
        Reprice(price(Total(_items, minorUnits)));
        UpdatedAt = now;
        Version++;
        reason = null;
        return true;
    }

    /// <summary>Opens (<paramref name="requested"/>) or closes a customer's cancel request while the order can still be cancelled.</summary>
    public bool TrySetCancelRequest(bool requested, DateTime now, out string? reason)
    {
        if (!Status.CanMoveTo(OrderStatus.Cancelled, Fulfilment?.Mode))
        {
            reason = $"order {Number} is {Status.ToWireName()}; it can no longer be cancelled";
            return false;
        }

        CancelRequestedAt = requested ? now : null;
        UpdatedAt = now;
        Version++;
        reason = null;
        return true;
    }

    /// <summary>Records a payment state change (a provider's confirmation, a refund); the method stays.</summary>
    public bool TryRecordPayment(PaymentState state, string? reference, DateTime now, out string? reason)
    {
        if (Payment is null)
        {
            reason = $"order {Number} has no payment method to record a payment for";
            return false;
        }

        Payment = Payment with { State = state, Reference = reference ?? Payment.Reference };
        UpdatedAt = now;
        Version++;
        reason = null;
        return true;
    }

    private void Reprice(Shop.OrderPrice price)
    {
        Subtotal = price.Subtotal;
        Tax = price.Tax;
        Tip = price.Tip;
        TotalAmount = price.Total;
        if (Fulfilment is not null && Fulfilment.Fee != price.Fee)
        {
            Fulfilment = Fulfilment with { Fee = price.Fee };
        }
    }

    /// <summary>Sum of quantity times unit price, rounded once to the currency's minor unit.</summary>
    public static decimal Total(IEnumerable<OrderLine> items, int minorUnits) =>
        Money.Round(items.Sum(i => i.LineTotal), minorUnits);
}
