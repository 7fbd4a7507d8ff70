using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Menus;

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

    public static Menu LoadFile(string path) =>
        Parse(ReadText(path, "Menu:Path or --menu", problems => new MenuValidationException(path, problems)), path);

    /// <param name="json">The menu document.</param>
    /// <param name="source">Where it came from, used in error messages.</param>
    public static Menu Parse(string json, string source)
    {
        var definition = Read<MenuDefinition>(json, problems => new MenuValidationException(source, problems));
        var problems = MenuValidator.Validate(definition);
        return problems.Count > 0 ? throw new MenuValidationException(source, problems) : new Menu(definition);
    }

    /// <summary>Reads a configuration file's text; a missing or unreadable file is one problem line.</summary>
    internal static string ReadText(string path, string setting, Func<IReadOnlyList<string>, Exception> fail)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw fail([$"no such file: {Path.GetFullPath(path)} (a relative {setting} is read from the directory the command was started in)"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw fail([$"cannot be read: {e.Message}"]);
        }
    }

    /// <summary>
    /// Deserialises a configuration document after checking its shape, so that every unknown, missing or wrongly typed
    /// field is reported at once with its JSON path.
    /// </summary>
    internal static T Read<T>(string json, Func<IReadOnlyList<string>, Exception> fail)
        where T : class
    {
        List<string> shape;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            shape = MenuJsonShape.Problems(document.RootElement, typeof(T));
        }
        catch (JsonException e)
        {
            // A syntax error ends the reading: what follows it cannot be told apart.
            var line = e.LineNumber is { } l ? $"line {l + 1}, column {(e.BytePositionInLine ?? 0) + 1}: " : "";
            throw fail([$"{line}not valid JSON ({FirstSentence(e.Message)})"]);
        }

        if (shape.Count > 0)
        {
            throw fail(shape);
        }

        T? definition;
        try
        {
            definition = JsonSerializer.Deserialize<T>(json, FileFormat);
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $"{e.Path}: ";
            var line = e.LineNumber is { } l ? $" (line {l + 1})" : "";
            throw fail([$"{where}{FirstSentence(e.Message)}{line}"]);
        }

        return definition ?? throw fail(["$: the document is empty (null)"]);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal) is > 0 and var path ? path : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
