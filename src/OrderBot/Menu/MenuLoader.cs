using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Menu;

/// <summary>Reads a menu file, checks it and compiles its lookups once.</summary>
public static class MenuLoader
{
    internal static readonly JsonSerializerOptions FileFormat = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Menu LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MenuValidationException(path, [$"no such file: {Path.GetFullPath(path)} (a relative Menu:Path or --menu is read from the directory the command was started in)"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MenuValidationException(path, [$"cannot be read: {e.Message}"]);
        }

        return Parse(json, path);
    }

    /// <param name="json">The menu document.</param>
    /// <param name="source">Where it came from, used in error messages.</param>
    public static Menu Parse(string json, string source)
    {
        List<string> shape;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            shape = MenuJsonShape.Problems(document.RootElement);
        }
        catch (JsonException e)
        {
            // A syntax error ends the reading: what follows it cannot be told apart.
            var line = e.LineNumber is { } l ? $"line {l + 1}, column {(e.BytePositionInLine ?? 0) + 1}: " : "";
            throw new MenuValidationException(source, [$"{line}not valid JSON ({FirstSentence(e.Message)})"]);
        }

        if (shape.Count > 0)
        {
            throw new MenuValidationException(source, shape);
        }

        MenuDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<MenuDefinition>(json, FileFormat);
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $"{e.Path}: ";
            var line = e.LineNumber is { } l ? $" (line {l + 1})" : "";
            throw new MenuValidationException(source, [$"{where}{FirstSentence(e.Message)}{line}"]);
        }

        if (definition is null)
        {
            throw new MenuValidationException(source, ["$: the document is empty (null)"]);
        }

        var problems = MenuValidator.Validate(definition);
        return problems.Count > 0 ? throw new MenuValidationException(source, problems) : new Menu(definition);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal) is > 0 and var path ? path : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
