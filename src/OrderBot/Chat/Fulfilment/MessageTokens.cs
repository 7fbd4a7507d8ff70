using OrderBot.Languages;

namespace OrderBot.Chat.Fulfilment;

internal enum TokenShape
{
    Word,
    Number,

    /// <summary>Digits and letters together: "7pm", "19h30", "221b", "nw1".</summary>
    Mixed,

    /// <summary>Digits around ':' or '.': "19:30", "7.30".</summary>
    Clock,

    /// <summary>Digits around '-': "01310-100", "10001-1234".</summary>
    Code,
    Punct,
}

/// <summary>A folded word, number or punctuation mark of a message, with where it is in the original text.</summary>
internal readonly record struct Token(string Text, int Start, int End, TokenShape Kind)
{
    public bool IsWordLike => Kind is not TokenShape.Punct;
}

/// <summary>
/// Cuts a message into tokens over its folded copy (one character for one, so positions are the original's).
/// Hyphens and spaces separate words ("meio-dia" is "meio" "dia"); ':' '.' '-' between digits stay inside the
/// number ("19:30", "01310-100"); other punctuation is a token of its own; emoji are skipped.
/// </summary>
internal static class MessageTokens
{
    public static List<Token> Read(string text)
    {
        var folded = TextFold.Fold(text);
        var tokens = new List<Token>();
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                var letters = false;
                var digits = false;
                var separator = '\0';
                while (i < folded.Length)
                {
                    c = folded[i];
                    if (char.IsLetterOrDigit(c))
                    {
                        letters |= char.IsLetter(c);
                        digits |= char.IsDigit(c);
                        i++;
                    }
                    else if (c is ':' or '.' or '-' && !letters && separator == '\0' && i + 1 < folded.Length && char.IsDigit(folded[i + 1]))
                    {
                        separator = c;
                        i++;
                    }
                    else if (c == '\'' && letters && i + 1 < folded.Length && char.IsLetter(folded[i + 1]))
                    {
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                var kind = separator switch
                {
                    '-' => letters ? TokenShape.Mixed : TokenShape.Code,
                    ':' or '.' => letters ? TokenShape.Mixed : TokenShape.Clock,
                    _ => letters && digits ? TokenShape.Mixed : letters ? TokenShape.Word : TokenShape.Number,
                };
                tokens.Add(new Token(folded[start..i], start, i, kind));
            }
            else
            {
                if (c == '\n' || (c < 128 && char.IsPunctuation(c) && c is not '-' and not '_') || c is '%' or '$' or '+')
                {
                    tokens.Add(new Token(c.ToString(), i, i + 1, TokenShape.Punct));
                }

                i++;
            }
        }

        return tokens;
    }

    /// <summary>The tokens of a phrase from the word data, as strings ("address:" is "address", ":").</summary>
    public static string[] Words(string phrase) => [.. Read(phrase).Select(t => t.Text)];
}

/// <summary>Phrases of the word data with a value each, matched longest first on tokens not already claimed.</summary>
internal sealed class PhraseSet<T>
{
    private readonly Dictionary<string, (string[] Words, T Value)[]> byFirst;

    public PhraseSet(IEnumerable<KeyValuePair<string, T>> phrases)
    {
        byFirst = phrases
            .Select(p => (Words: MessageTokens.Words(p.Key), p.Value))
            .Where(p => p.Words.Length > 0)
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The longest phrase starting at token <paramref name="at"/>: its length in tokens and value.</summary>
    public (int Length, T Value)? Match(IReadOnlyList<Token> tokens, int at, bool[] claimed)
    {
        foreach (var match in All(tokens, at, claimed))
        {
            return match;
        }

        return null;
    }

    /// <summary>Every phrase starting at token <paramref name="at"/>, longest first.</summary>
    public IEnumerable<(int Length, T Value)> All(IReadOnlyList<Token> tokens, int at, bool[] claimed)
    {
        if (at < 0 || at >= tokens.Count || claimed[at] || !byFirst.TryGetValue(tokens[at].Text, out var candidates))
        {
            yield break;
        }

        foreach (var (words, value) in candidates)
        {
            if (at + words.Length > tokens.Count)
            {
                continue;
            }

            var fits = true;
            for (var k = 0; k < words.Length && fits; k++)
            {
                fits = !claimed[at + k] && string.Equals(tokens[at + k].Text, words[k], StringComparison.Ordinal);
            }

            if (fits)
            {
                yield return (words.Length, value);
            }
        }
    }

    /// <summary>The longest phrase ending just before token <paramref name="end"/>: its length in tokens.</summary>
    public int MatchEndingAt(IReadOnlyList<Token> tokens, int end, bool[] claimed)
    {
        for (var start = Math.Max(0, end - 5); start < end; start++)
        {
            if (All(tokens, start, claimed).Any(m => start + m.Length == end))
            {
                return end - start;
            }
        }

        return 0;
    }
}

internal static class PhraseSet
{
    public static PhraseSet<bool> Of(IEnumerable<string> phrases) => new(phrases.Select(p => KeyValuePair.Create(p, true)));

    public static PhraseSet<T> Of<T>(IEnumerable<KeyValuePair<string, T>> phrases) => new(phrases);
}
