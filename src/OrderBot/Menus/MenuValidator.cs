using OrderBot.Languages;

namespace OrderBot.Menus;

/// <summary>The rules a menu must follow, each broken rule reported with its JSON path.</summary>
internal static class MenuValidator
{
    public const decimal MaxPrice = 1_000_000m;

    public static List<string> Validate(MenuDefinition menu)
    {
        var problems = new List<string>();
        void Problem(string path, string text) => problems.Add($"{path}: {text}");

        Text("$.name", menu.Name, Problem);
        if (!Money.IsValidCode(menu.Currency))
        {
            Problem("$.currency", $"'{menu.Currency}' is not a three-letter ISO 4217 code in upper case");
        }

        var minorUnits = menu.MinorUnits ?? (Money.IsValidCode(menu.Currency) ? Money.MinorUnits(menu.Currency) : 2);
        if (minorUnits is < 0 or > 4)
        {
            Problem("$.minorUnits", "must be between 0 and 4");
        }

        var languages = ValidateLanguages(menu.Languages, Problem);
        void DisplayNames(string path, IReadOnlyDictionary<string, string> names)
        {
            foreach (var (code, name) in names)
            {
                if (!languages.Contains(code))
                {
                    Problem($"{path}.names.{code}", $"'{code}' is not one of the menu's languages ({string.Join(", ", menu.Languages)})");
                }

                Text($"{path}.names.{code}", name, Problem);
            }
        }

        if (menu.MaxQuantity is < 1 or > 1000)
        {
            Problem("$.maxQuantity", "must be between 1 and 1000");
        }

        void Price(string path, decimal price, bool allowNegative = false)
        {
            if ((!allowNegative && price < 0) || Math.Abs(price) > MaxPrice)
            {
                Problem(path, allowNegative ? $"must be between -{MaxPrice} and {MaxPrice}" : $"must be between 0 and {MaxPrice}");
            }
            else if (Money.Scale(price) > minorUnits)
            {
                Problem(path, $"{price} has more than {minorUnits} decimals for {menu.Currency}");
            }
        }

        var sizeIds = Named("$.sizes", menu.Sizes, s => s.Id, s => s.Name, s => Keys(s.Aliases, s.Names), Problem);
        for (var i = 0; i < menu.Sizes.Count; i++)
        {
            DisplayNames($"$.sizes[{i}]", menu.Sizes[i].Names);
            Price($"$.sizes[{i}].price", menu.Sizes[i].Price, allowNegative: true);
        }

        Named("$.qualifiers", menu.Qualifiers, q => q.Id, q => q.Name, q => q.Aliases, Problem);
        for (var i = 0; i < menu.Qualifiers.Count; i++)
        {
            if (menu.Qualifiers[i].Surcharge is < 0 or > 10)
            {
                Problem($"$.qualifiers[{i}].surcharge", "must be between 0 and 10 (a multiple of the option's price)");
            }
        }

        var groups = new Dictionary<string, MenuOptionGroup>(StringComparer.Ordinal);
        for (var g = 0; g < menu.OptionGroups.Count; g++)
        {
            var group = menu.OptionGroups[g];
            var path = $"$.optionGroups[{g}]";
            Text($"{path}.id", group.Id, Problem);
            if (!groups.TryAdd(group.Id, group))
            {
                Problem($"{path}.id", $"duplicate option group id '{group.Id}'");
            }

            Named($"{path}.options", group.Options, o => o.Id, o => o.Name, o => Keys(o.Aliases, o.Names), Problem);
            for (var o = 0; o < group.Options.Count; o++)
            {
                DisplayNames($"{path}.options[{o}]", group.Options[o].Names);
                Price($"{path}.options[{o}].price", group.Options[o].Price);
            }
        }

        if (menu.Items.Count == 0)
        {
            Problem("$.items", "a menu needs at least one item");
        }

        Named("$.items", menu.Items, i => i.Id, i => i.Name, i => Keys(i.Aliases, i.Names), Problem);
        for (var i = 0; i < menu.Items.Count; i++)
        {
            DisplayNames($"$.items[{i}]", menu.Items[i].Names);
            ValidateItem($"$.items[{i}]", menu.Items[i], sizeIds, groups, Problem, Price);
        }

        return problems;
    }

