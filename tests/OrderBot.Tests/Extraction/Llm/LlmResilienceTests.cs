using OrderBot.Extraction.Llm;
using Xunit;

namespace OrderBot.Tests.Extraction.Llm;

[Collection(FakeLlmServerGroup.Name)]
public sealed class LlmResilienceTests(FakeLlmServer server)
{
    private const string Message = LlmTestBed.PizzaMessage;
    private const string Answer = LlmTestBed.PizzaAnswer;

    /// <summary>Bounds a wait on the code under test so a bug fails the test instead of hanging it; never a synchronisation.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>retry-after-ms (Azure OpenAI) wins over Retry-After, as openai-python reads them (platforms-2026.md, section 7).</summary>
    [Theory]
    [InlineData(null, "7", 7000)]
    [InlineData("1500", "9", 1500)]
    public async Task A_429_is_retried_only_after_the_wait_the_server_asked_for_and_the_answer_is_used(string? retryAfterMs, string retryAfter, int waitMs)
    {
        var time = new TimerWatchingTimeProvider();
        var headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter };
        if (retryAfterMs is not null)
        {
            headers["retry-after-ms"] = retryAfterMs;
        }

        var scenario = server.Scenario(n => n == 1 ? FakeReply.Error(429, headers) : FakeReply.OpenAI(Answer), time);
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => o.Timeout = TimeSpan.FromMinutes(1)), time);
        var wait = TimeSpan.FromMilliseconds(waitMs);
        var waitingForRetryAfter = time.TimerStarted(wait);

        var extraction = bed.Extractor.ExtractAsync(Message, Ct);
        await waitingForRetryAfter.WaitAsync(Guard, Ct);
        time.Advance(wait - TimeSpan.FromMilliseconds(100));
        Assert.Single(scenario.Requests);
        Assert.False(extraction.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(100));
        var order = await extraction.WaitAsync(Guard, Ct);

        Assert.Equal("llm", order.Extractor);
        Assert.Equal(2, scenario.Requests.Count);
        Assert.Equal(wait, scenario.Requests[1].At - scenario.Requests[0].At);
    }

    [Theory]
    [InlineData(429, 1, FallbackReasons.RateLimited)]
    [InlineData(500, 2, FallbackReasons.ServerError)]
    [InlineData(503, 0, FallbackReasons.ServerError)]
    public async Task A_failure_that_persists_after_the_retries_gets_the_parser_answer_and_is_counted(int status, int retries, string reason)
    {
        var scenario = server.Scenario(_ => FakeReply.Error(status));
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => o.MaxRetries = retries));

        var order = await bed.Extractor.ExtractAsync(Message, Ct);

        Assert.Equal(1 + retries, scenario.Requests.Count);
        Assert.Equal(("parser", reason), (order.Extractor, order.FallbackReason));
        Assert.Equal(("pizza", 2), (Assert.Single(order.Items).MenuItemId, order.Items[0].Quantity));
        Assert.Equal(reason, bed.Fallbacks.LastMeasurement?.Tags["reason"]);
    }

    [Fact]
    public async Task A_server_that_hangs_past_the_timeout_gets_the_parser_answer()
    {
        var time = new TimerWatchingTimeProvider();
        var scenario = server.Scenario(_ => FakeReply.Hanging(), time);
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => o.Timeout = TimeSpan.FromSeconds(5)), time);

        var extraction = bed.Extractor.ExtractAsync(Message, Ct);
        await scenario.Received(1).WaitAsync(Guard, Ct);
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(extraction.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var order = await extraction.WaitAsync(Guard, Ct);

        Assert.Equal(("parser", FallbackReasons.Timeout), (order.Extractor, order.FallbackReason));
        Assert.Equal(2, Assert.Single(order.Items).Quantity);
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_no_call_is_made()
    {
        var scenario = server.Scenario(_ => FakeReply.Error(503));
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => (o.MaxRetries, o.CircuitBreakerFailures) = (0, 2)));

        await bed.Extractor.ExtractAsync(Message, Ct);
        await bed.Extractor.ExtractAsync(Message, Ct);
        var order = await bed.Extractor.ExtractAsync(Message, Ct);

        Assert.Equal(2, scenario.Requests.Count);
        Assert.Equal(("parser", FallbackReasons.CircuitOpen), (order.Extractor, order.FallbackReason));
    }

    [Fact]
    public async Task A_server_nobody_listens_on_is_unreachable_and_the_parser_answers()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new ExtractionOptions { Mode = ExtractionMode.Llm, Model = "m", Endpoint = new Uri($"http://127.0.0.1:{port}/v1"), MaxRetries = 0, RetryDelay = TimeSpan.Zero };
        using var bed = new LlmTestBed(options);

        var order = await bed.Extractor.ExtractAsync(Message, Ct);

        Assert.Equal(("parser", FallbackReasons.Unreachable), (order.Extractor, order.FallbackReason));
    }
}
