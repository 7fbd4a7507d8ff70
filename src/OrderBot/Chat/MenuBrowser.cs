using OrderBot.Menus;

namespace OrderBot.Chat;

/// <summary>
/// The menu as lists a chat can show: first the categories, then a category's items, nine at a time with a
/// "More" row, so no list ever has more rows than <see cref="ChatLimits.MaxListRows"/>. Picking an item adds one.
/// </summary>
internal static class MenuBrowser
{
    public const string Prefix = "menu:";
    private const string CategoryPrefix = "menu:cat:";
    private const string ItemPrefix = "menu:item:";

    /// <summary>The first menu message: categories, or the items straight away when there is only one category.</summary>
    public static OutgoingMessage Open(Menu menu, ChatTexts texts)
    {
        var categories = Categories(menu);
        if (categories.Count == 1)
        {
            return Category(menu, texts, categories[0], 0);
        }

        var rows = categories.Take(ChatLimits.MaxListRows).Select(c =>
        {
            var items = menu.Items.Where(i => i.Category == c).ToList();
            var from = menu.Price(items.Min(i => i.Price));
            return new ListRow(CategoryPrefix + c, Title(c, texts), ChatLimits.Fit(texts.CategoryRow(items.Count, from), ChatLimits.RowDescription));
        }).ToList();
        return new ListReply(
            ChatTexts.Say(texts.MenuIntro, menu.Name, Example(menu, texts)),
            texts.SeeMenu,
            [new ListSection(ChatLimits.Fit(menu.Name, ChatLimits.SectionTitle), rows)]);
    }

    /// <summary>Handles a menu row the customer picked: a category page, or the item to add (returned in <paramref name="itemId"/>).</summary>
    public static OutgoingMessage? Choose(Menu menu, string choiceId, ChatTexts texts, out string? itemId)
    {
        itemId = null;
        if (choiceId.StartsWith(ItemPrefix, StringComparison.Ordinal))
        {
            itemId = choiceId[ItemPrefix.Length..];
            return null;
        }

        if (!choiceId.StartsWith(CategoryPrefix, StringComparison.Ordinal))
        {
            return Open(menu, texts);
        }

        var rest = choiceId[CategoryPrefix.Length..];
        var at = rest.LastIndexOf('@');
        var skip = at > 0 && int.TryParse(rest[(at + 1)..], out var s) ? s : 0;
        return Category(menu, texts, at > 0 ? rest[..at] : rest, skip);
    }

    /// <summary>An order the customer could type on this menu, in the texts' language.</summary>
    public static string Example(Menu menu, ChatTexts texts)
    {
        var first = menu.Items[0];
        var size = first.Sizes.Count > 0 ? menu.Size(first.Sizes[^1]).Name.ToLowerInvariant() : null;
        var second = menu.Items.FirstOrDefault(i => i.Category != first.Category) ?? menu.Items[^1];
        return texts.ExampleOrder(first.Name.ToLowerInvariant(), size, second.Name.ToLowerInvariant());
    }

    private static OutgoingMessage Category(Menu menu, ChatTexts texts, string category, int skip)
    {
        var items = menu.Items.Where(i => i.Category == category).ToList();
        if (items.Count == 0)
        {
            return Open(menu, texts);
        }

        skip = Math.Clamp(skip, 0, items.Count - 1);
        var more = items.Count - skip > ChatLimits.MaxListRows;
        var page = items.Skip(skip).Take(more ? ChatLimits.MaxListRows - 1 : ChatLimits.MaxListRows);
        var rows = page.Select(i => new ListRow(ItemPrefix + i.Id, ChatLimits.Fit(i.Name, ChatLimits.RowTitle), Describe(menu, i))).ToList();
        if (more)
        {
            rows.Add(new ListRow($"{CategoryPrefix}{category}@{skip + ChatLimits.MaxListRows - 1}", texts.More, texts.MoreDescription));
        }

        return new ListReply(
            ChatTexts.Say(texts.CategoryIntro, Title(category, texts), Example(menu, texts)),
            ChatLimits.Fit(Title(category, texts), ChatLimits.ListButtonLabel),
            [new ListSection(ChatLimits.Fit(Title(category, texts), ChatLimits.SectionTitle), rows)]);
    }

    private static string Describe(Menu menu, MenuItem item)
    {
        var sizes = item.Sizes.Count == 0 ? "" : " · " + string.Join(", ", item.Sizes.Select(s => menu.Size(s).Name));
        return ChatLimits.Fit(menu.Price(item.Price) + sizes, ChatLimits.RowDescription);
    }

    private static List<string> Categories(Menu menu) => menu.Items.Select(i => i.Category).Distinct().ToList();

    private static string Title(string category, ChatTexts texts) =>
        category.Length == 0 ? texts.MenuTitle : char.ToUpperInvariant(category[0]) + category[1..];
}
