using System.Text;
using OrderBot.Extraction;
using OrderBot.Menus;

namespace OrderBot.Chat.Dialogue;

/// <summary>
/// Answers to questions about the menu, from the menu's own data only: prices (with size and options), what is
/// on an item, what a category has, dietary and allergen facts. Where the menu says nothing, the answer says so.
/// </summary>
internal static class MenuAnswers
{
    private static readonly Dictionary<string, string> TagWords = new(StringComparer.Ordinal)
    {
        ["vegetarian"] = "vegetarian", ["veggie"] = "vegetarian", ["veg"] = "vegetarian", ["vegan"] = "vegan", ["halal"] = "halal",
        ["kosher"] = "kosher", ["spicy"] = "spicy", ["hot"] = "spicy", ["gluten-free"] = "gluten-free", ["celiac"] = "gluten-free",
        ["coeliac"] = "gluten-free", ["dairy-free"] = "dairy-free", ["vegetariano"] = "vegetarian", ["vegetariana"] = "vegetarian",
        ["vegano"] = "vegan", ["vegana"] = "vegan", ["picante"] = "spicy", ["apimentado"] = "spicy",
    };

    private static readonly Dictionary<string, string> AllergenWords = new(StringComparer.Ordinal)
    {
        ["gluten"] = "gluten", ["wheat"] = "gluten", ["dairy"] = "dairy", ["lactose"] = "dairy", ["milk"] = "dairy", ["nut"] = "nuts",
        ["nuts"] = "nuts", ["peanut"] = "peanuts", ["peanuts"] = "peanuts", ["egg"] = "egg", ["eggs"] = "egg", ["soy"] = "soy",
        ["soya"] = "soy", ["fish"] = "fish", ["shellfish"] = "shellfish", ["shrimp"] = "shellfish", ["sesame"] = "sesame",
        ["lactosa"] = "dairy", ["lactose-free"] = "dairy", ["nueces"] = "nuts", ["amendoim"] = "peanuts", ["glúten"] = "gluten",
    };

    /// <summary>The dietary word a question asks about, as a tag or an allergen; null when it asks none.</summary>
    public static (string? Tag, string? Allergen) DietaryWord(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word == "gluten" && i + 1 < words.Count && words[i + 1] == "free")
            {
                return ("gluten-free", null);
            }

            if (word == "dairy" && i + 1 < words.Count && words[i + 1] == "free")
            {
                return ("dairy-free", null);
            }

            if (TagWords.TryGetValue(word, out var tag))
            {
                return (tag, null);
            }

