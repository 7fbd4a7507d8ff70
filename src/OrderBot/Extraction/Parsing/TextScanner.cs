using OrderBot.Languages;

namespace OrderBot.Extraction.Parsing;

/// <summary>
/// Splits a message into words, numbers and punctuation over a lower-cased, accent-folded copy that keeps
/// every character at its original index, so token offsets can cut text out of the original message.
/// </summary>
internal static class TextScanner
{
    /// <summary>Folds <paramref name="text"/> into <paramref name="folded"/> (same length) and appends its tokens.</summary>
    public static void Scan(ReadOnlySpan<char> text, Span<char> folded, List<RawToken> tokens)
    {
        for (var i = 0; i < text.Length; i++)
        {
            folded[i] = TextFold.Fold(text[i]);
        }

        var n = text.Length;
        var p = 0;
        while (p < n)
        {
            var c = folded[p];
            if (IsLetter(c))
            {
                var start = p;
                while (p < n && (IsLetter(folded[p]) || (folded[p] == '\'' && p + 1 < n && IsLetter(folded[p + 1]) && p > start)))
                {
                    p++;
                }

                tokens.Add(new RawToken(RawKind.Word, start, p));
                // "dr." and "fl." are abbreviations, not the end of a sentence.
                if (p < n && folded[p] == '.' && p - start <= 2)
                {
                    p++;
                }

                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                tokens.Add(ScanNumber(folded, ref p));
                continue;
            }

            if (c == '-' && p + 1 < n && char.IsAsciiDigit(folded[p + 1]) && (p == 0 || !char.IsLetterOrDigit(folded[p - 1])))
            {
                p++;
                var number = ScanNumber(folded, ref p);
                tokens.Add(number with { Start = number.Start - 1, Negative = true });
                continue;
            }

            var kind = c switch
            {
                ',' or '+' or '&' => RawKind.Separator,
                '.' or '!' or '?' or ';' or ':' or '\n' or '\r' => RawKind.Boundary,
                '$' or '€' or '£' or '¥' => RawKind.Currency,
                _ => (RawKind)255,
            };
            if (kind != (RawKind)255 && !(kind == RawKind.Boundary && tokens.Count > 0 && tokens[^1].Kind == RawKind.Boundary))
            {
                tokens.Add(new RawToken(kind, p, p + 1));
            }

            p++;
        }
    }

    private static RawToken ScanNumber(ReadOnlySpan<char> folded, ref int p)
    {
        var start = p;
        var kind = RawKind.Digits;
        while (p < folded.Length && char.IsAsciiDigit(folded[p]))
        {
            p++;
        }

        // "7.5" is a decimal and "5:30" a time; "2." at the end of a sentence stays a whole number.
        if (p + 1 < folded.Length && folded[p] is '.' or ':' && char.IsAsciiDigit(folded[p + 1]))
        {
            kind = folded[p] == '.' ? RawKind.Decimal : RawKind.Time;
            p++;
            while (p < folded.Length && char.IsAsciiDigit(folded[p]))
            {
                p++;
            }
        }

        return new RawToken(kind, start, p);
    }

    private static bool IsLetter(char c) => char.IsAsciiLetterLower(c) || (c > 127 && char.IsLetter(c));
}
