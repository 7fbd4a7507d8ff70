using System.Globalization;
using OrderBot.Menus;

namespace OrderBot.Server.Eval.Conversations;

/// <summary>Runs a set of scripts, one harness (and throwaway database) per menu, and writes the format's output.</summary>
public static class ConversationBenchmark
{
    /// <param name="dataFolder">Scripts' <c>menu</c> paths are relative to it.</param>
    /// <param name="menuOverride">Used for every script when given (<c>--menu</c>).</param>
    /// <param name="defaultMenu">For scripts that name no menu.</param>
    /// <param name="shopNextToMenu">
    /// For scripts that name no shop: the shop file next to the menu (<c>…/menus/NAME.json</c> → <c>…/shops/NAME.json</c>), or
    /// none (false). Without a shop the bot asks nothing about fulfilment, so sets written before shops existed score the same.
    /// </param>
    public static async Task<IReadOnlyList<ConversationResult>> RunAsync(
        IReadOnlyList<ConversationScript> scripts,
        string dataFolder,
        string? menuOverride,
        string defaultMenu,
        CancellationToken cancellationToken,
        bool shopNextToMenu = false)
    {
        var harnesses = new Dictionary<string, (ConversationHarness Harness, ConversationRunner Runner)>(StringComparer.Ordinal);
        var results = new List<ConversationResult>(scripts.Count);
        try
        {
            foreach (var script in scripts)
            {
                var menu = Path.GetFullPath(menuOverride ?? (script.Menu is { } m ? Path.Combine(dataFolder, m) : defaultMenu));
                var shop = script.Shop switch
                {
                    ConversationScript.NoShop => "",
                    { } s => Path.GetFullPath(Path.Combine(dataFolder, s)),
                    null => shopNextToMenu ? OrderBot.Shop.ShopOptions.NextToMenu(menu) ?? "" : "",
                };
                if (!harnesses.TryGetValue(menu + "\n" + shop, out var pair))
                {
                    ConversationHarness harness;
                    try
                    {
                        harness = await ConversationHarness.StartAsync(menu, shop, cancellationToken);
                    }
                    catch (Exception e) when (e is MenuValidationException or OrderBot.Shop.ShopValidationException)
                    {
                        results.Add(new ConversationResult(script.Id, false, false, $"menu {menu}: {e.Message}", []));
                        continue;
                    }

                    pair = (harness, new ConversationRunner(harness));
                    harnesses[menu + "\n" + shop] = pair;
                }

                results.Add(await pair.Runner.RunAsync(script, cancellationToken));
            }
        }
        finally
        {
            foreach (var (harness, _) in harnesses.Values)
            {
                await harness.DisposeAsync();
            }
        }

        return results;
    }

    public static void Write(IReadOnlyList<ConversationResult> results, TextWriter output)
    {
        foreach (var result in results)
        {
            output.WriteLine(result.Passed ? $"PASS {result.Id}" : $"FAIL {result.Id}: {result.Reason}");
        }

        var passed = results.Count(r => r.Passed);
        output.WriteLine($"stuck {results.Count(r => r.Stuck)}");
        var score = results.Count == 0 ? 0 : (double)passed / results.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"conversations {score:F4} ({passed}/{results.Count})"));
    }

    public static void WriteTranscripts(IReadOnlyList<ConversationResult> results, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var result in results)
        {
            var name = string.Concat(result.Id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
            var verdict = result.Passed ? "PASS" : $"FAIL: {result.Reason}";
            File.WriteAllLines(Path.Combine(folder, name + ".txt"), result.Transcript.Prepend("").Prepend($"{result.Id}: {verdict}"));
        }
    }
}
