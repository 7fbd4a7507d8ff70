using OrderBot.Extraction;
using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Chat;

/// <summary>
/// The cart's basic moves: add extracted or picked items (merging equal lines), set a size, price a line again. Prices always come
/// from the menu. The dialogue's corrections (Conversation.Edits) are built on these.
/// </summary>
internal static class CartEditor
{

    public static void Add(Menu menu, ConversationState state, IEnumerable<ExtractedItem> items, DateTime now)
    {
        foreach (var line in items.Select(LineFrom))
        {
            Add(menu, state, line, menu.MaxQuantity, now);
        }
    }

    /// <summary>An extracted item as a cart line, at the price the extractor took from the menu.</summary>
    public static OrderLine LineFrom(ExtractedItem item) =>
        new(item.Name, item.Quantity, item.Price, item.MenuItemId, item.Size, OptionsFrom(item));

    /// <summary>An extracted item's options as a line's.</summary>
    public static List<OrderLineOption> OptionsFrom(ExtractedItem item) =>
        item.Options.Select(o => new OrderLineOption(o.Id, o.Name, o.Group, o.Negated, o.Qualifier)).ToList();

    /// <summary>Adds a line, merging it into an equal line (same item, size and options) when there is one.</summary>
    public static void Add(ConversationState state, OrderLine line, int maxQuantity, DateTime now) => Add(null, state, line, maxQuantity, now);

    /// <summary>As <see cref="Add(ConversationState, OrderLine, int, DateTime)"/>; with the menu, an item's default size fills a missing one.</summary>
    public static void Add(Menu? menu, ConversationState state, OrderLine line, int maxQuantity, DateTime now)
    {
        if (menu is not null && line.Size is null && menu.FindItem(line.MenuItemId) is { DefaultSize: { } defaultSize })
        {
            line = Reprice(menu, line with { Size = defaultSize });
        }

        state.StartCartIfNone(now);
        var same = state.Cart.FindIndex(l => l.MenuItemId == line.MenuItemId && l.Size == line.Size && l.Options.SequenceEqual(line.Options));
        if (same >= 0)
        {
            state.Cart[same] = state.Cart[same] with { Quantity = Math.Min(maxQuantity, state.Cart[same].Quantity + line.Quantity) };
        }
        else
        {
            state.Cart.Add(line with { Quantity = Math.Clamp(line.Quantity, 1, maxQuantity) });
        }
    }

    /// <summary>A line for one menu item by id (a list pick or a catalog product), priced by the menu; null when unknown.</summary>
    public static OrderLine? LineFor(Menu menu, string itemId, int quantity, string? sizeId = null)
    {
        var item = menu.FindItem(itemId);
        if (item is null)
        {
            return null;
        }

        var size = sizeId is null ? null : menu.FindSize(item, sizeId);
        return new OrderLine(item.Name, quantity, menu.UnitPrice(item, size, []), item.Id, size?.Id, []);
    }

    /// <summary>Gives a size to one line (the answer to "which size?"); false when the item is not sold in it.</summary>
    public static bool SetSize(Menu menu, ConversationState state, int index, string sizeText, DateTime now)
    {
        var item = menu.FindItem(state.Cart[index].MenuItemId);
        var size = item is null ? null : menu.FindSize(item, sizeText);
        if (size is null)
        {
            return false;
        }

        state.Cart[index] = Reprice(menu, state.Cart[index] with { Size = size.Id });
        state.CartUpdatedAt = now;
        return true;
    }

    /// <summary>The line at the menu's price of today; options no longer on the menu do not count.</summary>
    public static OrderLine Reprice(Menu menu, OrderLine line)
    {
        var item = menu.FindItem(line.MenuItemId)!;
        var size = line.Size is null ? null : menu.FindSize(item, line.Size);
        var options = line.Options
            .Select(o => menu.FindOption(item, o.Id) is { } option
                ? new PricedOption(option, o.Qualifier is null ? null : menu.FindQualifier(o.Qualifier), o.Negated, o.Half)
                : null)
            .OfType<PricedOption>();
        return line with { Price = menu.UnitPrice(item, size, options) };
    }

    /// <summary>A placed order's line back in a cart, named and priced by today's menu; null when its item or size is gone from the menu.</summary>
    public static OrderLine? FromOrder(Menu menu, OrderLine line)
    {
        var item = menu.FindItem(line.MenuItemId);
        if (item is null || (line.Size is not null && menu.FindSize(item, line.Size) is null))
        {
            return null;
        }

        var options = line.Options
            .Select(o => (Chosen: o, OnMenu: menu.FindOption(item, o.Id)))
            .Where(o => o.OnMenu is not null)
            .Select(o => o.Chosen with { Name = o.OnMenu!.Option.Name, Group = o.OnMenu.Group.Id })
            .ToList();
        return Reprice(menu, line with { Name = item.Name, MenuItemId = item.Id, Options = options });
    }
}
