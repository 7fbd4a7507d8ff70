using OrderBot.Menus;
using OrderBot.Orders;
using OrderBot.Stock;

namespace OrderBot.Chat;

/// <summary>
/// The sold-out marks as the chat reads them: a cart line with a sold-out item or option is refused, with the closest
/// available items of the menu (<see cref="MenuSuggestions"/>, then the item's category) as alternatives.
/// </summary>
internal sealed class SoldOutCheck(Menu menu, SoldOutIds soldOut, ChatTexts texts)
{

    /// <summary>What to tell the customer about a line that cannot be had now; null when it can.</summary>
    public string? Refusal(OrderLine line)
    {
        if (line.MenuItemId is { } id && soldOut.Items.Contains(id))
        {
            var item = menu.Items.FirstOrDefault(i => i.Id == line.MenuItemId);
            var name = item?.NameIn(texts.Language) ?? line.Name;
            // Closest by name first ("cheeseburger" → "bacon cheeseburger"), then the rest of its category in menu order.
            var alternatives = MenuSuggestions.Closest(menu, item?.Name ?? line.Name, 6)
                .Select(n => menu.Items.First(i => i.Name == n))
                .Concat(menu.Items.Where(i => item is not null && i.Category.Length > 0 && i.Category == item.Category))
                .Where(i => i.Id != line.MenuItemId && !soldOut.Items.Contains(i.Id))
                .DistinctBy(i => i.Id)
                .Take(3)
                .Select(i => i.NameIn(texts.Language))
                .ToList();
            return ChatTexts.Say(texts.SoldOut, name)
                + (alternatives.Count > 0 ? ChatTexts.Say(texts.SoldOutAlternatives, string.Join(", ", alternatives)) : "");
        }

        return line.Options.FirstOrDefault(o => !o.Negated && soldOut.Options.Contains(o.Id)) is { } option
            ? ChatTexts.Say(texts.SoldOut, option.Name) + OptionAlternatives(line, option.Id)
            : null;
    }

    /// <summary>The other options of the sold-out option's group on this item (another topping, another milk), as a sentence.</summary>
    private string OptionAlternatives(OrderLine line, string optionId)
    {
        var item = menu.Items.FirstOrDefault(i => i.Id == line.MenuItemId);
        var alternatives = (item?.OptionGroups ?? [])
            .Select(menu.Group)
            .Where(g => g.Options.Any(o => o.Id == optionId))
            .SelectMany(g => g.Options)
            .Where(o => o.Id != optionId && !soldOut.Options.Contains(o.Id) && !item!.Defaults.Contains(o.Id) && line.Options.All(l => l.Id != o.Id))
            .DistinctBy(o => o.Id)
            .Take(3)
            .Select(o => o.NameIn(texts.Language))
            .ToList();
        return alternatives.Count > 0 ? ChatTexts.Say(texts.SoldOutAlternatives, string.Join(", ", alternatives)) : "";
    }
}
