namespace OrderBot.Languages;

/// <summary>English around menu words. Nothing here names a product; products come from the menu.</summary>
public static class English
{
    public static LanguageWords Words { get; } = new()
    {
        Code = "en",
        Name = "English",
        Numbers = new Dictionary<string, int>
        {
            ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
            ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
            ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
            ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
            ["a dozen"] = 12, ["half a dozen"] = 6, ["half dozen"] = 6, ["a half dozen"] = 6, ["a couple"] = 2, ["a couple of"] = 2,
            ["couple of"] = 2, ["a pair of"] = 2, ["a single"] = 1, ["just one"] = 1, ["only one"] = 1, ["just a"] = 1, ["hundred"] = 100,
        },
        Articles = ["a", "an"],
        Multipliers = new Dictionary<string, int> { ["dozen"] = 12, ["dozens"] = 12 },
        VagueCounts = ["a few", "few", "several", "a handful of", "some more", "a number of"],
        Negators =
        [
            "no", "not", "without", "w/o", "hold", "hold the", "avoid", "skip", "minus", "except", "leave off", "leave out",
            "take off", "take out", "remove", "don't", "dont", "do not", "doesn't", "won't", "never", "none", "nix",
            "excluding", "exclude", "hate", "allergic to", "sans", "everything but", "everything except", "all but",
        ],
        Positives =
        [
            "with", "w", "add", "adding", "include", "including", "along with", "as well as", "and also", "and with",
            "topped with", "also add", "put", "throw in", "on top",
        ],
        Conjunctions = ["and", "or", "plus", "also", "then", "n", "nor"],
        Corrections =
        [
            "actually", "make that", "make it", "change that to", "change it to", "change to", "instead", "sorry make that",
            "scratch that", "correction", "i mean", "no wait",
        ],
        Instructions =
        [
            "pickup", "pick up", "pick it up", "pick them up", "collect", "collection", "deliver", "delivery", "delivered",
            "table", "asap", "as soon as possible", "address", "ready by", "ready at", "ring the bell", "call me", "takeaway",
            "take away", "dine in", "cutlery", "napkins", "cut into", "sliced into", "well done",
        ],
        InstructionLeads = ["at", "by", "to", "for", "around"],
        ClockWords = ["pm", "am", "o'clock", "oclock"],
        ClockLeads = [],
        Times = ["x", "times"],
        PriceWords = ["price", "prices", "cost", "costs", "charge", "free", "discount", "dollar", "dollars", "cents", "pay", "total", "bucks", "usd", "eur"],
        Fillers =
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
        ],
        Modals = ["can", "could", "may", "might", "will", "would", "shall", "should", "must"],
        Pronouns = ["i", "you", "we", "u", "they"],
        Plurals = [new("", "s"), new("", "es"), new("y", "ies")],
        Yes = ["yes", "yeah", "yep", "yup", "sure", "ok", "okay", "alright", "correct", "confirm", "sounds good", "that's right"],
        No = ["no", "nope", "nah", "not really", "no thanks"],
        Greetings = ["hi", "hello", "hey", "heya", "hiya", "good morning", "good afternoon", "good evening"],
        Thanks = ["thanks", "thank you", "thx", "ty", "cheers", "much appreciated"],
    };
}
