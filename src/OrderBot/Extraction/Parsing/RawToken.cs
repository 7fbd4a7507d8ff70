namespace OrderBot.Extraction.Parsing;

internal enum RawKind : byte
{
    Word,
    Digits,
    Decimal,
    Time,

    /// <summary>',', '+', '&amp;': a list separator.</summary>
    Separator,

    /// <summary>'.', '!', '?', ';', a line break: the end of a clause.</summary>
    Boundary,

    /// <summary>'$' and other currency signs.</summary>
    Currency,
}

/// <summary>A word, number or punctuation mark; <see cref="Start"/>/<see cref="End"/> index the original message.</summary>
internal readonly record struct RawToken(RawKind Kind, int Start, int End, bool Negative = false)
{
    public int Length => End - Start;
}
