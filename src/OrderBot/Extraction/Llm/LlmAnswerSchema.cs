using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Extraction.Llm;

/// <summary>
/// The structured-output schema sent with every request (the specification's <c>items[{name, quantity, price}]</c> and
/// <c>special_instructions</c>, plus size and options) and the strict reader of the answer. OpenAI's strict mode
/// wants every property required and optional values as a union with null, hence the shape.
/// </summary>
internal static class LlmAnswerSchema
{
    public const string Name = "order";

    public static JsonElement Schema { get; } = JsonDocument.Parse("""
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["items", "special_instructions"],
          "properties": {
            "items": {
              "type": "array",
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["name", "quantity", "price", "size", "options"],
                "properties": {
                  "name": {"type": "string", "description": "The item's name as written on the menu, or the customer's words when it is not on the menu."},
                  "quantity": {"type": "integer", "description": "How many; 1 when not said."},
                  "price": {"type": ["number", "null"], "description": "Always null: prices come from the menu."},
                  "size": {"type": ["string", "null"], "description": "A size from the menu, or null when none was said."},
                  "options": {"type": "array", "items": {"type": "string"}, "description": "Options from the menu; 'no X' to remove one, 'extra X' for a qualifier."}
                }
              }
            },
            "special_instructions": {"type": ["string", "null"], "description": "Pickup or delivery time, table, notes; null when none."}
          }
        }
        """).RootElement.Clone();

    private static readonly JsonSerializerOptions Strict = CreateStrict();

    /// <summary>
    /// Reads the whole content as one JSON object of the schema's shape: prose around it, a code fence, a cut-off
    /// object, a missing or unknown property or a wrong type all make it invalid. Nothing is repaired.
    /// </summary>
    public static bool TryRead(string? content, [NotNullWhen(true)] out LlmAnswer? answer)
    {
        answer = null;
        if (string.IsNullOrWhiteSpace(content))
        {
            return false;
        }

        try
        {
            answer = JsonSerializer.Deserialize<LlmAnswer>(content, Strict);
            return answer is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = 8,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
