using System.Collections.Frozen;
using OrderBot.Languages;

namespace OrderBot.Extraction.Parsing;

/// <summary>
/// The word lists of a menu's languages that the parser asks about by position rather than through the
/// phrase trie: modal verbs before pronouns, instruction prepositions, clock words and leads, and inflection.
/// </summary>
internal sealed class ParserLanguage
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _modals;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _pronouns;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _leads;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _clockWords;
    private readonly string[] _clockLeads;

    public ParserLanguage(IReadOnlyList<LanguageWords> languages)
    {
        Languages = languages;
        Forms = new WordForms(languages);
        _modals = Set(languages.SelectMany(l => l.Modals));
        _pronouns = Set(languages.SelectMany(l => l.Pronouns));
        _leads = Set(languages.SelectMany(l => l.InstructionLeads));
        _clockWords = Set(languages.SelectMany(l => l.ClockWords));
        _clockLeads = [.. languages.SelectMany(l => l.ClockLeads).Select(l => l.ToLowerInvariant()).Distinct()];
    }

    public IReadOnlyList<LanguageWords> Languages { get; }

    public WordForms Forms { get; }

    /// <summary>"can i get": a menu word that is also a modal verb is the verb when a pronoun follows.</summary>
    public bool IsModalBeforePronoun(ReadOnlySpan<char> word, ReadOnlySpan<char> next) => _modals.Contains(word) && _pronouns.Contains(next);

    /// <summary>"at", "para": a preposition that belongs to the instruction after it.</summary>
    public bool IsInstructionLead(ReadOnlySpan<char> folded) => _leads.Contains(folded);

    /// <summary>"pm", "hs": after a number, it makes the number a clock time.</summary>
    public bool IsClockWord(ReadOnlySpan<char> folded) => _clockWords.Contains(folded);

    /// <summary>
    /// Where a clock lead ("a las", "às") ends the text before <paramref name="end"/>, or -1. Leads are compared
    /// as written, accents included: "às 8" is a time, "as 2 cocas" ("the 2 cokes") is not.
    /// </summary>
    public int ClockLeadStart(ReadOnlySpan<char> text, int end)
    {
        var before = text[..end].TrimEnd();
        foreach (var lead in _clockLeads)
        {
            var start = before.Length - lead.Length;
            if (start >= 0 && before[start..].Equals(lead, StringComparison.OrdinalIgnoreCase) && (start == 0 || !char.IsLetter(before[start - 1])))
            {
                return start;
            }
        }

        return -1;
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(IEnumerable<string> words) =>
        words.Select(TextFold.Fold).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}
