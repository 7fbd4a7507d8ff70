using OrderBot.Menu;

namespace OrderBot.Orders;

/// <summary>
/// An order and the rules it guards: its total is always the sum of its lines, and its status only
/// moves along <see cref="OrderStatusMachine"/>, each move recorded in <see cref="History"/>.
/// </summary>
public sealed class Order
{
    private readonly List<OrderItem> _items = [];
    private readonly List<StatusChange> _history = [];

    private Order()
    {
    }

    public string Id { get; private set; } = "";

    /// <summary>The short number a customer reads in a chat ("K7Q-2MX").</summary>
    public string Number { get; private set; } = "";

    public string CustomerId { get; private set; } = "";
    public IReadOnlyList<OrderItem> Items => _items;
    public decimal TotalAmount { get; private set; }

    /// <summary>The customer's words for the staff that are not items ("pickup at 5"); null when there are none.</summary>
    public string? SpecialInstructions { get; private set; }

    public string Currency { get; private set; } = "";
    public OrderStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Incremented by every change; the optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<StatusChange> History => _history;

    public static Order Place(
        OrderIdentity identity, string customerId, string currency, int minorUnits, IEnumerable<OrderItem> items, string actor, DateTime now,
        string? specialInstructions = null)
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
        order.TotalAmount = Total(order._items, minorUnits);
        order._history.Add(new StatusChange { OrderId = order.Id, From = null, To = OrderStatus.Pending, At = now, Actor = actor });
        return order;
    }

    /// <summary>Takes a new order number after a collision with an existing one.</summary>
    internal void Renumber(string number) => Number = number;

    /// <summary>Moves to <paramref name="next"/> when the state machine allows it; otherwise says why and changes nothing.</summary>
    public bool TryMoveTo(OrderStatus next, string actor, DateTime now, out string? reason)
    {
        if (!Status.CanMoveTo(next))
        {
            reason = Status.IsFinal()
                ? $"order {Number} is {Status.ToWireName()}, which is final"
                : $"order {Number} cannot go from {Status.ToWireName()} to {next.ToWireName()}";
            return false;
        }

        _history.Add(new StatusChange { OrderId = Id, From = Status, To = next, At = now, Actor = actor });
        Status = next;
        UpdatedAt = now;
        Version++;
        reason = null;
        return true;
    }

    /// <summary>Sum of quantity times unit price, rounded once to the currency's minor unit.</summary>
    public static decimal Total(IEnumerable<OrderItem> items, int minorUnits) =>
        Money.Round(items.Sum(i => i.Quantity * i.UnitPrice), minorUnits);
}
