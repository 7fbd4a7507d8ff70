using OrderBot.Server.Eval.Conversations;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Conversations;

/// <summary>
/// Our own scripted conversations (tests/OrderBot.Tests/Conversations/*.jsonl) through the real conversation, scored
/// by the same code as <c>eval conversations</c>: every conversation of every file must pass, and none may get stuck.
/// </summary>
public sealed class ConversationSetTests
{
    private static readonly string Folder = RepositoryFiles.PathOf("tests", "OrderBot.Tests", "Conversations");

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Folder, "*.jsonl").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_conversation_of_the_set_ends_with_the_expected_orders(string file)
    {
        var path = Path.Combine(Folder, file);
        var (scripts, problems) = ConversationScript.ReadLines(File.ReadLines(path));
        Assert.Empty(problems);
        Assert.NotEmpty(scripts);

        var results = await ConversationBenchmark.RunAsync(
            scripts, Folder, menuOverride: null, RepositoryFiles.PathOf("samples", "menus", "pizzeria.json"), TestContext.Current.CancellationToken);

        var failures = results.Where(r => !r.Passed).Select(r => $"{r.Id}: {r.Reason}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {results.Count} failed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void The_sets_hold_at_least_120_conversations_with_unique_ids()
    {
        var ids = Directory.GetFiles(Folder, "*.jsonl")
            .SelectMany(f => ConversationScript.ReadLines(File.ReadLines(f)).Scripts)
            .Select(s => s.Id)
            .ToList();

        Assert.True(ids.Count >= 120, $"only {ids.Count} conversations");
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
