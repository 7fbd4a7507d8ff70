using System.Collections.Frozen;

namespace OrderBot.Languages;

/// <summary>
/// Tells which of a menu's languages a message is written in, from the words only one of them uses: "hola,
/// quiero dos tacos" is Spanish, "olá, quero dois" Portuguese, "2 tacos" nothing at all. Words the
/// candidates share ("no", "ok", "extra", menu names) tell nothing and are not counted.
/// </summary>
internal static class LanguageDetector
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> WordsByLanguage =
        SupportedLanguages.All.ToFrozenDictionary(l => l.Code, l => TellingWords(l).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// The code among <paramref name="candidates"/> (a menu's <c>languages</c>) whose words the text uses most,
    /// or null when it has no telling word or two languages tie; the caller then keeps the language it had.
    /// </summary>
    public static string? Detect(string? text, IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var known = candidates.Where(WordsByLanguage.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(text) || known.Count == 0)
        {
            return null;
        }

        var scores = new int[known.Count];
        foreach (var word in Words(text))
        {
            var holders = 0;
            var holder = -1;
            for (var i = 0; i < known.Count; i++)
            {
                if (WordsByLanguage[known[i]].Contains(word))
                {
                    holders++;
                    holder = i;
                }
            }

            if (holders == 1)
            {
                scores[holder]++;
            }
        }

        for (var i = 0; i < known.Count; i++)
        {
            scores[i] += text.Count(c => SupportedLanguages.Get(known[i]).TellingLetters.Contains(char.ToLowerInvariant(c)));
        }

        var best = scores.Max();
        return best > 0 && scores.Count(s => s == best) == 1 ? known[Array.IndexOf(scores, best)] : null;
    }

    private static IEnumerable<string> TellingWords(LanguageWords language) =>
        language.Numbers.Keys
            .Concat(language.Articles).Concat(language.Multipliers.Keys).Concat(language.VagueCounts)
            .Concat(language.Negators).Concat(language.Positives).Concat(language.Conjunctions).Concat(language.Corrections)
            .Concat(language.Instructions).Concat(language.Fillers)
            .Concat(language.Yes).Concat(language.No).Concat(language.Greetings).Concat(language.Thanks)
            .SelectMany(Words);

    /// <summary>The folded words of a text: letters and apostrophes inside a word.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var folded = TextFold.Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var letter = i < folded.Length && (char.IsLetter(folded[i]) || (folded[i] == '\'' && start >= 0));
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }
}
