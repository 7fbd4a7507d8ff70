namespace OrderBot.Extraction.Llm;

/// <summary>The model's answer as the schema in <see cref="LlmAnswerSchema"/> describes it; untrusted until validated.</summary>
internal sealed record LlmAnswer
{
    public required IReadOnlyList<LlmAnswerItem> Items { get; init; }
    public required string? SpecialInstructions { get; init; }
}

/// <remarks>
/// <see cref="Quantity"/> is a long so that an absurd count is reported as unrecognized rather than failing the
/// whole answer; <see cref="Price"/> is read only to be ignored: prices come from the menu.
/// </remarks>
internal sealed record LlmAnswerItem
{
    public required string Name { get; init; }
    public required long Quantity { get; init; }
    public required decimal? Price { get; init; }
    public required string? Size { get; init; }
    public required IReadOnlyList<string> Options { get; init; }
}
