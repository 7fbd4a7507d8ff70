using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Chat;

/// <summary>One line of an open cart: a menu item, how many, its size and options, and the menu's unit price.</summary>
public sealed record CartLine(string MenuItemId, string Name, int Quantity, decimal UnitPrice)
{
    /// <summary>The size id; null either because the item has no sizes or because the customer has not said it yet.</summary>
    public string? Size { get; init; }

    public IReadOnlyList<CartOption> Options { get; init; } = [];

    public decimal LineTotal => Quantity * UnitPrice;

    /// <summary>The line as the Order Handler takes it; the handler prices it from the menu again, which may have changed.</summary>
    public OrderItemRequest ToRequest() => new(Name, Quantity)
    {
        MenuItemId = MenuItemId,
        Size = Size,
        Options = Options.Select(o => new OptionRequest(o.Id, o.Negated, o.Qualifier, o.Half)).ToList(),
    };

    /// <summary>A placed order's line back in a cart, at today's menu price; null when its item or size is gone from the menu.</summary>
    public static CartLine? FromOrder(Menu menu, OrderLine line)
    {
        var item = line.MenuItemId is null ? null : menu.FindItem(line.MenuItemId);
        if (item is null || (line.Size is not null && menu.FindSize(item, line.Size) is null))
        {
            return null;
        }

        var options = line.Options
            .Where(o => menu.FindOption(item, o.Id) is not null)
            .Select(o => new CartOption(o.Id, menu.FindOption(item, o.Id)!.Option.Name, menu.FindOption(item, o.Id)!.Group.Id, o.Negated, o.Qualifier, o.Half))
            .ToList();
        return CartEditor.Reprice(menu, new CartLine(item.Id, item.Name, line.Quantity, 0m) { Size = line.Size, Options = options });
    }
}

/// <param name="Half">"left" or "right" for an option on one half of the item; null for the whole item.</param>
public sealed record CartOption(string Id, string Name, string Group, bool Negated = false, string? Qualifier = null, string? Half = null);
