using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OrderBot.Extraction;
using OrderBot.Server.Eval;
using OrderBot.Server.Eval.Conversations;

namespace OrderBot.Server.Cli;

/// <summary><c>eval pizza --data FILE [--menu FILE] [--predictions OUT] [--extractor parser|llm|hybrid ...]</c>: unordered exact match on a PIZZA split.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data") { Description = "PIZZA JSON lines (any split: dev.SRC/dev.EXR, test.SRC/...).", Required = true };
        var menu = new Option<string?>("--menu") { Description = "Menu file (default: samples/menus/pizzeria.json)." };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Write one {\"src\", \"exr\"} JSON line per utterance." };
        var extractor = new ExtractorArguments();
        var pizza = new Command("pizza", "Score an extractor on the PIZZA benchmark (unordered exact match of EXR trees).")
        {
            data,
            menu,
            predictions,
        };
        extractor.AddTo(pizza);
        pizza.SetAction((result, ct) => RunAsync(result, extractor, result.GetValue(data)!, result.GetValue(menu), result.GetValue(predictions), ct));
        return new Command("eval", "Evaluate the order extractor or the conversation on a benchmark.") { pizza, ConversationsCommand() };
    }

    private static async Task<int> RunAsync(
        ParseResult result, ExtractorArguments extractor, FileInfo dataArgument, string? menuPath, FileInfo? predictionsFile, CancellationToken ct)
    {
        var data = dataArgument;
        if (!data.Exists)
        {
            Console.Error.WriteLine($"{data.FullName}: no such file");
            return 2;
        }

        var menu = MenuFiles.TryLoad(menuPath, Console.Error);
        using var host = menu is null ? null : extractor.Build(result, menu, Console.Error);
        if (host is null)
        {
            return 2;
        }

        var (examples, problems) = PizzaExample.ReadLines(File.ReadLines(data.FullName));
        problems.ForEach(Console.Error.WriteLine);
        var evaluation = await PizzaEvaluation.RunAsync(examples, host.Extractor, menu!, new ProgressBar(examples.Count, Console.Error), ct);
        Console.Error.WriteLine();

        var misses = evaluation.Outcomes.Where(o => !o.Match).ToList();
        Console.Out.WriteLine($"misses ({misses.Count}):");
        foreach (var miss in misses)
        {
            Console.Out.WriteLine($"  src:  {miss.Example.Source}");
            Console.Out.WriteLine($"  gold: {miss.Example.Gold}");
            Console.Out.WriteLine($"  got:  {miss.Predicted}");
        }

        if (predictionsFile is not null)
        {
            using var writer = new StreamWriter(predictionsFile.FullName);
            foreach (var outcome in evaluation.Outcomes)
            {
                writer.WriteLine(JsonSerializer.Serialize(new { src = outcome.Example.Source, exr = outcome.Predicted.ToString() }));
            }
        }

        foreach (var subset in evaluation.BySubset)
        {
            Console.Out.WriteLine(Line(subset));
        }

        foreach (var (by, count) in evaluation.ByExtractor)
        {
            Console.Out.WriteLine($"answered by {by}: {count}");
        }

        var overall = evaluation.Overall;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accuracy {overall.Accuracy:F4} ({overall.Matched}/{overall.Total})"));
        return 0;
    }

    /// <summary><c>eval conversations --data FILE [--menu FILE] [--transcripts DIR] [--shop none|next-to-menu]</c>: scripted conversations through the real conversation.</summary>
    private static Command ConversationsCommand()
    {
        var data = new Option<FileInfo>("--data") { Description = "Conversation scripts, JSON lines (see docs/benchmarks.md).", Required = true };
        var menu = new Option<string?>("--menu") { Description = "Menu for every script, instead of each script's own." };
        var transcripts = new Option<DirectoryInfo?>("--transcripts") { Description = "Write one readable transcript per conversation here." };
        var shop = new Option<string>("--shop") { Description = "For scripts that name no shop: none (default) or next-to-menu (…/shops/NAME.json beside …/menus/NAME.json)." };
        shop.AcceptOnlyFromAmong("none", "next-to-menu");
        var command = new Command("conversations", "Score the conversation on scripted customer conversations.") { data, menu, transcripts, shop };
        command.SetAction((result, ct) => RunConversationsAsync(result.GetValue(data)!, result.GetValue(menu), result.GetValue(transcripts), result.GetValue(shop) == "next-to-menu", ct));
        return command;
    }

    private static async Task<int> RunConversationsAsync(FileInfo dataArgument, string? menuPath, DirectoryInfo? transcripts, bool shopNextToMenu, CancellationToken ct)
    {
        var data = dataArgument;
        if (!data.Exists)
        {
            Console.Error.WriteLine($"{data.FullName}: no such file");
            return 2;
        }

        var menuOverride = menuPath is null ? null : MenuFiles.Resolve(menuPath);
        if (MenuFiles.TryLoad(menuOverride, Console.Error) is null)
        {
            return 2;
        }

        var (scripts, problems) = ConversationScript.ReadLines(File.ReadLines(data.FullName));
        problems.ForEach(p => Console.Error.WriteLine($"{data.Name}: {p}"));
        var results = await ConversationBenchmark.RunAsync(scripts, data.DirectoryName!, menuOverride, MenuFiles.Resolve(null), ct, shopNextToMenu);
        if (transcripts is not null)
        {
            ConversationBenchmark.WriteTranscripts(results, transcripts.FullName);
        }

        ConversationBenchmark.Write(results, Console.Out);
        return 0;
    }

    private static string Line(PizzaEvaluation.Score score) =>
        string.Create(CultureInfo.InvariantCulture, $"{score.Name,-20} {score.Accuracy:F4} ({score.Matched}/{score.Total})");

    /// <summary>A one-line bar on stderr, redrawn at most 50 times so it costs nothing next to parsing.</summary>
    private sealed class ProgressBar(int total, TextWriter writer) : IProgress<int>
    {
        private int _drawn = -1;

        public void Report(int value)
        {
            var step = total == 0 ? 50 : value * 50 / total;
            if (step == _drawn)
            {
                return;
            }

            _drawn = step;
            writer.Write($"\r[{new string('#', step)}{new string(' ', 50 - step)}] {value}/{total}");
        }
    }
}
