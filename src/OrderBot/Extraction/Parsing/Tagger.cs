using System.Globalization;

namespace OrderBot.Extraction.Parsing;

/// <summary>Turns scanned words into tagged tokens: the longest menu or language phrase at each position, numbers joined.</summary>
internal static class Tagger
{
    public static void Tag(Lexicon lexicon, ReadOnlySpan<char> folded, List<RawToken> raw, List<Token> tokens)
    {
        var ids = raw.Count <= 256 ? stackalloc int[raw.Count] : new int[raw.Count];
        for (var i = 0; i < raw.Count; i++)
        {
            var r = raw[i];
            ids[i] = r.Kind is RawKind.Word or RawKind.Digits or RawKind.Decimal && !r.Negative
                ? lexicon.WordId(folded[r.Start..r.End])
                : -1;
        }

        var i0 = 0;
        while (i0 < raw.Count)
        {
            var r = raw[i0];
            if (lexicon.TryMatch(ids, i0, out var length, out var entry))
            {
                var end = raw[i0 + length - 1].End;
                var kind = length == 1 && IsModalBeforePronoun(lexicon.Language, entry.Kind, folded, raw, i0) ? TokenKind.Filler : entry.Kind;
                tokens.Add(new Token(kind, r.Start, end, entry, entry.Number, entry.Flags));
                i0 += length;
                continue;
            }

            tokens.Add(r.Kind switch
            {
                RawKind.Separator => new Token(TokenKind.Conjunction, r.Start, r.End),
                RawKind.Boundary => new Token(TokenKind.Boundary, r.Start, r.End),
                RawKind.Currency => new Token(TokenKind.Price, r.Start, r.End),
                // "$1" is an amount of money, never a quantity.
                RawKind.Digits when i0 > 0 && raw[i0 - 1].Kind == RawKind.Currency => new Token(TokenKind.Number, r.Start, r.End, Flags: NumberFlags.NotCount),
                RawKind.Digits => Digits(folded, r),
                RawKind.Decimal or RawKind.Time => new Token(TokenKind.Number, r.Start, r.End, Flags: NumberFlags.NotCount),
                // A word of a menu phrase said alone ("sauce" of "bbq sauce") names nothing on its own.
                _ => new Token(TokenKind.Unknown, r.Start, r.End),
            });
            i0++;
        }

        JoinNumbers(tokens);
    }

    private static Token Digits(ReadOnlySpan<char> folded, RawToken r)
    {
        var digits = folded[(r.Start + (r.Negative ? 1 : 0))..r.End];
        // Anything past int range is simply "too many"; the menu's maximum rejects it later.
        var value = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
        return new Token(TokenKind.Number, r.Start, r.End, Number: value, Flags: r.Negative ? NumberFlags.Negative : NumberFlags.None);
    }

    /// <summary>"can i get": a menu word that is also a modal verb ("can", "will") is the verb when a pronoun follows.</summary>
    private static bool IsModalBeforePronoun(ParserLanguage language, TokenKind kind, ReadOnlySpan<char> folded, List<RawToken> raw, int index)
    {
        if (kind is not (TokenKind.Option or TokenKind.Size or TokenKind.Qualifier) || index + 1 >= raw.Count)
        {
            return false;
        }

        return language.IsModalBeforePronoun(folded[raw[index].Start..raw[index].End], folded[raw[index + 1].Start..raw[index + 1].End]);
    }

    /// <summary>"twenty one" is 21 and "two dozen" 24.</summary>
    private static void JoinNumbers(List<Token> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var (a, b) = (tokens[i], tokens[i + 1]);
            if (a.Kind != TokenKind.Number || b.Kind != TokenKind.Number || (a.Flags & (NumberFlags.Vague | NumberFlags.NotCount)) != 0)
            {
                continue;
            }

            int? joined = (b.Flags & NumberFlags.Multiplier) != 0 ? a.Number * b.Number
                : a.Number is >= 20 and <= 90 && a.Number % 10 == 0 && b.Number is >= 1 and <= 9 && b.Flags == NumberFlags.None && a.Flags == NumberFlags.None ? a.Number + b.Number
                : null;
            if (joined is { } value)
            {
                tokens[i] = a with { End = b.End, Number = value, Flags = a.Flags & NumberFlags.Negative };
                tokens.RemoveAt(i + 1);
                i--;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Number && (tokens[i].Flags & NumberFlags.Multiplier) != 0)
            {
                tokens[i] = tokens[i] with { Flags = NumberFlags.None };
            }
        }
    }
}
