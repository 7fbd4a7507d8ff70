using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Extraction;

/// <summary>
/// The wire shape of an <see cref="ExtractedOrder"/>: the specification's <c>items[{name, quantity, price}]</c> and
/// <c>special_instructions</c>, with the richer fields beside them in snake_case.
/// </summary>
public static class ExtractionJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static string Serialize(ExtractedOrder order, bool indented = false) =>
        JsonSerializer.Serialize(order, indented ? Indented : Options);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = indented,
            // Item names such as "Jalapeño" and instructions stay readable in logs and the CLI.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
