using BenchmarkDotNet.Attributes;
using OrderBot.Extraction;

namespace OrderBot.Bench;

/// <summary>Parsing one message and the whole PIZZA dev set; the menu is compiled once in setup, as in the app.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private MenuParser _parser = null!;
    private IReadOnlyList<string> _utterances = [];

    [GlobalSetup]
    public void Setup()
    {
        _parser = ParserCorpus.CreateParser() ?? throw new InvalidOperationException("samples/menus/pizzeria.json not found (set ORDERBOT_MENU)");
        _utterances = ParserCorpus.LoadUtterances();
        if (_utterances.Count == 0)
        {
            // Without the data set the suite still measures the issue's own example messages.
            _utterances =
            [
                "hi can i get 2 large pepperoni pizzas, one with extra cheese, and a diet coke pls",
                "i'll have one pie along with pesto and ham but avoid olives",
                "three 20 fl ounce coke cans",
            ];
        }
    }

    [Benchmark]
    public ExtractedOrder OneMessage() =>
        _parser.Parse("hi can i get 2 large pepperoni pizzas, one with extra cheese, and a diet coke pls");

    [Benchmark(OperationsPerInvoke = 348)]
    public int PizzaDevSet()
    {
        var items = 0;
        for (var i = 0; i < 348; i++)
        {
            items += _parser.Parse(_utterances[i % _utterances.Count]).Items.Count;
        }

        return items;
    }

    [Benchmark]
    public MenuParser CompileMenu() => new(_parser.Menu);
}
