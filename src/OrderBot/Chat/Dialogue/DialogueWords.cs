using System.Collections.Frozen;

namespace OrderBot.Chat.Dialogue;

/// <summary>
/// The words the dialogue reads that are not menu data, for one language: small talk, yes and no, the verbs of
/// editing, question words. The conversation's rules are written against these sets, never against literals.
/// </summary>
public sealed record DialogueWords
{
    public required string Language { get; init; }

    /// <summary>Words that on their own say yes ("yes", "sure", "ok", "go ahead").</summary>
    public required FrozenSet<string> Yes { get; init; }

    /// <summary>Of <see cref="Yes"/>, the words that carry the yes ("place it" does, "it" alone does not).</summary>
    public required FrozenSet<string> YesCore { get; init; }

    public required FrozenSet<string> No { get; init; }

    public required FrozenSet<string> Greetings { get; init; }

    public required FrozenSet<string> Thanks { get; init; }

    public required FrozenSet<string> Goodbyes { get; init; }

    /// <summary>Approval that is not a yes to a question ("perfect", "great", "cool").</summary>
    public required FrozenSet<string> Approval { get; init; }

    /// <summary>Politeness and filler that never change what a short message means ("please", "so", "then").</summary>
    public required FrozenSet<string> Filler { get; init; }

    /// <summary>Words that point at a line instead of naming it ("it", "that", "them", "one").</summary>
    public required FrozenSet<string> Pointers { get; init; }

    /// <summary>Pointers that mean every line ("them", "all", "both", "everything").</summary>
    public required FrozenSet<string> All { get; init; }

    public required FrozenDictionary<string, int> Numbers { get; init; }

    /// <summary>Words that open a question ("what", "how", "is", "do").</summary>
    public required FrozenSet<string> QuestionStarts { get; init; }

    /// <summary>
    /// Whether a message says yes: only yes words and filler, at least one that carries the yes ("place it" does,
    /// "it" does not), and not mostly symbols ("$k:+" is noise, not "k").
    /// </summary>
    public bool SaysYes(string text)
    {
        var words = TextReading.Words(text);
        var visible = text.Count(c => !char.IsWhiteSpace(c));
        var noise = text.Count(c => (char.IsPunctuation(c) || char.IsSymbol(c)) && c is not ('!' or '?' or '.' or ',' or '\'' or '’') && !char.IsSurrogate(c)
            && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.OtherSymbol);
        return words.Length > 0 && noise * 3 < visible
            && (TextReading.OnlyFrom(words, Yes, Filler) && words.Any(YesCore.Contains) || words.All(YesCore.Contains));
    }

    /// <summary>How this language opens a correction of the cart; none for the dialogue's own wording (English).</summary>
    public DialogueActs Acts { get; init; } = DialogueActs.None;

