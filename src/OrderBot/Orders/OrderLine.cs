using System.Text.Json.Serialization;

namespace OrderBot.Orders;

/// <summary>
/// A priced order line, the one shape of it: the cart holds these, an order stores them (as JSON in its row), and the API and the
/// outbox events show them. Priced from the menu when it was made; a cart's lines are asked for again with <see cref="ToRequest"/>
/// on confirm, because the menu may have changed since.
/// </summary>
/// <param name="Price">The unit price.</param>
/// <param name="MenuItemId">The menu item it was priced from; null when the order was taken without a menu.</param>
/// <param name="Size">The size id; in a cart also null while the customer has not said it yet.</param>
public sealed record OrderLine(string Name, int Quantity, decimal Price, string? MenuItemId, string? Size, IReadOnlyList<OrderLineOption> Options)
{
    [JsonIgnore]
    public decimal LineTotal => Quantity * Price;

    /// <summary>The line asked for again by ids, so that the Order Handler checks and prices it against the menu of today.</summary>
    public OrderItemRequest ToRequest() => new(Name, Quantity)
    {
        MenuItemId = MenuItemId,
        Size = Size,
        Options = Options.Select(o => new OptionRequest(o.Id, o.Negated, o.Qualifier, o.Half)).ToList(),
    };
}

/// <summary>An option chosen for a line: added, removed ("no onions") or qualified ("extra cheese").</summary>
public sealed record OrderLineOption(string Id, string Name, string Group, bool Negated, string? Qualifier)
{
    /// <summary>"left" or "right" when the option is on one half of the item only.</summary>
    public string? Half { get; init; }
}
