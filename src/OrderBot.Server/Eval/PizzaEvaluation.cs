using OrderBot.Extraction;
using OrderBot.Menus;

namespace OrderBot.Server.Eval;

/// <summary>Unordered exact match of an extractor's EXR against the gold trees, overall and for the harder subsets.</summary>
public sealed class PizzaEvaluation
{
    public static readonly (string Name, Func<ExrTree, bool> Applies)[] Subsets =
    [
        ("drinks", t => t.Contains("DRINKORDER")),
        ("negation", t => t.Contains("NOT")),
        ("qualifiers", t => t.Contains("QUANTITY")),
        ("several sub-orders", t => t.Children.Count > 1),
    ];

    public sealed record Outcome(PizzaExample Example, ExrTree Predicted, bool Match)
    {
        public string Extractor { get; init; } = "parser";
    }

    public sealed record Score(string Name, int Matched, int Total)
    {
        public double Accuracy => Total == 0 ? 0 : (double)Matched / Total;
    }

    public required IReadOnlyList<Outcome> Outcomes { get; init; }

    public Score Overall => new("overall", Outcomes.Count(o => o.Match), Outcomes.Count);

    public IEnumerable<Score> BySubset => Subsets.Select(s =>
    {
        var inSubset = Outcomes.Where(o => s.Applies(o.Example.Gold)).ToList();
        return new Score(s.Name, inSubset.Count(o => o.Match), inSubset.Count);
    });

    /// <summary>Which extractor answered how often ("llm", "parser", "parser (fallback: timeout)").</summary>
    public IEnumerable<(string Extractor, int Count)> ByExtractor => Outcomes
        .GroupBy(o => o.Extractor, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count())
        .Select(g => (g.Key, g.Count()));

    public static PizzaEvaluation Run(IReadOnlyList<PizzaExample> examples, MenuParser parser, IProgress<int>? progress = null) =>
        // The parser completes synchronously, so this does not block on I/O.
        RunAsync(examples, parser, parser.Menu, progress).GetAwaiter().GetResult();

    /// <summary>One message at a time: a model server is usually the bottleneck, and the order keeps runs comparable.</summary>
    public static async Task<PizzaEvaluation> RunAsync(
        IReadOnlyList<PizzaExample> examples, IOrderExtractor extractor, Menu menu, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var categories = menu.Items.ToDictionary(i => i.Id, i => i.Category, StringComparer.Ordinal);
        var outcomes = new List<Outcome>(examples.Count);
        foreach (var example in examples)
        {
            var order = await extractor.ExtractAsync(example.Source, cancellationToken);
            var predicted = PizzaExr.ToExr(order, id => categories.GetValueOrDefault(id, ""));
            var by = order.FallbackReason is null ? order.Extractor : $"{order.Extractor} (fallback: {order.FallbackReason})";
            outcomes.Add(new Outcome(example, predicted, predicted.MatchesUnordered(example.Gold)) { Extractor = by });
            progress?.Report(outcomes.Count);
        }

        return new PizzaEvaluation { Outcomes = outcomes };
    }
}
