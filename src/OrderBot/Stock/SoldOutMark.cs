namespace OrderBot.Stock;

/// <summary>What a sold-out mark is on: a whole menu item or one option (a topping, a milk).</summary>
public enum StockKind
{
    Item,
    Option,
}

/// <summary>A menu item or option staff marked sold out; deleting the row marks it back. Stored so every instance sees it.</summary>
public sealed class SoldOutMark
{
    public StockKind Kind { get; init; }

    /// <summary>The menu's id of the item or option.</summary>
    public string MenuId { get; init; } = "";

    public DateTime MarkedAt { get; init; }
    public string MarkedBy { get; init; } = "";
}
