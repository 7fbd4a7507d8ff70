namespace OrderBot.Extraction.Parsing;

/// <summary>English inflection and typo distance for single words.</summary>
internal static class WordForms
{
    /// <summary>Plural and singular forms of <paramref name="word"/> ("olive" -> "olives", "anchovies" -> "anchovy").</summary>
    public static IEnumerable<string> Variants(string word)
    {
        if (word.Length < 3 || !char.IsAsciiLetter(word[^1]))
        {
            yield break;
        }

        foreach (var singular in Singulars(word))
        {
            yield return singular;
        }

        yield return word + "s";
        yield return word + "es";
        if (word[^1] == 'y' && !IsVowel(word[^2]))
        {
            yield return word[..^1] + "ies";
        }
    }

    public static IEnumerable<string> Singulars(string word)
    {
        if (word.Length < 4 || word[^1] != 's' || word[^2] == 's')
        {
            yield break;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return word[..^3] + "y";
        }

        if (word.EndsWith("es", StringComparison.Ordinal))
        {
            yield return word[..^2];
        }

        yield return word[..^1];
    }

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

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
