using System.Collections.Concurrent;
using OrderBot.Extraction;
using OrderBot.Menus;

namespace OrderBot.Tests.Extraction;

/// <summary>The sample menus as the tests see them (copied beside the test assembly), each parser compiled once.</summary>
internal static class SampleMenus
{
    private static readonly ConcurrentDictionary<string, Lazy<MenuParser>> Parsers = new(StringComparer.Ordinal);

    public static MenuParser Pizzeria => Parser("pizzeria.json");

    public static MenuParser BurgerBar => Parser("burger-bar.json");

    /// <summary>The parser for a sample menu file, compiled once per test run.</summary>
    public static MenuParser Parser(string file) => Parsers.GetOrAdd(file, f => new Lazy<MenuParser>(() => new MenuParser(Load(f)))).Value;

    public static Menu Load(string file) => MenuLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "menus", file));

    /// <summary>A line as "2 pizza @large +pepperoni -olives +extra:cheese", options sorted, for readable assertions.</summary>
    public static string Describe(ExtractedItem item)
    {
        var options = item.Options
            .Select(o => (o.Negated ? "-" : "+") + (o.Qualifier is { } q ? q + ":" : "") + o.Id)
            .Order(StringComparer.Ordinal);
        var size = item.Size is null ? "" : " @" + item.Size;
        return string.Join(' ', new[] { $"{item.Quantity} {item.MenuItemId}{size}" }.Concat(options));
    }

    public static string[] Describe(ExtractedOrder order) => [.. order.Items.Select(Describe)];

    /// <summary>The same line format with its options put in order, so expectations can be written in any order.</summary>
    public static string Canonical(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var head = parts.TakeWhile(p => p[0] is not ('+' or '-'));
        var options = parts.SkipWhile(p => p[0] is not ('+' or '-')).Order(StringComparer.Ordinal);
        return string.Join(' ', head.Concat(options));
    }
}
