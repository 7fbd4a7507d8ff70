using System.Text.Json;
using System.Text.Json.Serialization;
using OrderBot.Extraction;
using Xunit;

namespace OrderBot.Tests.Extraction;

/// <summary>
/// Our own messages for the burger bar (a second domain the parser was not tuned on), each with the expected
/// lines, unrecognized parts, instructions and number of questions. The goal is 95% exact.
/// </summary>
public sealed class BurgerBarCasesTests
{
    private sealed record Case(
        string Message,
        string[] Items,
        string[]? Unrecognized = null,
        string? Instructions = null,
        int? Ambiguities = null);

    private static readonly JsonSerializerOptions Format = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static List<Case> Cases() =>
    [
        .. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Extraction", "burger-bar", "cases.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<Case>(l, Format)!),
    ];

    [Fact]
    public void At_least_fifty_cases_are_written()
    {
        Assert.True(Cases().Count >= 50);
    }

    [Fact]
    public void Burger_bar_cases_are_read_exactly_at_least_95_percent_of_the_time()
    {
        var parser = TestMenus.BurgerBar;
        var cases = Cases();
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var order = parser.Parse(c.Message);
            var problem = Mismatch(c, order);
            if (problem is not null)
            {
                failures.Add($"\"{c.Message}\": {problem}");
            }
        }

        var exact = (double)(cases.Count - failures.Count) / cases.Count;
        TestContext.Current.TestOutputHelper?.WriteLine($"burger-bar exact {exact:P1} ({cases.Count - failures.Count}/{cases.Count})");
        failures.ForEach(f => TestContext.Current.TestOutputHelper?.WriteLine(f));
        Assert.True(exact >= 0.95, $"exact {exact:P1}; misses:\n" + string.Join('\n', failures));
    }

    private static string? Mismatch(Case expected, ExtractedOrder actual)
    {
        var want = expected.Items.Select(TestMenus.Canonical).Order(StringComparer.Ordinal).ToArray();
        var got = TestMenus.Describe(actual).Order(StringComparer.Ordinal).ToArray();
        if (!want.SequenceEqual(got))
        {
            return $"items [{string.Join(", ", got)}], expected [{string.Join(", ", want)}]";
        }

        if (expected.Unrecognized is { } unrecognized && !unrecognized.SequenceEqual(actual.Unrecognized))
        {
            return $"unrecognized [{string.Join(", ", actual.Unrecognized)}], expected [{string.Join(", ", unrecognized)}]";
        }

        if (expected.Instructions is { } instructions && instructions != actual.SpecialInstructions)
        {
            return $"instructions \"{actual.SpecialInstructions}\", expected \"{instructions}\"";
        }

        if (expected.Ambiguities is { } count && count != actual.Ambiguities.Count)
        {
            return $"{actual.Ambiguities.Count} questions [{string.Join(", ", actual.Ambiguities)}], expected {count}";
        }

        return null;
    }
}
