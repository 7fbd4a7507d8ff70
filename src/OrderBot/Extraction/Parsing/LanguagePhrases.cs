using OrderBot.Languages;

namespace OrderBot.Extraction.Parsing;

/// <summary>A language's words as the parser's phrases. The order is the priority when one phrase is in two classes.</summary>
internal static class LanguagePhrases
{
    public static IEnumerable<(string Phrase, LexEntry Entry)> All(LanguageWords language)
    {
        foreach (var (phrase, value) in language.Numbers)
        {
            yield return (phrase, Count(value));
        }

        foreach (var phrase in language.Articles)
        {
            yield return (phrase, Count(1, NumberFlags.Article));
        }

        foreach (var (phrase, value) in language.Multipliers)
        {
            yield return (phrase, Count(value, NumberFlags.Multiplier));
        }

        foreach (var phrase in language.VagueCounts)
        {
            yield return (phrase, Count(0, NumberFlags.Vague));
        }

        (TokenKind, IEnumerable<string>)[] classes =
        [
            (TokenKind.Negator, language.Negators),
            (TokenKind.Positive, language.Positives),
            (TokenKind.Conjunction, language.Conjunctions),
            (TokenKind.Correction, language.Corrections),
            (TokenKind.Instruction, language.Instructions),
            (TokenKind.Times, language.Times),
            (TokenKind.Price, language.PriceWords),
            // Greetings, agreement and thanks carry no order meaning; "no" words are left out, they remove options.
            (TokenKind.Filler, language.Fillers.Concat(language.Greetings).Concat(language.Yes).Concat(language.Thanks)),
        ];
        foreach (var (kind, phrases) in classes)
        {
            foreach (var phrase in phrases)
            {
                yield return (phrase, new LexEntry { Kind = kind });
            }
        }
    }

    private static LexEntry Count(int value, NumberFlags flags = NumberFlags.None) =>
        new() { Kind = TokenKind.Number, Number = value, Flags = flags };
}
