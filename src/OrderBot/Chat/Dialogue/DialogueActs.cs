using System.Collections.Frozen;

namespace OrderBot.Chat.Dialogue;

/// <summary>
/// How a language opens a correction of the cart, as data: the lead-ins ("mejor", "na verdade"), the act phrases with
/// the dialogue's own wording they stand for ("que sean" is "make that", "tira" is "remove") and the words inside an
/// act that carry its grammar ("por" in "cambia el de bistec por suadero" is "to"). The conversation's corrections are
/// written once, in that wording; a language adds its phrases here and every correction reads it.
/// </summary>
public sealed record DialogueActs
{
    public static readonly DialogueActs None = new();

    /// <summary>Words and phrases a correction may open with; "no" among them keeps its meaning ("no, son 2").</summary>
    public FrozenSet<string> Leads { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Of <see cref="Leads"/>, those that say no.</summary>
    public FrozenSet<string> NoLeads { get; init; } = FrozenSet<string>.Empty;

    /// <summary>An act phrase at the start (after the lead-ins) and the dialogue's wording of it.</summary>
    public FrozenDictionary<string, string> Openers { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Words inside an act and the dialogue's wording of them ("por" → "to", "sin" → "without").</summary>
    public FrozenDictionary<string, string> Inner { get; init; } = FrozenDictionary<string, string>.Empty;

    private const int LongestPhrase = 4;

    /// <summary>
    /// The message in the dialogue's wording when it opens with an act of this language ("que sean 3" → "make that 3",
    /// "na verdade 2" → "actually 2"); null when it does not, so an order or a question is read as written.
    /// </summary>
    public string? Read(string[] words, DialogueWords language)
    {
        if (Openers.Count == 0 || words.Length == 0)
        {
            return null;
        }

        var i = 0;
        var led = false;
        var saidNo = false;
        // An act phrase wins over a lead-in that starts it ("não quero mais" is an act, not "não" and the rest).
        while (i < words.Length && Match(words, i, Openers.ContainsKey).Length == 0 && Match(words, i, Leads.Contains) is var (length, lead) && length > 0)
        {
            led = true;
            saidNo |= NoLeads.Contains(lead);
            i += length;
        }

        var parts = new List<string>();
        if (saidNo)
        {
            parts.Add("no");
        }

        var (opener, phrase) = Match(words, i, Openers.ContainsKey);
        if (opener > 0)
        {
            parts.Add(Openers[phrase]);
        }
        else if (led && i < words.Length && TextReading.Number(words[i], language) is not null)
        {
            // "mejor 2", "na verdade 2": a count after a lead-in corrects the quantity.
            parts.Add("actually");
        }
        else
        {
            return null;
        }

        for (var k = i + opener; k < words.Length;)
        {
            var (inner, key) = Match(words, k, Inner.ContainsKey);
            if (inner > 0)
            {
                parts.Add(Inner[key]);
                k += inner;
                continue;
            }

            parts.Add(language.Numbers.TryGetValue(words[k], out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : words[k]);
            k++;
        }

        return string.Join(' ', parts);
    }

    /// <summary>The longest of the phrases starting at word <paramref name="at"/>.</summary>
    private static (int Length, string Phrase) Match(string[] words, int at, Func<string, bool> phrases)
    {
        for (var length = Math.Min(LongestPhrase, words.Length - at); length > 0; length--)
        {
            var phrase = string.Join(' ', words, at, length);
            if (phrases(phrase))
            {
                return (length, phrase);
            }
        }

        return (0, "");
    }

    public static FrozenDictionary<string, string> Map(params (string From, string To)[] pairs) =>
        pairs.ToFrozenDictionary(p => p.From, p => p.To, StringComparer.Ordinal);
}
