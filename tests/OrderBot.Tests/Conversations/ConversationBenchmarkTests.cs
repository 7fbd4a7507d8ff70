using OrderBot.Server.Eval.Conversations;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Conversations;

/// <summary>The benchmark verb's own rules (shared reference "conversation-benchmark.md"): what passes, what fails and how it is written.</summary>
public sealed class ConversationBenchmarkTests
{
    private static readonly string Menus = RepositoryFiles.PathOf("samples", "menus");

    internal static async Task<ConversationResult> RunAsync(string line)
    {
        var (scripts, problems) = ConversationScript.ReadLines([line]);
        Assert.Empty(problems);
        var results = await ConversationBenchmark.RunAsync(scripts, Menus, null, Path.Combine(Menus, "pizzeria.json"), TestContext.Current.CancellationToken);
        return Assert.Single(results);
    }

    [Fact]
    public async Task A_conversation_that_ends_with_the_expected_order_passes()
    {
        var result = await RunAsync("""
            {"id":"ok","menu":"burger-bar.json","steps":[{"say":"2 cheeseburgers no pickles"},{"say":"sorry, make that 1"},{"tap":"Confirm"},{"staff":"confirmed"}],
             "expect":{"orders":[{"status":"confirmed","total":9.50,"items":[{"item":"cheeseburger","quantity":1,"size":null,"options":["no pickles"]}]}],"replies_contain":["placed"]}}
            """);

        Assert.True(result.Passed, result.Reason);
        Assert.Contains(result.Transcript, l => l.StartsWith("staff: confirmed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"status":"preparing","items":[{"item":"cheeseburger","quantity":1,"size":null,"options":[]}]}""", "status pending, expected preparing")]
    [InlineData("""{"status":"pending","total":10.00,"items":[{"item":"cheeseburger","quantity":1,"size":null,"options":[]}]}""", "total 9.50, expected 10.00")]
    [InlineData("""{"status":"pending","items":[{"item":"cheeseburger","quantity":2,"size":null,"options":[]}]}""", "lines differ")]
    [InlineData("""{"status":"pending","items":[{"item":"cheeseburger","quantity":1,"size":null,"options":["bacon"]}]}""", "lines differ")]
    public async Task A_different_order_fails_with_the_first_difference(string expected, string reason)
    {
        var result = await RunAsync($$$"""
            {"id":"differs","menu":"burger-bar.json","steps":[{"say":"a cheeseburger"},{"say":"yes"}],"expect":{"orders":[{{{expected}}}]}}
            """);

        Assert.False(result.Passed);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_order_and_a_reply_check_each_fail()
    {
        var missing = await RunAsync("""{"id":"none","menu":"burger-bar.json","steps":[{"say":"a cheeseburger"}],"expect":{"orders":[{"status":"pending","items":[]}]}}""");
        var lacking = await RunAsync("""{"id":"lack","menu":"burger-bar.json","steps":[{"say":"a cheeseburger"}],"expect":{"orders":[],"replies_lack":["cheeseburger"]}}""");

        Assert.Equal("expected 1 order(s), got 0", missing.Reason);
        Assert.StartsWith("a reply contains “cheeseburger”", lacking.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clock_starts_at_the_scripts_time_and_moves_by_advance_steps()
    {
        var result = await RunAsync("""
            {"id":"expiry","menu":"burger-bar.json","at":"2026-12-04T18:30:00","steps":[{"say":"a cheeseburger"},{"advance":"03:00:00"},{"say":"yes"}],
             "expect":{"orders":[],"replies_contain":["not confirmed in time"]}}
            """);

        Assert.True(result.Passed, result.Reason);
    }

    [Fact]
    public void The_output_ends_with_the_stuck_count_and_the_score()
    {
        var output = new StringWriter();
        ConversationBenchmark.Write(
            [new ConversationResult("a", true, false, null, []), new ConversationResult("b", false, true, "stuck: …", [])],
            output);

        Assert.Equal(["PASS a", "FAIL b: stuck: …", "stuck 1", "conversations 0.5000 (1/2)"], output.ToString().TrimEnd().Split(Environment.NewLine));
    }
}
