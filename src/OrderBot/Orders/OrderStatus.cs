using System.Collections.Frozen;

namespace OrderBot.Orders;

/// <summary>Where an order is in its life. The allowed moves are <see cref="OrderStatusMachine"/>'s one table.</summary>
public enum OrderStatus
{
    Pending,
    Confirmed,
    Preparing,
    Ready,
    Shipped,
    Delivered,
    Cancelled,

    /// <summary>A pickup order the customer took away: its end, where a delivery order ends delivered.</summary>
    Collected,
}

/// <summary>
/// The order life cycle: the domain, the API (which buttons to show) and the tests all read this table. Each move says which
/// fulfilment modes it fits: a pickup order goes ready → collected, a delivery order ready → shipped → delivered, and an
/// order whose mode nobody stated (no shop file) keeps the original path ready → shipped → delivered.
/// </summary>
public static class OrderStatusMachine
{
    [Flags]
    private enum Fits
    {
        Unstated = 1,
        Pickup = 2,
        Delivery = 4,
        Any = Unstated | Pickup | Delivery,
    }

    private static readonly (OrderStatus From, OrderStatus To, Fits Modes)[] Moves =
    [
        (OrderStatus.Pending, OrderStatus.Confirmed, Fits.Any),
        (OrderStatus.Pending, OrderStatus.Cancelled, Fits.Any),
        (OrderStatus.Confirmed, OrderStatus.Preparing, Fits.Any),
        (OrderStatus.Confirmed, OrderStatus.Cancelled, Fits.Any),
        (OrderStatus.Preparing, OrderStatus.Ready, Fits.Any),
        (OrderStatus.Preparing, OrderStatus.Cancelled, Fits.Any),
        (OrderStatus.Ready, OrderStatus.Shipped, Fits.Unstated | Fits.Delivery),
        (OrderStatus.Ready, OrderStatus.Collected, Fits.Pickup),
        (OrderStatus.Shipped, OrderStatus.Delivered, Fits.Unstated | Fits.Delivery),
    ];

    private static readonly FrozenDictionary<(OrderStatus, Fits), OrderStatus[]> Transitions =
        (from status in Enum.GetValues<OrderStatus>()
         from mode in new[] { Fits.Unstated, Fits.Pickup, Fits.Delivery }
         select (status, mode))
        .ToFrozenDictionary(k => k, k => Moves.Where(m => m.From == k.status && m.Modes.HasFlag(k.mode)).Select(m => m.To).ToArray());

    private static Fits Of(FulfilmentMode? mode) => mode switch
    {
        FulfilmentMode.Pickup => Fits.Pickup,
        FulfilmentMode.Delivery => Fits.Delivery,
        _ => Fits.Unstated,
    };

    /// <param name="mode">The order's fulfilment mode; null when not stated.</param>
    public static bool CanMoveTo(this OrderStatus from, OrderStatus to, FulfilmentMode? mode = null) => Transitions[(from, Of(mode))].Contains(to);

    public static IReadOnlyList<OrderStatus> NextStatuses(this OrderStatus from, FulfilmentMode? mode = null) => Transitions[(from, Of(mode))];

    /// <summary>No move leads out of it, whatever the mode.</summary>
    public static bool IsFinal(this OrderStatus status) => Moves.All(m => m.From != status);

    /// <summary>The wire name of a status ("pending", "shipped").</summary>
    public static string ToWireName(this OrderStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>What to tell a caller who named a status that does not exist.</summary>
    public static string UnknownStatusMessage(string? name) =>
        $"'{name}' is not a status; use one of {string.Join(", ", Enum.GetValues<OrderStatus>().Select(s => s.ToWireName()))}";

    /// <summary>Reads a status name case-insensitively; numbers and unknown names are rejected.</summary>
    public static bool TryParse(string? name, out OrderStatus status)
    {
        status = default;
        return !string.IsNullOrWhiteSpace(name)
            && !char.IsAsciiDigit(name.Trim()[0])
            && name.Trim()[0] != '-'
            && Enum.TryParse(name.Trim(), ignoreCase: true, out status)
            && Enum.IsDefined(status);
    }
}
