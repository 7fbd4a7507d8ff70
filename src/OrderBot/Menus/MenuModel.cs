using System.Text.Json.Serialization;
using OrderBot.Languages;

namespace OrderBot.Menus;

/// <summary>A size an item can be ordered in; <see cref="Price"/> is added to the item's base price.</summary>
public sealed record MenuSize
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Display names by language code, for shops that serve several languages ("es": "Grande").</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    /// <summary>The name to show a customer who writes <paramref name="language"/>.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language) ?? Name;
    public decimal Price { get; init; }
}

/// <summary>How strongly an option is applied ("extra", "light"). The surcharge is a multiple of the option's price.</summary>
public sealed record MenuQualifier
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public decimal Surcharge { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<OptionGroupKind>))]
public enum OptionGroupKind
{
    /// <summary>Any number of options may be added (toppings, add-ons).</summary>
    Addon,

    /// <summary>At most one option of the group applies (crust, container, volume, milk).</summary>
    Choice,
}

public sealed record MenuOption
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Display names by language code, for shops that serve several languages ("es": "Grande").</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    /// <summary>The name to show a customer who writes <paramref name="language"/>.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language) ?? Name;

    public decimal Price { get; init; }
}

/// <summary>What an option on one half of an item costs (<see cref="MenuOptionGroup.Halves"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HalfPrice>))]
public enum HalfPrice
{
    /// <summary>Half the option's price.</summary>
    Half,

    /// <summary>The option's full price, as on the whole item.</summary>
    Full,
}

/// <summary>The side of an item an option is on, where its group allows halves.</summary>
internal static class Halves
{
    public const string Left = "left";
    public const string Right = "right";

    public static bool IsSide(string? side) => side is Left or Right;
}

public sealed record MenuOptionGroup
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public OptionGroupKind Kind { get; init; } = OptionGroupKind.Addon;

    /// <summary>Options of this group may go on one half of the item ("half pepperoni, half mushroom").</summary>
    public bool Halves { get; init; }

    /// <summary>How an option on one half is priced (default: half its price).</summary>
    public HalfPrice HalfPrice { get; init; } = HalfPrice.Half;
    public required IReadOnlyList<MenuOption> Options { get; init; }
}

public sealed record MenuItem
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Display names by language code, for shops that serve several languages ("es": "Grande").</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    /// <summary>The name to show a customer who writes <paramref name="language"/>.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language) ?? Name;

    public string Category { get; init; } = "";
    public required decimal Price { get; init; }

    /// <summary>Ids of the sizes this item is sold in; empty when it has no sizes.</summary>
    public IReadOnlyList<string> Sizes { get; init; } = [];

    /// <summary>Per-item size surcharges that replace the size's own price difference.</summary>
    public IReadOnlyDictionary<string, decimal> SizePrices { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Ids of the option groups whose options can be chosen for this item.</summary>
    public IReadOnlyList<string> OptionGroups { get; init; } = [];

    /// <summary>Option ids included in the base price; a customer can remove them ("no mayo").</summary>
    public IReadOnlyList<string> Defaults { get; init; } = [];

    /// <summary>The size served when the customer names none, so the bot does not ask; null: the bot asks.</summary>
    public string? DefaultSize { get; init; }

    /// <summary>A short text for "what's on it?"; the defaults and sizes are told beside it.</summary>
    public string? Description { get; init; }

    /// <summary>Dietary facts the shop vouches for ("vegetarian", "vegan", "gluten-free", "halal", "spicy"); null: unknown.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Allergens the item contains ("gluten", "dairy", "nuts"...); an empty list says "none", null says "unknown".</summary>
    public IReadOnlyList<string>? Allergens { get; init; }
}

/// <summary>The shop's catalog as written in a menu file (see docs/menu.md).</summary>
public sealed record MenuDefinition
{
    public required string Name { get; init; }
    public required string Currency { get; init; }

    /// <summary>
    /// Codes of the languages the menu is written in and the parser reads; the first is the default for
    /// replies. Names and aliases are simply in these languages.
    /// </summary>
    public IReadOnlyList<string> Languages { get; init; } = [SupportedLanguages.Default];

    /// <summary>Digits after the decimal point; defaults to the currency's ISO 4217 minor unit.</summary>
    public int? MinorUnits { get; init; }

    /// <summary>The most of one line a customer may order; larger quantities are not accepted as orders.</summary>
    public int MaxQuantity { get; init; } = 100;

    public IReadOnlyList<MenuSize> Sizes { get; init; } = [];
    public IReadOnlyList<MenuQualifier> Qualifiers { get; init; } = [];
    public IReadOnlyList<MenuOptionGroup> OptionGroups { get; init; } = [];
    public required IReadOnlyList<MenuItem> Items { get; init; }
}
