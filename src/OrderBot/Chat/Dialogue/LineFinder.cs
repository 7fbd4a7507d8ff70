using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Chat.Dialogue;

/// <summary>
/// Finds the cart lines a customer's words describe: by item, size and options together ("the large one", "the
/// veggie pizza", "the burger without onions"), so two lines of one menu item are told apart.
/// </summary>
internal static class LineFinder
{
    private static readonly HashSet<string> Articles = ["the", "my", "a", "an", "of", "with", "on", "in", "for", "to", "from", "order", "cart", "el", "la", "los", "las", "o", "os", "as", "de", "do", "da", "mi", "meu", "minha"];

    /// <summary>The words that describe a line once pointers, numbers and filler are set aside.</summary>
    public static List<string> ContentWords(IEnumerable<string> words, DialogueWords language) =>
        words.Where(w => !Articles.Contains(w) && !language.Pointers.Contains(w) && !language.Filler.Contains(w) && TextReading.Number(w, language) is null).ToList();

    /// <summary>
    /// Indexes of the lines <paramref name="words"/> describe. With no describing words: every line for "them/both/all",
    /// else the last line. With some: the lines that every word fits; failing that, those that most words fit.
    /// </summary>
    public static List<int> Find(Menu menu, IReadOnlyList<OrderLine> cart, IReadOnlyList<string> words, DialogueWords language)
    {
        if (cart.Count == 0)
        {
            return [];
        }

        var content = ContentWords(words, language);
        if (content.Count == 0)
        {
            return words.Any(language.All.Contains) ? Enumerable.Range(0, cart.Count).ToList() : [cart.Count - 1];
        }

        var scores = cart.Select(line => content.Count(word => Fits(menu, line, word))).ToList();
        var best = scores.Max();
        if (best == 0)
        {
            return [];
        }

        return Enumerable.Range(0, cart.Count).Where(i => scores[i] == best).ToList();
    }

    /// <summary>Whether every content word fits the line (not just most of them).</summary>
    public static bool FitsWholly(Menu menu, OrderLine line, IReadOnlyList<string> words, DialogueWords language) =>
        ContentWords(words, language) is var content && content.Count > 0 && content.All(w => Fits(menu, line, w));

    public static bool Fits(Menu menu, OrderLine line, string word)
    {
        var item = menu.FindItem(line.MenuItemId);
        var names = new List<string> { line.Name, line.MenuItemId ?? "", item?.Category ?? "" };
        if (item is not null)
        {
            names.AddRange(item.Aliases);
        }

        if (line.Size is not null && menu.Sizes.FirstOrDefault(s => s.Id == line.Size) is { } size)
        {
            names.Add(size.Name);
            names.Add(size.Id);
            names.AddRange(size.Aliases);
        }

        foreach (var option in line.Options.Where(o => !o.Negated))
        {
            names.Add(option.Name);
            names.Add(option.Id);
            if (item is not null && menu.FindOption(item, option.Id) is { } resolved)
            {
                names.AddRange(resolved.Option.Aliases);
            }
        }

        // "x-burguer" or "coca-cola" as one word names "X-Burguer", whose key has the parts apart.
        var joined = Menu.NormalizeKey(word);
        return names.Any(name => Menu.NormalizeKey(name) is var key
            && (key.Split(' ').Any(part => Same(part, word)) || (joined.Contains(' ', StringComparison.Ordinal) && $" {key} ".Contains($" {joined} ", StringComparison.Ordinal))));
    }

    /// <summary>Equal, a plural of the other, or one typo apart in a word of five letters or more.</summary>
    public static bool Same(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (a == b || LineModifiers.Singular(a) == b || LineModifiers.Singular(b) == a)
        {
            return true;
        }

        return Math.Min(a.Length, b.Length) >= 5 && Math.Abs(a.Length - b.Length) <= 1 && MenuSuggestions.Distance(a, b) <= 1;
    }
}
