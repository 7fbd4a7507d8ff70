using OrderBot.Extraction;
using OrderBot.Menu;

namespace OrderBot.Chat;

/// <summary>
/// Changes an open cart: adds extracted or picked items, removes lines, changes sizes. Prices always come
/// from the menu. Pure functions over the state, so the conversation tests can drive them directly.
/// </summary>
public static class CartEditor
{
    private static readonly string[] Articles = ["the ", "my ", "that ", "those ", "these ", "this "];
    private static readonly ExtractedOrder NothingRead = new() { Items = [] };
    private static readonly string[] CountWords = ["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    private static readonly string[] AllWords = ["them", "all", "everything", "all of them", "all of it", "both", "those", "these"];

    public static void Add(Menu.Menu menu, ConversationState state, IEnumerable<ExtractedItem> items, DateTime now)
    {
        foreach (var line in items.Select(LineFrom))
        {
            Add(menu, state, line, menu.MaxQuantity, now);
        }
    }

    /// <summary>An extracted item as a cart line, at the price the extractor took from the menu.</summary>
    public static CartLine LineFrom(ExtractedItem item) => new(item.MenuItemId, item.Name, item.Quantity, item.Price)
    {
        Size = item.Size,
        Options = item.Options.Select(o => new CartOption(o.Id, o.Name, o.Group, o.Negated, o.Qualifier)).ToList(),
    };

    /// <summary>Adds a line, merging it into an equal line (same item, size and options) when there is one.</summary>
    public static void Add(ConversationState state, CartLine line, int maxQuantity, DateTime now) => Add(null, state, line, maxQuantity, now);

    /// <summary>As <see cref="Add(ConversationState, CartLine, int, DateTime)"/>; with the menu, an item's default size fills a missing one.</summary>
    public static void Add(Menu.Menu? menu, ConversationState state, CartLine line, int maxQuantity, DateTime now)
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
    public static CartLine? LineFor(Menu.Menu menu, string itemId, int quantity, string? sizeId = null)
    {
        var item = menu.FindItem(itemId);
        if (item is null)
        {
            return null;
        }

        var size = sizeId is null ? null : menu.FindSize(item, sizeId);
        return new CartLine(item.Id, item.Name, quantity, menu.UnitPrice(item, size, [])) { Size = size?.Id };
    }

    /// <summary>
    /// Removes the lines <paramref name="target"/> names ("the garlic bread"); with a count ("a coke", "2 cokes")
    /// only that many. Returns what was removed, or null when no line matches.
    /// </summary>
    public static string? Remove(Menu.Menu menu, ConversationState state, string target, ExtractedOrder extracted, DateTime now)
    {
        var ids = Matching(menu, state, target, extracted);
        if (ids.Count == 0)
        {
            return null;
        }

        var counted = extracted.Items.Count == 1 && StartsWithCount(target);
        var removed = new List<string>();
        for (var i = state.Cart.Count - 1; i >= 0; i--)
        {
            var line = state.Cart[i];
            if (!ids.Contains(line.MenuItemId))
            {
                continue;
            }

            var take = counted ? Math.Min(extracted.Items[0].Quantity, line.Quantity) : line.Quantity;
            removed.Add($"{take} × {line.Name}");
            if (take >= line.Quantity)
            {
                state.Cart.RemoveAt(i);
            }
            else
            {
                state.Cart[i] = line with { Quantity = line.Quantity - take };
            }

            if (counted)
            {
                break;
            }
        }

        state.CartUpdatedAt = now;
        return string.Join(", ", removed);
    }

    /// <summary>
    /// "it large", "the iced tea to small", "them large": finds the size at the end and the lines it applies to
    /// (the last line for "it", every line for "them"). Null when the words name no size, so the text is read as an order.
    /// </summary>
    public static ResizeResult? Resize(Menu.Menu menu, ConversationState state, string words, DateTime now)
    {
        var parts = words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("please" or "one" or "ones" or "size")).ToList();
        for (var take = Math.Min(3, parts.Count); take >= 1; take--)
        {
            var sizeWords = string.Join(' ', parts.Skip(parts.Count - take));
            var size = menu.Sizes.FirstOrDefault(s => Matches(s, sizeWords));
            if (size is null)
            {
                continue;
            }

            var target = string.Join(' ', parts.Take(parts.Count - take)).Trim();
            foreach (var filler in new[] { " to", " into", " a", " an" })
            {
                target = target.EndsWith(filler, StringComparison.Ordinal) ? target[..^filler.Length] : target;
            }

            var lines = Targets(menu, state, target);
            return lines.Count == 0 ? new ResizeResult(size, [], []) : Apply(menu, state, size, lines, now);
        }

        return null;
    }

