namespace OrderBot.Chat;

/// <summary>One line of an open cart: a menu item, how many, its size and options, and the menu's unit price.</summary>
public sealed record CartLine(string MenuItemId, string Name, int Quantity, decimal UnitPrice)
{
    /// <summary>The size id; null either because the item has no sizes or because the customer has not said it yet.</summary>
    public string? Size { get; init; }

    public IReadOnlyList<CartOption> Options { get; init; } = [];

    public decimal LineTotal => Quantity * UnitPrice;
}

public sealed record CartOption(string Id, string Name, string Group, bool Negated = false, string? Qualifier = null);
