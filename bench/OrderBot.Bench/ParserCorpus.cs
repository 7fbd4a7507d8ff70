using System.Text.Json;
using System.Text.Json.Nodes;
using OrderBot.Extraction;
using OrderBot.Menus;

namespace OrderBot.Bench;

/// <summary>
/// The PIZZA dev utterances and the pizzeria menu, found from the environment (PIZZA_DATA, ORDERBOT_MENU) or by
/// looking for ../shared/data/pizza and samples/menus in the folders above the current one.
/// </summary>
internal static class ParserCorpus
{
    /// <param name="languages">Languages to load instead of the menu's own ("en,es,pt"): what a parser costs with more word data.</param>
    public static MenuParser? CreateParser(string? languages = null)
    {
        var path = Environment.GetEnvironmentVariable("ORDERBOT_MENU") ?? FindUp(Path.Combine("samples", "menus", "pizzeria.json"));
        if (path is null)
        {
            return null;
        }

        if (languages is null)
        {
            return new MenuParser(MenuLoader.LoadFile(path));
        }

        var menu = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        menu["languages"] = new JsonArray([.. languages.Split(',').Select(code => JsonValue.Create(code.Trim()))]);
        return new MenuParser(MenuLoader.Parse(menu.ToJsonString(), path));
    }

    /// <summary>The utterances, or an empty list when the data set is not on this machine.</summary>
    public static IReadOnlyList<string> LoadUtterances()
    {
        var path = Environment.GetEnvironmentVariable("PIZZA_DATA") ?? FindUp(Path.Combine("..", "shared", "data", "pizza", "PIZZA_dev.json"));
        if (path is null || !File.Exists(path))
        {
            return [];
        }

        var utterances = new List<string>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var source = document.RootElement.EnumerateObject().FirstOrDefault(p => p.Name.EndsWith("SRC", StringComparison.Ordinal));
            if (source.Value.ValueKind == JsonValueKind.String)
            {
                utterances.Add(source.Value.GetString()!);
            }
        }

        return utterances;
    }

    private static string? FindUp(string relative)
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.GetFullPath(Path.Combine(directory.FullName, relative));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