            if (AllergenWords.TryGetValue(word, out var allergen))
            {
                return (null, allergen);
            }
        }

        return (null, null);
    }

    public static string Price(Menu menu, ExtractedItem item, ChatTexts texts)
    {
        var menuItem = menu.FindItem(item.MenuItemId)!;
        if (item.Size is null && menuItem.Sizes.Count > 0 && menuItem.DefaultSize is null)
        {
            var prices = menuItem.Sizes.Take(8).Select(s => $"{menu.Size(s).Name} {menu.Price(Unit(menu, s, item))}");
            return ChatTexts.Say(texts.PriceSizes, Described(menu, item, texts), string.Join(", ", prices));
        }

        var each = Unit(menu, item.Size ?? menuItem.DefaultSize, item);
        return item.Quantity > 1
            ? ChatTexts.Say(texts.PriceMany, item.Quantity, Described(menu, item, texts), menu.Price(each * item.Quantity), menu.Price(each))
            : ChatTexts.Say(texts.PriceOne, Described(menu, item, texts), menu.Price(each));
    }

    private static decimal Unit(Menu menu, string? size, ExtractedItem read) =>
        CartEditor.Reprice(menu, CartEditor.LineFrom(read) with { Size = size }).Price;

    private static string Described(Menu menu, ExtractedItem item, ChatTexts texts)
    {
        return ChatText.Describe(menu, texts, CartEditor.LineFrom(item));
    }

    /// <summary>"Cheeseburger ($9.50): comes with lettuce, tomato, … Sizes: …".</summary>
    public static string Contents(Menu menu, MenuItem item, ChatTexts texts)
    {
        var text = new StringBuilder($"{item.Name} ({menu.Price(item.Price)})");
        if (!string.IsNullOrWhiteSpace(item.Description))
        {
            text.Append(": ").Append(item.Description.TrimEnd('.')).Append('.');
        }
        else
        {
            text.Append('.');
        }

        if (item.Defaults.Count > 0)
        {
            text.Append(texts.ComesWith).Append(string.Join(", ", item.Defaults.Select(d => menu.FindOption(item, d)!.Option.Name.ToLowerInvariant()))).Append('.');
        }

        if (item.Sizes.Count > 0)
        {
            text.Append(texts.SizesLabel).Append(string.Join(", ", item.Sizes.Select(s => menu.Size(s).Name))).Append('.');
        }

        var groups = item.OptionGroups.Select(menu.Group).Where(g => g.Options.Count > 0).ToList();
        if (groups.Count > 0)
        {
            text.Append(texts.YouCanChoose).Append(string.Join(", ", groups.Select(g => g.Name.ToLowerInvariant()))).Append('.');
        }

        return text.ToString();
    }

    /// <summary>The items of a category, or, for a category of one item (the pizzeria's "Pizza"), its styles and toppings.</summary>
    public static string? Category(Menu menu, IReadOnlyList<string> words, ChatTexts texts)
    {
        foreach (var word in words)
        {
            var items = menu.Items.Where(i => i.Category.Length > 2 && (LineFinder.Same(Menu.NormalizeKey(i.Category), word)
                || word.EndsWith(Menu.NormalizeKey(i.Category), StringComparison.Ordinal) || word.EndsWith(Menu.NormalizeKey(i.Category) + "s", StringComparison.Ordinal))).ToList();
            if (items.Count > 1)
            {
                return $"{Title(items[0].Category, texts)}: " + string.Join(", ", items.Take(20).Select(i => $"{i.Name} {menu.Price(i.Price)}")) + ".";
            }

            var single = items.Count == 1 ? items[0] : null;
            var group = menu.OptionGroups.FirstOrDefault(g => Menu.NormalizeKey(g.Name).Split(' ').Any(n => LineFinder.Same(n, word)) || LineFinder.Same(g.Id, word));
            if (single is not null)
            {
                var groups = single.OptionGroups.Select(menu.Group).ToList();
                return ChatTexts.Say(texts.ItemFrom, single.Name, menu.Price(single.Price)) +
                    (single.Sizes.Count > 0 ? ChatTexts.Say(texts.InSizes, string.Join(", ", single.Sizes.Select(s => menu.Size(s).Name.ToLowerInvariant()))) : "") + ". " +
                    string.Join(" ", groups.Select(g => $"{g.Name}: {string.Join(", ", g.Options.Take(15).Select(o => o.Name.ToLowerInvariant()))}{(g.Options.Count > 15 ? texts.AndMore : "")}."));
            }

            if (group is not null)
            {
                // A long list is told by name only, so every option fits one message.
                return group.Options.Count > 12
                    ? $"{group.Name}: " + string.Join(", ", group.Options.Select(o => o.Name.ToLowerInvariant())) + ChatTexts.Say(texts.MostCost, menu.Price(group.Options.GroupBy(o => o.Price).OrderByDescending(g => g.Count()).First().Key))
                    : $"{group.Name}: " + string.Join(", ", group.Options.Select(o => o.Price > 0 ? $"{o.Name.ToLowerInvariant()} (+{menu.Price(o.Price)})" : o.Name.ToLowerInvariant())) + ".";
            }
        }

        return null;
    }

    /// <summary>A dietary or allergen question about one item, answered from its tags and allergens, or honestly not.</summary>
    public static string Dietary(Menu menu, MenuItem item, string? tag, string? allergen, ChatTexts texts)
    {
        if (tag is not null)
        {
            if (item.Tags is null)
            {
                return ChatTexts.Say(texts.TagUnknown, item.Name, texts.Dietary(tag));
            }

            return ChatTexts.Say(item.Tags.Contains(tag) ? texts.TagYes : texts.TagNo, item.Name, texts.Dietary(tag));
        }

        if (item.Allergens is null)
        {
            return ChatTexts.Say(texts.AllergenUnknown, item.Name, texts.Dietary(allergen!));
        }

        return item.Allergens.Contains(allergen!)
            ? ChatTexts.Say(texts.AllergenYes, item.Name, texts.Dietary(allergen!))
            : ChatTexts.Say(texts.AllergenNo, item.Name, texts.Dietary(allergen!)) + (item.Allergens.Count > 0 ? ChatTexts.Say(texts.AllergenContains, string.Join(", ", item.Allergens.Select(texts.Dietary))) : ".");
    }

    /// <summary>"Anything vegan?": the items with that tag, or the honest answer when the menu has no such data.</summary>
    public static string DietaryList(Menu menu, string? tag, string? allergen, ChatTexts texts)
    {
        if (tag is not null)
        {
            if (menu.Items.All(i => i.Tags is null))
            {
                return ChatTexts.Say(texts.TagListUnknown, texts.Dietary(tag));
            }

            var fitting = menu.Items.Where(i => i.Tags?.Contains(tag) == true).ToList();
            return fitting.Count == 0
                ? ChatTexts.Say(texts.TagListNone, texts.Dietary(tag))
                : ChatTexts.Say(texts.TagListSome, texts.Dietary(tag), string.Join(", ", fitting.Take(20).Select(i => i.Name)));
        }

        if (menu.Items.All(i => i.Allergens is null))
        {
            return ChatTexts.Say(texts.AllergenListUnknown, texts.Dietary(allergen!));
        }

        var free = menu.Items.Where(i => i.Allergens is not null && !i.Allergens.Contains(allergen!)).ToList();
        return ChatTexts.Say(texts.AllergenFree, texts.Dietary(allergen!), string.Join(", ", free.Take(20).Select(i => i.Name)));
    }

    private static string Title(string category, ChatTexts texts) => category.Length == 0 ? texts.MenuTitle : char.ToUpperInvariant(category[0]) + category[1..];
}