    /// <summary>Words or two-word phrases that on their own make a message a complaint ("pésimo", "mal servicio").</summary>
    public FrozenSet<string> Complaints { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Words that make a complaint only about something that happened ("frío" with "llegaron").</summary>
    public FrozenSet<string> ComplaintHints { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Words that say it happened ("llegó", "chegou", "pedí").</summary>
    public FrozenSet<string> PastHints { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Words that take an item the bot just offered or priced ("dame 2", "manda um"), besides the dialogue's own.</summary>
    public FrozenSet<string> Take { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Whole messages that ask for the last order again ("lo mismo de la otra vez").</summary>
    public FrozenSet<string> Repeat { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Whether the words complain: a complaint word, or a hint of one about something that happened.</summary>
    public bool Complains(string[] words)
    {
        var pairs = words.Zip(words.Skip(1), (a, b) => a + " " + b);
        return words.Concat(pairs).Any(Complaints.Contains) || (words.Any(ComplaintHints.Contains) && words.Any(PastHints.Contains));
    }

    /// <summary>Chat shorthand spelled out before reading ("dbl" is "double", "w/" is "with").</summary>
    public FrozenDictionary<string, string> Shorthand { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>The text with <see cref="Shorthand"/> spelled out, word by word.</summary>
    public string Expand(string text)
    {
        if (Shorthand.Count == 0)
        {
            return text;
        }

        var parts = text.Split(' ');
        for (var i = 0; i < parts.Length; i++)
        {
            var word = parts[i].TrimEnd(',', '.', '!', '?', ';', ':');
            if (Shorthand.TryGetValue(word.ToLowerInvariant(), out var full))
            {
                parts[i] = full + parts[i][word.Length..];
            }
            else if (word.StartsWith("w/", StringComparison.OrdinalIgnoreCase) && word.Length > 2 && Shorthand.TryGetValue("w/", out var with))
            {
                parts[i] = with + " " + parts[i][2..];
            }
        }

        return string.Join(' ', parts);
    }

    public static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}

internal static class EnglishDialogue
{
    public static readonly DialogueWords Words = new()
    {
        Language = "en",
        Yes = DialogueWords.Set(
            "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "k", "kk", "confirm", "confirmed", "correct",
            "right", "go", "ahead", "place", "it", "order", "the", "that's", "thats", "all", "done", "fine", "absolutely",
            "definitely", "please", "do", "send", "sounds", "looks", "good", "great", "perfect", "alright", "affirmative",
            "yess", "yesss", "👍", "👌", "✅", "is", "it's", "its"),
        YesCore = DialogueWords.Set(
            "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "k", "kk", "confirm", "confirmed", "correct", "right",
            "go", "place", "done", "fine", "absolutely", "definitely", "perfect", "alright", "affirmative", "yess", "yesss", "👍", "👌", "✅",
            "all", "send", "that's", "thats"),
        No = DialogueWords.Set("no", "nope", "nah", "not", "yet", "wait", "hold", "on", "don't", "dont", "no thanks", "negative"),
        Greetings = DialogueWords.Set(
            "hi", "hello", "hey", "hiya", "yo", "howdy", "greetings", "morning", "afternoon", "evening", "good", "there", "start", "hallo", "heya", "hola", "buenas",
            "buenos", "dias", "días", "tardes", "noches", "ola", "olá", "oi", "bom", "dia", "boa", "tarde", "noite"),
        Thanks = DialogueWords.Set("thanks", "thank", "you", "u", "thx", "ty", "cheers", "tnx", "thnx", "thankyou", "ta", "much", "so", "lot", "a", "many", "appreciated", "appreciate", "it",
            "gracias", "muchas", "obrigado", "obrigada", "valeu", "merci", "danke"),
        Goodbyes = DialogueWords.Set("bye", "goodbye", "byebye", "cya", "see", "ya", "later", "night", "goodnight", "take", "care", "have", "a", "good", "nice", "day", "evening"),
        Approval = DialogueWords.Set(
            "perfect", "great", "cool", "nice", "awesome", "brilliant", "excellent", "amazing", "lovely", "super", "wonderful",
            "sweet", "fantastic", "fab", "lol", "haha", "wow", "noted", "gotcha", "got", "understood", "np", "no", "problem", "worries",
            "fine", "ok", "okay", "alright", "sounds", "good", "great", "k"),
        Filler = DialogueWords.Set(
            "please", "pls", "plz", "so", "then", "just", "and", "oh", "ah", "um", "uh", "well", "also", "really", "very", "now", "mate",
            "buddy", "thank", "thanks", "sir", "madam", "actually", "instead", "sorry", "oops", "again", "hmm", "ok", "okay", "anyway",
            "though", "only", "too", "as"),
        Pointers = DialogueWords.Set("it", "that", "this", "them", "those", "these", "one", "ones", "both", "all", "everything", "each", "last", "other"),
        All = DialogueWords.Set("them", "all", "both", "everything", "each", "those", "these", "every", "everyone"),
        Numbers = new Dictionary<string, int>
        {
            ["a"] = 1, ["an"] = 1, ["one"] = 1, ["single"] = 1, ["two"] = 2, ["couple"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
            ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["dozen"] = 12,
            ["half-dozen"] = 6, ["fifteen"] = 15, ["twenty"] = 20,
        }.ToFrozenDictionary(StringComparer.Ordinal),
        Shorthand = new Dictionary<string, string>
        {
            ["dbl"] = "double", ["w/"] = "with", ["w/o"] = "without", ["wo/"] = "without", ["xtra"] = "extra", ["pls"] = "please", ["plz"] = "please",
            ["thx"] = "thanks", ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["n"] = "and", ["&"] = "and", ["+"] = "and", ["lg"] = "large",
            ["sm"] = "small", ["med"] = "medium", ["reg"] = "regular", ["cuz"] = "because", ["bc"] = "because", ["2nite"] = "tonight",
        }.ToFrozenDictionary(StringComparer.Ordinal),
        QuestionStarts = DialogueWords.Set(
            "what", "whats", "what's", "which", "how", "hows", "is", "are", "does", "do", "can", "could", "when", "where", "wheres",
            "why", "who", "any", "anything", "got", "have", "tell", "whats's", "do you", "is there", "are there"),
    };
}
