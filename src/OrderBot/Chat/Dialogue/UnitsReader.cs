using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Chat.Dialogue;

/// <summary>
/// "2 cheeseburgers, one with no onion and one with bacon", "2 burritos, one carnitas and one veggie": units of one
/// line told apart in the same message become lines of their own, each with its own options, instead of one line
/// with every option merged. Only one such line per message is read, and only when every part reads cleanly.
/// </summary>
internal static class UnitsReader
{
    private static readonly HashSet<string> Markers = ["one", "1", "other", "another", "second", "first"];

    public static List<OrderLine> Apply(Menu menu, string text, List<OrderLine> lines, DialogueWords language)
    {
        var words = TextReading.Words(text);
        var several = lines.Where(l => l.Quantity >= 2).ToList();
        if (several.Count != 1 || words.Count(Markers.Contains) < 2)
        {
            return lines;
        }

        var line = several[0];
        var item = menu.FindItem(line.MenuItemId)!;
        var parts = Parts(words, language);
        if (parts.Count < 2 || parts.Count > line.Quantity)
        {
            return lines;
        }

        var read = parts.Select(p => LineModifiers.Read(menu, item, p)).ToList();
        if (read.Any(r => !r.Any && LineFinder.ContentWords(r.Rest, language).Any(w => w != "plain" && w != "regular" && w != "normal"))
            || read.Any(r => LineFinder.ContentWords(r.Rest, language).Any(w => w is not ("plain" or "regular" or "normal") && !LineFinder.Fits(menu, line, w))))
        {
            return lines;
        }

        // What the parser merged onto the whole line from the parts comes off the base; each part puts its own back.
        var mentioned = read.SelectMany(r => r.Added.Select(a => a.Id).Concat(r.Removed)).ToHashSet();
        var plain = CartEditor.Reprice(menu, line with { Options = line.Options.Where(o => !mentioned.Contains(o.Id)).ToList(), Quantity = 1 });
        var units = read.Select(r => r.ApplyTo(menu, plain) with { Quantity = 1 }).ToList();
        if (line.Quantity > units.Count)
        {
            units.Add(plain with { Quantity = line.Quantity - units.Count });
        }

        return lines.SelectMany(l => ReferenceEquals(l, line) ? units : [l]).ToList();
    }

    /// <summary>The words after each "one" / "the other": "one with no onion", "one with bacon".</summary>
    private static List<List<string>> Parts(string[] words, DialogueWords language)
    {
        var parts = new List<List<string>>();
        List<string>? current = null;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var marker = Markers.Contains(word) && !(i + 1 < words.Length && words[i + 1] == "of") && !(word is "one" && i > 0 && words[i - 1] is "of");
            if (marker && word is "other" or "another" or "second" or "first" && i + 1 < words.Length && words[i + 1] is "one")
            {
                i++;
            }

            if (marker)
            {
                current = [];
                parts.Add(current);
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (word is "and" && i + 1 < words.Length && (Markers.Contains(words[i + 1]) || words[i + 1] is "the"))
            {
                continue;
            }

            if (word is "the" && i + 1 < words.Length && Markers.Contains(words[i + 1]))
            {
                continue;
            }

            if (word is "and" || (TextReading.Number(word, language) is not null && word is not ("a" or "an")))
            {
                // "... and 2 small horchatas": the parts have ended.
                current = null;
                continue;
            }

            current.Add(word);
        }

        return parts;
    }
}
