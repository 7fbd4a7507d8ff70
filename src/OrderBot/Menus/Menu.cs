using System.Collections.Frozen;
using System.Text;

namespace OrderBot.Menus;

/// <summary>
/// A validated menu with its lookups built once. Names, ids and aliases are matched after
/// <see cref="NormalizeKey"/>, so "Diet-Coke", "diet coke" and "DIET  COKE" are the same key.
/// </summary>
public sealed class Menu
{
    private readonly FrozenDictionary<string, MenuItem> _items;
    private readonly FrozenDictionary<string, MenuSize> _sizes;
    private readonly FrozenDictionary<string, MenuQualifier> _qualifiers;
    private readonly FrozenDictionary<string, MenuOptionGroup> _groupsById;
    private readonly FrozenDictionary<string, FrozenDictionary<string, ResolvedOption>> _optionsByItem;

    internal Menu(MenuDefinition definition)
    {
        Definition = definition;
        MinorUnits = definition.MinorUnits ?? Money.MinorUnits(definition.Currency);
        _items = Index(definition.Items, i => i.Id, i => i.Name, i => MenuValidator.Keys(i.Aliases, i.Names));
        _sizes = Index(definition.Sizes, s => s.Id, s => s.Name, s => MenuValidator.Keys(s.Aliases, s.Names));
        _qualifiers = Index(definition.Qualifiers, q => q.Id, q => q.Name, q => q.Aliases);
        _groupsById = definition.OptionGroups.ToFrozenDictionary(g => g.Id, StringComparer.Ordinal);
        _optionsByItem = definition.Items.ToFrozenDictionary(
            i => i.Id,
            i => IndexOptions(i.OptionGroups.Select(id => _groupsById[id])),
            StringComparer.Ordinal);
    }

    public MenuDefinition Definition { get; }
    public string Name => Definition.Name;
    public string Currency => Definition.Currency;
    public int MinorUnits { get; }
    public int MaxQuantity => Definition.MaxQuantity;

    /// <summary>The languages the menu is written in; the first is the default for replies.</summary>
    public IReadOnlyList<string> Languages => Definition.Languages;
    public IReadOnlyList<MenuItem> Items => Definition.Items;
    public IReadOnlyList<MenuSize> Sizes => Definition.Sizes;
    public IReadOnlyList<MenuQualifier> Qualifiers => Definition.Qualifiers;
    public IReadOnlyList<MenuOptionGroup> OptionGroups => Definition.OptionGroups;

    /// <summary>An item by id, name or alias; null when there is none (or no id: a line of an order taken without a menu).</summary>
    public MenuItem? FindItem(string? idNameOrAlias) => idNameOrAlias is null ? null : _items.GetValueOrDefault(NormalizeKey(idNameOrAlias));

    /// <summary>A size sold for <paramref name="item"/>, by id, name or alias; null when the item has no such size.</summary>
    public MenuSize? FindSize(MenuItem item, string idNameOrAlias) =>
        _sizes.TryGetValue(NormalizeKey(idNameOrAlias), out var size) && item.Sizes.Contains(size.Id) ? size : null;

    public MenuQualifier? FindQualifier(string idNameOrAlias) => _qualifiers.GetValueOrDefault(NormalizeKey(idNameOrAlias));

    /// <summary>An option that applies to <paramref name="item"/>, by id, name or alias, with the group it belongs to.</summary>
    public ResolvedOption? FindOption(MenuItem item, string idNameOrAlias) =>
        _optionsByItem[item.Id].TryGetValue(NormalizeKey(idNameOrAlias), out var option) ? option : null;

    public MenuOptionGroup Group(string groupId) => _groupsById[groupId];

    public MenuSize Size(string sizeId) => _sizes[NormalizeKey(sizeId)];

    public IEnumerable<ResolvedOption> OptionsFor(MenuItem item) => _optionsByItem[item.Id].Values.Distinct();

    /// <summary>Lower case, separators ('-', '_', runs of spaces) folded into one space, trimmed.</summary>
    public static string NormalizeKey(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '_')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static FrozenDictionary<string, T> Index<T>(
        IEnumerable<T> entries, Func<T, string> id, Func<T, string> name, Func<T, IReadOnlyList<string>> aliases)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var key in aliases(entry).Prepend(name(entry)).Prepend(id(entry)))
            {
                index.TryAdd(NormalizeKey(key), entry);
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, ResolvedOption> IndexOptions(IEnumerable<MenuOptionGroup> groups)
    {
        var index = new Dictionary<string, ResolvedOption>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var option in group.Options)
            {
                var resolved = new ResolvedOption(option, group);
                foreach (var key in MenuValidator.Keys(option.Aliases, option.Names).Prepend(option.Name).Prepend(option.Id))
                {
                    index.TryAdd(NormalizeKey(key), resolved);
                }
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>An option together with the group it was found in.</summary>
public sealed record ResolvedOption(MenuOption Option, MenuOptionGroup Group);
