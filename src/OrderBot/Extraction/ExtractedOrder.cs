using System.Text.Json.Serialization;

namespace OrderBot.Extraction;

/// <summary>What an extractor read in one message. Prices always come from the menu, never from the text.</summary>
public sealed record ExtractedOrder
{
    public required IReadOnlyList<ExtractedItem> Items { get; init; }

    /// <summary>Text that is an instruction rather than an item ("pickup at 5", "to table 4").</summary>
    public string? SpecialInstructions { get; init; }

    /// <summary>Parts of the message that could not be mapped to the menu; never turned into items.</summary>
    public IReadOnlyList<string> Unrecognized { get; init; } = [];

    /// <summary>Things the bot should ask about, e.g. "a few" as a quantity.</summary>
    public IReadOnlyList<string> Ambiguities { get; init; } = [];

    /// <summary>Which extractor produced the result ("parser", "llm").</summary>
    public string Extractor { get; init; } = "parser";

    /// <summary>Set when the model was asked but the parser answered instead: why ("timeout", "invalid_output", ...).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FallbackReason { get; init; }

    /// <summary>The message was longer than the extractor reads; only its start was used.</summary>
    public bool Truncated { get; init; }

    [JsonIgnore]
    public bool IsEmpty => Items.Count == 0;
}

/// <param name="MenuItemId">The menu item's id.</param>
/// <param name="Name">The item's canonical name on the menu.</param>
/// <param name="Quantity">How many, between 1 and the menu's maximum.</param>
/// <param name="Price">Unit price from the menu (base, size and options).</param>
/// <param name="Size">The size id, or null when none was said.</param>
/// <param name="Options">Options added, removed (<see cref="ExtractedOption.Negated"/>) or qualified.</param>
/// <remarks>Serialised with the specification's name, quantity and price first.</remarks>
public sealed record ExtractedItem(
    [property: JsonPropertyOrder(1)] string MenuItemId,
    string Name,
    int Quantity,
    decimal Price,
    [property: JsonPropertyOrder(2)] string? Size,
    [property: JsonPropertyOrder(3)] IReadOnlyList<ExtractedOption> Options);

/// <param name="Id">The option's id.</param>
/// <param name="Name">The option's canonical name.</param>
/// <param name="Group">The id of the option group it was found in.</param>
/// <param name="Negated">The customer asked to leave it out ("no onions").</param>
/// <param name="Qualifier">The qualifier id ("extra", "light"), or null.</param>
public sealed record ExtractedOption(string Id, string Name, string Group, bool Negated, string? Qualifier);
