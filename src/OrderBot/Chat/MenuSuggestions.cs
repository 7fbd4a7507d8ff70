using OrderBot.Menus;

namespace OrderBot.Chat;

/// <summary>
/// The menu items whose names look most like a phrase the parser could not place ("pepperonni pizza",
/// "garlik bred"), by edit distance word against word, so typos and near misses get a useful answer.
/// </summary>
internal static class MenuSuggestions
{
    public static IReadOnlyList<string> Closest(Menu menu, string phrase, int count = 3)
    {
        var words = Words(phrase);
        if (words.Length == 0)
        {
            return [];
        }

        return menu.Items
            .Select(item => (item.Name, Score: item.Aliases.Prepend(item.Name).Max(name => Similarity(words, Words(name)))))
            .Where(s => s.Score >= 0.5)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(s => s.Name)
            .ToList();
    }

    /// <summary>
    /// For each word of the name, the best match among the phrase's words, averaged over the name; a single
    /// word close to one word of a longer name ("stil" for "still water") still counts, a little less.
    /// </summary>
    private static double Similarity(string[] phrase, string[] name)
    {
        if (name.Length == 0)
        {
            return 0;
        }

        var scores = name.Select(word => phrase.Max(p => 1.0 - (double)Distance(p, word) / Math.Max(p.Length, word.Length))).ToList();
        return Math.Max(scores.Average(), 0.8 * scores.Max());
    }

    private static string[] Words(string text) =>
        Menu.NormalizeKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1 || char.IsDigit(w[0])).ToArray();

    /// <summary>Levenshtein distance with two rows; words are short, so this stays cheap.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
