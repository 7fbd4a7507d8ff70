using OrderBot.Languages;

namespace OrderBot.Extraction.Parsing;

/// <summary>Inflection of single words by the endings of the menu's languages, and typo distance.</summary>
internal sealed class WordForms
{
    private readonly Inflection[] _plurals;
    private readonly Inflection[] _singulars;
    private readonly Inflection[] _genders;

    public WordForms(IEnumerable<LanguageWords> languages)
    {
        var list = languages.ToList();
        _plurals = Folded(list.SelectMany(l => l.Plurals));
        // Longest ending first: "tomatoes" is "tomato" before it is "tomatoe".
        _singulars = [.. _plurals.OrderByDescending(p => p.Inflected.Length)];
        _genders = Folded(list.SelectMany(l => l.Genders));
    }

    /// <summary>
    /// Other forms of <paramref name="word"/>: singular, plurals, and the other gender with its plurals
    /// ("olive" -> "olives", "anchovies" -> "anchovy", "pequeño" -> "pequeña", "pequeñas").
    /// </summary>
    public IEnumerable<string> Variants(string word)
    {
        if (word.Length < 3 || !char.IsAsciiLetter(word[^1]))
        {
            yield break;
        }

        foreach (var form in Singulars(word).Prepend(word))
        {
            if (form != word)
            {
                yield return form;
            }

            foreach (var plural in Apply(form, _plurals))
            {
                yield return plural;
            }

            foreach (var other in OtherGender(form))
            {
                yield return other;
            }
        }
    }

    /// <summary>The other gender of a word and its plurals ("poco" -> "poca", "pocas").</summary>
    public IEnumerable<string> OtherGender(string word)
    {
        foreach (var other in Apply(word, _genders))
        {
            yield return other;
            foreach (var plural in Apply(other, _plurals))
            {
                yield return plural;
            }
        }
    }

    /// <summary>Possible singulars of a plural ("limões" -> "limão"); gender is left alone, "coca" is not "coco".</summary>
    public IEnumerable<string> Singulars(string word)
    {
        if (word.Length < 4 || word[^1] != 's' || word[^2] == 's')
        {
            yield break;
        }

        foreach (var (singular, plural) in _singulars)
        {
            if (word.Length > plural.Length && word.EndsWith(plural, StringComparison.Ordinal))
            {
                yield return word[..^plural.Length] + singular;
            }
        }
    }

    private static IEnumerable<string> Apply(string word, Inflection[] endings)
    {
        foreach (var (from, to) in endings)
        {
            if (word.Length > from.Length && word.EndsWith(from, StringComparison.Ordinal))
            {
                yield return word[..^from.Length] + to;
            }
        }
    }

    private static Inflection[] Folded(IEnumerable<Inflection> endings) =>
        [.. endings.Select(e => new Inflection(TextFold.Fold(e.Base), TextFold.Fold(e.Inflected))).Distinct()];

    /// <summary>
    /// How many edits a typo of this length may have: none for short words, where one edit makes another
    /// word ("ham"/"jam"), one up to eight letters, two beyond.
    /// </summary>
    public static int AllowedEdits(int length) => length switch
    {
        < 5 => 0,
        < 9 => 1,
        _ => 2,
    };

    /// <summary>Optimal string alignment distance (adjacent swaps count as one edit), or max+1 once it exceeds <paramref name="max"/>.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
