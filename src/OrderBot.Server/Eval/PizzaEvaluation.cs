using OrderBot.Extraction;

namespace OrderBot.Server.Eval;

/// <summary>Unordered exact match of the parser's EXR against the gold trees, overall and for the harder subsets.</summary>
public sealed class PizzaEvaluation
{
    public static readonly (string Name, Func<ExrTree, bool> Applies)[] Subsets =
    [
        ("drinks", t => t.Contains("DRINKORDER")),
        ("negation", t => t.Contains("NOT")),
        ("qualifiers", t => t.Contains("QUANTITY")),
        ("several sub-orders", t => t.Children.Count > 1),
    ];

    public sealed record Outcome(PizzaExample Example, ExrTree Predicted, bool Match);

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

    public static PizzaEvaluation Run(
        IReadOnlyList<PizzaExample> examples, MenuParser parser, IProgress<int>? progress = null)
    {
        var categories = parser.Menu.Items.ToDictionary(i => i.Id, i => i.Category, StringComparer.Ordinal);
        var outcomes = new List<Outcome>(examples.Count);
        foreach (var example in examples)
        {
            var predicted = PizzaExr.ToExr(parser.Parse(example.Source), id => categories.GetValueOrDefault(id, ""));
            outcomes.Add(new Outcome(example, predicted, predicted.MatchesUnordered(example.Gold)));
            progress?.Report(outcomes.Count);
        }

        return new PizzaEvaluation { Outcomes = outcomes };
    }
}