    /// <summary>Gives a size to one line (the answer to "which size?"); false when the item is not sold in it.</summary>
    public static bool SetSize(Menu.Menu menu, ConversationState state, int index, string sizeText, DateTime now)
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

    /// <summary>The first line that needs a size and has none: the bot asks rather than guessing.</summary>
    public static int FirstWithoutSize(Menu.Menu menu, ConversationState state) =>
        state.Cart.FindIndex(l => l.Size is null && menu.FindItem(l.MenuItemId) is { Sizes.Count: > 0 });

    public static CartLine Reprice(Menu.Menu menu, CartLine line)
    {
        var item = menu.FindItem(line.MenuItemId)!;
        var size = line.Size is null ? null : menu.FindSize(item, line.Size);
        var options = line.Options
            .Select(o => menu.FindOption(item, o.Id) is { } option
                ? new PricedOption(option, o.Qualifier is null ? null : menu.FindQualifier(o.Qualifier), o.Negated, o.Half)
                : null)
            .OfType<PricedOption>();
        return line with { UnitPrice = menu.UnitPrice(item, size, options) };
    }

    private static ResizeResult Apply(Menu.Menu menu, ConversationState state, MenuSize size, List<int> lines, DateTime now)
    {
        var changed = new List<string>();
        var refused = new List<string>();
        foreach (var index in lines)
        {
            (SetSize(menu, state, index, size.Id, now) ? changed : refused).Add(state.Cart[index].Name);
        }

        return new ResizeResult(size, changed, refused);
    }

    private static List<int> Targets(Menu.Menu menu, ConversationState state, string target)
    {
        if (target is "" or "it" or "that" or "this")
        {
            var last = state.Cart.FindLastIndex(l => menu.FindItem(l.MenuItemId) is { Sizes.Count: > 0 });
            return last < 0 ? [] : [last];
        }

        if (AllWords.Contains(target))
        {
            return Enumerable.Range(0, state.Cart.Count).Where(i => menu.FindItem(state.Cart[i].MenuItemId) is { Sizes.Count: > 0 }).ToList();
        }

        var ids = Matching(menu, state, target, NothingRead);
        return Enumerable.Range(0, state.Cart.Count).Where(i => ids.Contains(state.Cart[i].MenuItemId)).ToList();
    }

    /// <summary>Menu item ids of cart lines a phrase names: by menu name or alias, by what the parser reads in it, or by a word of a line's name.</summary>
    private static HashSet<string> Matching(Menu.Menu menu, ConversationState state, string target, ExtractedOrder extracted)
    {
        var inCart = state.Cart.Select(l => l.MenuItemId).ToHashSet();
        var bare = StripArticle(target);
        if (menu.FindItem(bare) is { } direct && inCart.Contains(direct.Id))
        {
            return [direct.Id];
        }

        var read = extracted.Items.Select(i => i.MenuItemId).Where(inCart.Contains).ToHashSet();
        if (read.Count > 0)
        {
            return read;
        }

        // "the cokes" names the Coke line; "the pepperoni pizza" names the Pizza line.
        var key = Menu.Menu.NormalizeKey(bare).TrimEnd('s');
        return key.Length < 3
            ? []
            : state.Cart.Where(l => Menu.Menu.NormalizeKey(l.Name) is var name && (name.Contains(key, StringComparison.Ordinal) || key.Contains(name, StringComparison.Ordinal)))
                .Select(l => l.MenuItemId).ToHashSet();
    }

    private static bool Matches(MenuSize size, string words)
    {
        var key = Menu.Menu.NormalizeKey(words);
        return Menu.Menu.NormalizeKey(size.Id) == key || Menu.Menu.NormalizeKey(size.Name) == key || size.Aliases.Any(a => Menu.Menu.NormalizeKey(a) == key);
    }

    /// <summary>"a coke", "2 cokes", "one pizza" remove that many; "the cokes" or "coke" remove the line.</summary>
    private static bool StartsWithCount(string text)
    {
        var first = text.Split(' ', 2)[0];
        return char.IsAsciiDigit(first[0]) || CountWords.Contains(first);
    }

    private static string StripArticle(string text)
    {
        var article = Articles.FirstOrDefault(a => text.StartsWith(a, StringComparison.OrdinalIgnoreCase));
        return article is null ? text : text[article.Length..];
    }
}

/// <param name="Changed">Names of the lines now in <see cref="Size"/>; empty with <see cref="Refused"/> empty when no line matched.</param>
/// <param name="Refused">Names of lines not sold in that size.</param>
public sealed record ResizeResult(MenuSize Size, IReadOnlyList<string> Changed, IReadOnlyList<string> Refused);
