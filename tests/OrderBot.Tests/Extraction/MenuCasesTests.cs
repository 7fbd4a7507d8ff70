using System.Text.Json;
using System.Text.Json.Serialization;
using OrderBot.Extraction;
using Xunit;

namespace OrderBot.Tests.Extraction;

/// <summary>
/// Our own messages for menus the parser was not tuned on, each with the expected lines, unrecognized parts,
/// instructions and number of questions: the burger bar in English, a taquería in Spanish and a lanchonete in
/// Portuguese (written by hand, in each language's everyday ordering style). The goal is 95% exact per menu.
/// </summary>
public sealed class MenuCasesTests
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

    private static List<Case> Cases(string folder) =>
    [
        .. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Extraction", folder, "cases.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<Case>(l, Format)!),
    ];

    [Theory]
    [InlineData("burger-bar", 50)]
    [InlineData("taqueria-es", 80)]
    [InlineData("lanchonete-pt", 80)]
    public void Enough_cases_are_written(string menu, int minimum)
    {
        Assert.True(Cases(menu).Count >= minimum);
    }

    [Theory]
    [InlineData("burger-bar")]
    [InlineData("taqueria-es")]
    [InlineData("lanchonete-pt")]
    public void Every_case_is_read_exactly(string menu)
    {
        var parser = SampleMenus.Parser(menu + ".json");
        var cases = Cases(menu);
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
        TestContext.Current.TestOutputHelper?.WriteLine($"{menu} exact {exact:P1} ({cases.Count - failures.Count}/{cases.Count})");
        failures.ForEach(f => TestContext.Current.TestOutputHelper?.WriteLine(f));
        Assert.True(exact >= 1.0, $"exact {exact:P1}; misses:\n" + string.Join('\n', failures));
    }

    private static string? Mismatch(Case expected, ExtractedOrder actual)
    {
        var want = expected.Items.Select(SampleMenus.Canonical).Order(StringComparer.Ordinal).ToArray();
        var got = SampleMenus.Describe(actual).Order(StringComparer.Ordinal).ToArray();
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
