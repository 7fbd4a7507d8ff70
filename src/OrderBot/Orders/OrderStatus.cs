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
}

/// <summary>The order life cycle: the domain, the API (which buttons to show) and the tests all read this table.</summary>
public static class OrderStatusMachine
{
    private static readonly FrozenDictionary<OrderStatus, OrderStatus[]> Transitions = new Dictionary<OrderStatus, OrderStatus[]>
    {
        [OrderStatus.Pending] = [OrderStatus.Confirmed, OrderStatus.Cancelled],
        [OrderStatus.Confirmed] = [OrderStatus.Preparing, OrderStatus.Cancelled],
        [OrderStatus.Preparing] = [OrderStatus.Ready, OrderStatus.Cancelled],
        [OrderStatus.Ready] = [OrderStatus.Shipped],
        [OrderStatus.Shipped] = [OrderStatus.Delivered],
        [OrderStatus.Delivered] = [],
        [OrderStatus.Cancelled] = [],
    }.ToFrozenDictionary();

    public static bool CanMoveTo(this OrderStatus from, OrderStatus to) => Transitions[from].Contains(to);

    public static IReadOnlyList<OrderStatus> NextStatuses(this OrderStatus from) => Transitions[from];

    public static bool IsFinal(this OrderStatus status) => Transitions[status].Length == 0;

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
