namespace OrderBot.Extraction.Parsing;

/// <summary>
/// The general English the parser understands around menu words: numbers, removals, list words, corrections,
/// instructions and filler. Nothing here names a product; products come from the menu.
/// </summary>
internal static class EnglishWords
{
    private static readonly string[] Units =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] Tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static IEnumerable<(string Phrase, LexEntry Entry)> All()
    {
        for (var i = 0; i < Units.Length; i++)
        {
            yield return (Units[i], Count(i));
        }

        for (var i = 0; i < Tens.Length; i++)
        {
            yield return (Tens[i], Count((i + 2) * 10));
        }

        foreach (var (phrase, value) in Counts)
        {
            yield return (phrase, Count(value));
        }

        yield return ("a", Count(1, NumberFlags.Article));
        yield return ("an", Count(1, NumberFlags.Article));
        yield return ("dozen", Count(12, NumberFlags.Multiplier));
        yield return ("dozens", Count(12, NumberFlags.Multiplier));
        foreach (var phrase in VagueCounts)
        {
            yield return (phrase, Count(0, NumberFlags.Vague));
        }

        foreach (var (kind, phrases) in Classes)
        {
            foreach (var phrase in phrases)
            {
                yield return (phrase, new LexEntry { Kind = kind });
            }
        }
    }

    private static LexEntry Count(int value, NumberFlags flags = NumberFlags.None) =>
        new() { Kind = TokenKind.Number, Number = value, Flags = flags };

    private static readonly (string, int)[] Counts =
    [
        ("a dozen", 12), ("half a dozen", 6), ("half dozen", 6), ("a half dozen", 6), ("a couple", 2), ("a couple of", 2),
        ("couple of", 2), ("a pair of", 2), ("a single", 1), ("just one", 1), ("only one", 1), ("just a", 1), ("hundred", 100),
    ];

    private static readonly string[] VagueCounts = ["a few", "few", "several", "a handful of", "some more", "a number of"];

    /// <summary>Function words, politeness and order verbs: never reported as unrecognized.</summary>
    private static readonly string[] Fillers =
    [
        "i", "i'd", "id", "i'll", "ill", "i'm", "im", "i've", "me", "my", "we", "we'd", "we'll", "us", "our", "you", "u", "your", "ya",
        "it", "it's", "its", "them", "they", "those", "these", "that", "that's", "thats", "this", "there", "here", "the", "some",
        "any", "all", "both", "each", "every", "one's", "of", "on", "in", "into", "for", "to", "at", "by", "from", "as", "is", "are",
        "be", "was", "will", "would", "could", "can", "may", "might", "shall", "should", "do", "does", "did", "have", "has", "had",
        "get", "got", "getting", "give", "gimme", "want", "wanna", "wanted", "wanting", "need", "needs", "like", "love", "liked",
        "order", "ordering", "ordered", "orders", "place", "placing", "put", "start", "begin", "try", "trying", "take", "taking",
        "go", "going", "let", "let's", "lets", "make", "made", "prefer", "wish", "feel", "think", "guess", "see", "just", "only",
        "so", "too", "very", "really", "definitely", "maybe", "perhaps", "which", "what", "who", "how", "comes", "come", "sure",
        "please", "pls", "plz", "pleae", "kindly", "thanks", "thank", "thx", "ty", "cheers", "appreciate", "appreciated",
        "hi", "hello", "hey", "heya", "hiya", "yo", "good", "morning", "afternoon", "evening", "night", "tonight", "today",
        "day", "great", "ok", "okay", "k", "alright", "yes", "yeah", "yep", "sure", "oh", "um", "uh", "hmm", "well", "now",
        "again", "more", "another", "extra", "same", "other", "else", "than", "then", "but", "though", "however", "if",
        "much", "lot", "lots", "favor", "favour", "important", "size", "sized", "style", "one", "ones", "piece", "pieces",
        "an", "am", "be", "being", "been", "bring", "send", "grab", "fetch", "also", "quick", "quickly", "please?", "set",
        "all set", "that's all", "that's it", "thats all", "for me", "for us", "rush", "new", "usual", "regular",
    ];

    private static readonly (TokenKind, string[])[] Classes =
    [
        (TokenKind.Negator,
        [
            "no", "not", "without", "w/o", "hold", "hold the", "avoid", "skip", "minus", "except", "leave off", "leave out",
            "take off", "take out", "remove", "don't", "dont", "do not", "doesn't", "won't", "never", "none", "nix",
            "excluding", "exclude", "hate", "allergic to", "sans", "everything but", "everything except", "all but",
        ]),
        (TokenKind.Positive,
        [
            "with", "w", "add", "adding", "include", "including", "along with", "as well as", "and also", "and with",
            "topped with", "also add", "put", "throw in", "on top",
        ]),
        (TokenKind.Conjunction, ["and", "or", "plus", "also", "then", "n", "nor"]),
        (TokenKind.Correction,
        [
            "actually", "make that", "make it", "change that to", "change it to", "change to", "instead", "sorry make that",
            "scratch that", "correction", "i mean", "no wait",
        ]),
        (TokenKind.Instruction,
        [
            "pickup", "pick up", "pick it up", "pick them up", "collect", "collection", "deliver", "delivery", "delivered",
            "table", "asap", "as soon as possible", "address", "ready by", "ready at", "ring the bell", "call me", "takeaway",
            "take away", "dine in", "cutlery", "napkins", "cut into", "sliced into", "well done",
        ]),
        (TokenKind.Times, ["x", "times"]),
        (TokenKind.Price, ["price", "prices", "cost", "costs", "charge", "free", "discount", "dollar", "dollars", "cents", "pay", "total", "bucks", "usd", "eur"]),
        (TokenKind.Filler, Fillers),
    ];
}
