namespace OrderBot.Languages;

/// <summary>
/// The words of one language that are not menu data: numbers, list and removal words, corrections,
/// instructions, filler, inflections, and the yes/no/greeting/thanks words the conversation reuses. The
/// parser compiles the data of every language a menu declares; nothing in the pipeline names a word of any
/// language. Phrases are written as people spell them, accents included; matching folds accents, so
/// "jamón" and "jamon" are one word. A new language is one more instance of this record (see
/// <see cref="Languages"/>) plus its tests.
/// </summary>
public sealed record LanguageWords
{
    /// <summary>ISO 639-1 code, as a menu's <c>languages</c> lists it ("en", "es", "pt").</summary>
    public required string Code { get; init; }

    /// <summary>The language's name in English, for the model's prompt ("Spanish").</summary>
    public required string Name { get; init; }

    /// <summary>Number words and counting phrases with their value ("two" 2, "half a dozen" 6, "un par de" 2).</summary>
    public required IReadOnlyDictionary<string, int> Numbers { get; init; }

    /// <summary>Indefinite articles: a quantity of one that does not by itself start an order line ("a", "una").</summary>
    public required IReadOnlyList<string> Articles { get; init; }

    /// <summary>Words that multiply the number before them ("dozen" 12: "two dozen" is 24).</summary>
    public required IReadOnlyDictionary<string, int> Multipliers { get; init; }

    /// <summary>Counts the customer must still say ("a few", "varios"): they become a question.</summary>
    public required IReadOnlyList<string> VagueCounts { get; init; }

    /// <summary>Removals ("no", "without", "sin", "sem"): they remove the options that follow.</summary>
    public required IReadOnlyList<string> Negators { get; init; }

    /// <summary>Additions ("with", "con", "com"): they add the options that follow and end a removal.</summary>
    public required IReadOnlyList<string> Positives { get; init; }

    /// <summary>List words ("and", "y", "e").</summary>
    public required IReadOnlyList<string> Conjunctions { get; init; }

    /// <summary>Words before a number that corrects the last quantity ("make that", "mejor", "na verdade").</summary>
    public required IReadOnlyList<string> Corrections { get; init; }

    /// <summary>Words that start a special instruction: pickup, delivery, table, time.</summary>
    public required IReadOnlyList<string> Instructions { get; init; }

    /// <summary>Prepositions that belong to the instruction after them ("at", "para", "pra").</summary>
    public required IReadOnlyList<string> InstructionLeads { get; init; }

    /// <summary>Words after a number that make it a clock time ("pm", "hs").</summary>
    public required IReadOnlyList<string> ClockWords { get; init; }

    /// <summary>Phrases before a number that make it a clock time ("a las", "lá pelas").</summary>
    public required IReadOnlyList<string> ClockLeads { get; init; }

    /// <summary>"x" as in "2x", "x2".</summary>
    public required IReadOnlyList<string> Times { get; init; }

    /// <summary>Words about money: a customer cannot set prices, so they are reported as unrecognized.</summary>
    public required IReadOnlyList<string> PriceWords { get; init; }

    /// <summary>Function words, politeness and order verbs: never reported as unrecognized.</summary>
    public required IReadOnlyList<string> Fillers { get; init; }

    /// <summary>Verbs that are filler before a pronoun even when a menu uses them ("can i get": "can").</summary>
    public IReadOnlyList<string> Modals { get; init; } = [];

    /// <summary>The pronouns that make a modal a verb.</summary>
    public IReadOnlyList<string> Pronouns { get; init; } = [];

    /// <summary>Singular and plural endings ("" → "s", "ão" → "ões"); every one that fits a word is tried.</summary>
    public required IReadOnlyList<Inflection> Plurals { get; init; }

    /// <summary>Masculine and feminine endings ("o" → "a": "pequeño"/"pequeña"), tried after the word's own forms.</summary>
    public IReadOnlyList<Inflection> Genders { get; init; } = [];

    /// <summary>Letters and marks only this language (among the shipped ones) writes ("ñ", "¿", "ã").</summary>
    public string TellingLetters { get; init; } = "";

    /// <summary>Agreement ("yes", "sí", "sim", "dale", "pode ser").</summary>
    public required IReadOnlyList<string> Yes { get; init; }

    /// <summary>Refusal ("no", "nope", "não").</summary>
    public required IReadOnlyList<string> No { get; init; }

    /// <summary>Greetings ("hello", "hola", "buenas noches", "oi", "bom dia").</summary>
    public required IReadOnlyList<string> Greetings { get; init; }

    /// <summary>Thanks ("thanks", "gracias", "obrigado", "valeu").</summary>
    public required IReadOnlyList<string> Thanks { get; init; }
}

/// <summary>A word ending and its inflected ending ("ão" → "ões" for "limão"/"limões"); accents are folded when compiled.</summary>
public readonly record struct Inflection(string Base, string Inflected);
