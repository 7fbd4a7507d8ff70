using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Chat.Dialogue;

/// <summary>
/// "a large quesadilla half steak half mushrooms": where a message puts options on halves of an item whose option
/// groups allow it, the item's options are read again with their sides. Only one such item per message is read so,
/// since "half" cannot be told apart between two.
/// </summary>
internal static class HalvesReader
{
    public static List<OrderLine> Apply(Menu menu, string text, List<OrderLine> lines)
    {
        var words = TextReading.Words(text);
        if (!words.Any(w => w is "half" or "halves"))
        {
            return lines;
        }

        var withHalves = lines.Where(l => menu.FindItem(l.MenuItemId) is { } item && item.OptionGroups.Any(g => menu.Group(g).Halves)).ToList();
        if (withHalves.Count == 0 || withHalves.Select(l => l.MenuItemId).Distinct().Count() != 1)
        {
            return lines;
        }

        var item = menu.FindItem(withHalves[0].MenuItemId)!;
        var read = LineModifiers.Read(menu, item, words);
        if (!read.Added.Any(o => o.Half is not null))
        {
            return lines;
        }

        // Of several lines of the item ("one half steak half chicken, the other one plain"), the one with those options.
        var sided = read.Added.Where(o => o.Half is not null).Select(o => o.Id).ToHashSet();
        var having = withHalves.Where(l => sided.All(id => l.Options.Any(o => o.Id == id))).ToList();
        if (withHalves.Count > 1 && having.Count != 1)
        {
            return lines;
        }

        var line = withHalves.Count == 1 ? withHalves[0] : having[0];
        var halvesGroups = item.OptionGroups.Where(g => menu.Group(g).Halves).ToHashSet();
        var options = line.Options.Where(o => !halvesGroups.Contains(o.Group)).Concat(read.Added.Where(o => halvesGroups.Contains(o.Group))).ToList();
        var halved = CartEditor.Reprice(menu, line with { Options = options });
        return lines.Select(l => ReferenceEquals(l, line) ? halved : l).ToList();
    }
}