    private static void ValidateItem(
        string path,
        MenuItem item,
        HashSet<string> sizeIds,
        Dictionary<string, MenuOptionGroup> groups,
        Action<string, string> problem,
        Action<string, decimal, bool> price)
    {
        price($"{path}.price", item.Price, false);
        for (var s = 0; s < item.Sizes.Count; s++)
        {
            if (!sizeIds.Contains(item.Sizes[s]))
            {
                problem($"{path}.sizes[{s}]", $"unknown size '{item.Sizes[s]}'");
            }
        }

        foreach (var (sizeId, surcharge) in item.SizePrices)
        {
            if (!item.Sizes.Contains(sizeId))
            {
                problem($"{path}.sizePrices.{sizeId}", $"size '{sizeId}' is not one of this item's sizes");
            }

            price($"{path}.sizePrices.{sizeId}", surcharge, true);
        }

        var optionKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        var optionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < item.OptionGroups.Count; g++)
        {
            if (!groups.TryGetValue(item.OptionGroups[g], out var group))
            {
                problem($"{path}.optionGroups[{g}]", $"unknown option group '{item.OptionGroups[g]}'");
                continue;
            }

            foreach (var option in group.Options)
            {
                optionIds.Add(option.Id);
                foreach (var key in Keys(option.Aliases, option.Names).Prepend(option.Name).Prepend(option.Id).Select(Menu.NormalizeKey).Distinct())
                {
                    if (!optionKeys.TryAdd(key, $"{group.Id}/{option.Id}") && optionKeys[key] != $"{group.Id}/{option.Id}")
                    {
                        problem($"{path}.optionGroups", $"'{key}' names both {optionKeys[key]} and {group.Id}/{option.Id}");
                    }
                }
            }
        }

        if (item.DefaultSize is { } defaultSize && !item.Sizes.Contains(defaultSize))
        {
            problem($"{path}.defaultSize", $"'{defaultSize}' is not one of this item's sizes");
        }

        if (item.Description is { Length: > 300 })
        {
            problem($"{path}.description", "is longer than 300 characters");
        }

        Words($"{path}.tags", item.Tags, problem);
        Words($"{path}.allergens", item.Allergens, problem);
        for (var d = 0; d < item.Defaults.Count; d++)
        {
            if (!optionIds.Contains(item.Defaults[d]))
            {
                problem($"{path}.defaults[{d}]", $"'{item.Defaults[d]}' is not an option of this item's groups");
            }
        }
    }

    /// <summary>Aliases and display names: both name the entry; an empty display name is reported once, by its own rule.</summary>
    internal static IReadOnlyList<string> Keys(IReadOnlyList<string> aliases, IReadOnlyDictionary<string, string> names) =>
        [.. aliases, .. names.Values.Where(n => !string.IsNullOrWhiteSpace(n))];

    /// <summary>At least one language, each one OrderBot has words for, none twice.</summary>
    private static HashSet<string> ValidateLanguages(IReadOnlyList<string>? codes, Action<string, string> problem)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (codes is null || codes.Count == 0)
        {
            problem("$.languages", "lists no language; leave it out for English or list codes such as [\"es\", \"en\"]");
            return seen;
        }

        for (var i = 0; i < codes.Count; i++)
        {
            if (SupportedLanguages.Find(codes[i] ?? "") is null)
            {
                var known = string.Join(", ", SupportedLanguages.All.Select(l => l.Code));
                problem($"$.languages[{i}]", $"unknown language '{codes[i]}' (known: {known})");
            }
            else if (!seen.Add(codes[i]))
            {
                problem($"$.languages[{i}]", $"'{codes[i]}' is listed twice");
            }
        }

        return seen;
    }

    private static HashSet<string> Named<T>(
        string path,
        IReadOnlyList<T> entries,
        Func<T, string> id,
        Func<T, string> name,
        Func<T, IReadOnlyList<string>> aliases,
        Action<string, string> problem)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            Text($"{path}[{i}].id", id(entry), problem);
            Text($"{path}[{i}].name", name(entry), problem);
            if (!ids.Add(id(entry)))
            {
                problem($"{path}[{i}].id", $"duplicate id '{id(entry)}'");
            }

            foreach (var key in aliases(entry).Prepend(name(entry)).Prepend(id(entry)).Select(Menu.NormalizeKey).Distinct())
            {
                if (key.Length == 0)
                {
                    problem($"{path}[{i}].aliases", "an alias is empty");
                }
                else if (!keys.TryAdd(key, id(entry)) && keys[key] != id(entry))
                {
                    problem($"{path}[{i}]", $"'{key}' already names '{keys[key]}'");
                }
            }
        }

        return ids;
    }

    /// <summary>Tags and allergens are plain lower-case words ("gluten-free"), so questions can match them.</summary>
    private static void Words(string path, IReadOnlyList<string>? words, Action<string, string> problem)
    {
        for (var i = 0; i < (words?.Count ?? 0); i++)
        {
            var word = words![i];
            if (string.IsNullOrWhiteSpace(word) || word.Length > 40 || !string.Equals(word, word.Trim().ToLowerInvariant(), StringComparison.Ordinal))
            {
                problem($"{path}[{i}]", "must be a lower-case word of at most 40 characters");
            }
        }
    }

    private static void Text(string path, string? value, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problem(path, "is required");
        }
        else if (value.Length > 200)
        {
            problem(path, "is longer than 200 characters");
        }
    }
}
