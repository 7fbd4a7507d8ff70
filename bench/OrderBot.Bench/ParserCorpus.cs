using System.Text.Json;
using OrderBot.Extraction;
using OrderBot.Menu;

namespace OrderBot.Bench;

/// <summary>
/// The PIZZA dev utterances and the pizzeria menu, found from the environment (PIZZA_DATA, ORDERBOT_MENU) or by
/// looking for ../shared/data/pizza and samples/menus in the folders above the current one.
/// </summary>
internal static class ParserCorpus
{
    public static MenuParser? CreateParser()
    {
        var path = Environment.GetEnvironmentVariable("ORDERBOT_MENU") ?? FindUp(Path.Combine("samples", "menus", "pizzeria.json"));
        return path is null ? null : new MenuParser(MenuLoader.LoadFile(path));
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
