namespace OrderBot.Menus;

/// <summary>ISO 4217 minor units and the one place where money is rounded.</summary>
internal static class Money
{
    private static readonly Dictionary<string, int> NonDefaultMinorUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    public static bool IsValidCode(string? code) =>
        code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    public static int MinorUnits(string code) =>
        NonDefaultMinorUnits.TryGetValue(code, out var digits) ? digits : 2;

    public static decimal Round(decimal amount, int minorUnits) =>
        Math.Round(amount, minorUnits, MidpointRounding.AwayFromZero);

    /// <summary>The number of digits after the decimal point that <paramref name="amount"/> really uses.</summary>
    public static int Scale(decimal amount)
    {
        var normalized = amount / 1.0000000000000000000000000000m;
        return (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
    }
}
