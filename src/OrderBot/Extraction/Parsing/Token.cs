using OrderBot.Menus;

namespace OrderBot.Extraction.Parsing;

internal enum TokenKind : byte
{
    Item,
    Size,
    Option,
    Qualifier,
    Number,

    /// <summary>"no", "without", "hold the": removes the options that follow.</summary>
    Negator,

    /// <summary>"with", "add", "along with": adds the options that follow (ends a removal).</summary>
    Positive,
    Conjunction,

    /// <summary>End of a sentence: closes a removal.</summary>
    Boundary,

    /// <summary>"actually make that", "change it to": the next number corrects the last quantity.</summary>
    Correction,

    /// <summary>"pickup", "table", "deliver": starts a special instruction.</summary>
    Instruction,

    /// <summary>A category or option group name ("drinks", "toppings"): part of the order's language, not an item.</summary>
    Noun,

    /// <summary>"x" or "times" as in "2x latte", "latte x2".</summary>
    Times,

    /// <summary>Words that carry no order meaning ("please", "i'd like").</summary>
    Filler,

    /// <summary>A word the menu and the parser do not know.</summary>
    Unknown,

    /// <summary>"price", "$", "free": the customer cannot set prices; reported as unrecognized.</summary>
    Price,
}

[Flags]
internal enum NumberFlags : byte
{
    None = 0,

    /// <summary>"a"/"an": a quantity of one that does not by itself start an order line.</summary>
    Article = 1,

    /// <summary>"a few", "several": the customer must say how many.</summary>
    Vague = 2,

    /// <summary>"dozen": multiplies the number before it.</summary>
    Multiplier = 4,

    Negative = 8,

    /// <summary>A clock time ("5:30") or decimal: never a quantity.</summary>
    NotCount = 16,
}

/// <summary>What a phrase means: one menu entity or one word class of the parser.</summary>
internal sealed class LexEntry
{
    public required TokenKind Kind { get; init; }
    public MenuItem? Item { get; init; }
    public MenuSize? Size { get; init; }
    public ResolvedOption[] Options { get; set; } = [];
    public MenuQualifier? Qualifier { get; init; }

    /// <summary>For a category name ("tacos", "drinks"): the category, so "5 tacos de bistec" can count the item.</summary>
    public string? Category { get; init; }
    public int Number { get; init; }
    public NumberFlags Flags { get; init; }
}

/// <summary>A tagged span of the message.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, LexEntry? Entry = null, int Number = 0, NumberFlags Flags = NumberFlags.None)
{
    public bool IsCount => Kind == TokenKind.Number && (Flags & (NumberFlags.Vague | NumberFlags.NotCount)) == 0;

    /// <summary>A number said as a number ("two", "2"), not the article "a".</summary>
    public bool IsExplicitCount => IsCount && (Flags & NumberFlags.Article) == 0;
}
