namespace OrderBot.Orders;

/// <summary>The shop rule an order breaks; the wire name (<c>outside_zone</c>) is what clients and the conversation act on.</summary>
public enum OrderRule
{
    ModeNotOffered,
    AddressRequired,
    OutsideZone,
    BelowMinimum,
    ShopClosed,
    TimeInThePast,
    TimeTooFarAhead,
    PaymentNotAccepted,
    TipNotOffered,
    SoldOut,
}

/// <summary>
/// An order that is well formed but breaks one of the shop's rules (a delivery outside the zones, a time the shop is
/// closed, a sold-out item); nothing was stored. <see cref="NextOpening"/> says when a closed shop opens.
/// </summary>
public sealed class OrderRuleException(OrderRule rule, string field, string message) : Exception(message)
{
    public OrderRule Rule { get; } = rule;

    /// <summary>The request field it is about ("fulfilment.address", "items[2]").</summary>
    public string Field { get; } = field;

    public DateTimeOffset? NextOpening { get; init; }

    /// <summary>For <see cref="OrderRule.BelowMinimum"/>: the zone's minimum order.</summary>
    public decimal? Minimum { get; init; }

    /// <summary>For <see cref="OrderRule.SoldOut"/>: the sold-out menu item or option ids.</summary>
    public IReadOnlyList<string> SoldOut { get; init; } = [];

    public string RuleName => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(Rule.ToString());
}
