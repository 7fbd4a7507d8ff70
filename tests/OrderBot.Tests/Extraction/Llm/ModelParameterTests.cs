using OrderBot.Extraction.Llm;
using Xunit;

namespace OrderBot.Tests.Extraction.Llm;

/// <summary>
/// What goes on the wire for the servers' differing parameter rules, asserted on the request body the loopback
/// fake received (platforms-2026.md, section 7: token limit, temperature, retry headers; issue 16, point 7).
/// </summary>
[Collection(FakeLlmServerCollection.Name)]
public sealed class ModelParameterTests(FakeLlmServer server)
{
    private const string Message = "two large pizzas with ham";
    private const string Answer = """{"items":[{"name":"Pizza","quantity":2,"price":null,"size":"large","options":["ham"]}],"special_instructions":null}""";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_compatible_server_gets_max_tokens_by_default_which_ollama_v1_and_llama_cpp_read()
    {
        var scenario = server.Scenario(_ => FakeReply.OpenAI(Answer));
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => o.MaxTokens = 640));

        await bed.Extractor.ExtractAsync(Message, Ct);

        var body = Assert.Single(scenario.Requests).Body.AsObject();
        Assert.Equal(640, (int?)body["max_tokens"]);
        Assert.False(body.ContainsKey("max_completion_tokens"));
    }

    [Fact]
    public async Task Max_completion_tokens_is_kept_when_configured_as_openai_wants_it()
    {
        var scenario = server.Scenario(_ => FakeReply.OpenAI(Answer));
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => o.TokenLimitField = TokenLimitField.MaxCompletionTokens));

        await bed.Extractor.ExtractAsync(Message, Ct);

        var body = Assert.Single(scenario.Requests).Body.AsObject();
        Assert.Equal(800, (int?)body["max_completion_tokens"]);
        Assert.False(body.ContainsKey("max_tokens"));
    }

    [Fact]
    public void OpenAI_itself_defaults_to_max_completion_tokens_and_other_servers_to_max_tokens()
    {
        Assert.Equal(TokenLimitField.MaxCompletionTokens, new ExtractionOptions().EffectiveTokenLimitField);
        Assert.Equal(TokenLimitField.MaxTokens, new ExtractionOptions { Endpoint = new Uri("http://localhost:11434/v1") }.EffectiveTokenLimitField);
    }

    [Theory]
    [InlineData("o3-mini")]
    [InlineData("gpt-5-mini")]
    public async Task A_reasoning_model_gets_no_temperature(string model)
    {
        var scenario = server.Scenario(_ => FakeReply.OpenAI(Answer));
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => o.Model = model));

        var order = await bed.Extractor.ExtractAsync(Message, Ct);

        Assert.Equal("llm", order.Extractor);
        Assert.False(Assert.Single(scenario.Requests).Body.AsObject().ContainsKey("temperature"));
    }

    [Fact]
    public async Task The_models_that_refuse_temperature_are_configurable()
    {
        var scenario = server.Scenario(_ => FakeReply.OpenAI(Answer));
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => (o.Model, o.NoTemperatureModels) = ("my-reasoner", "my-")));

        await bed.Extractor.ExtractAsync(Message, Ct);

        Assert.False(Assert.Single(scenario.Requests).Body.AsObject().ContainsKey("temperature"));
    }

    [Fact]
    public async Task A_429_waits_the_retry_after_ms_header_before_retrying()
    {
        var time = new TimerWatchingTimeProvider();
        var scenario = server.Scenario(
            n => n == 1 ? FakeReply.Error(429, new Dictionary<string, string> { ["retry-after-ms"] = "1500", ["Retry-After"] = "9" }) : FakeReply.OpenAI(Answer),
            time);
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => o.Timeout = TimeSpan.FromMinutes(1)), time);
        var waitingForRetryAfter = time.TimerStarted(TimeSpan.FromMilliseconds(1500));

        var extraction = bed.Extractor.ExtractAsync(Message, Ct);
        await waitingForRetryAfter.WaitAsync(Guard, Ct);
        time.Advance(TimeSpan.FromMilliseconds(1499));
        Assert.Single(scenario.Requests);

        time.Advance(TimeSpan.FromMilliseconds(1));
        var order = await extraction.WaitAsync(Guard, Ct);

        Assert.Equal("llm", order.Extractor);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), scenario.Requests[1].At - scenario.Requests[0].At);
    }
}
