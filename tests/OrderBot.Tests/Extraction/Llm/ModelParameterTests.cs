using OrderBot.Extraction.Llm;
using Xunit;

namespace OrderBot.Tests.Extraction.Llm;

/// <summary>
/// What goes on the wire for the servers' differing parameter rules, asserted on the request body the loopback
/// fake received (platforms-2026.md, section 7: token limit and temperature; issue 16, point 7). retry-after-ms is in
/// <see cref="LlmResilienceTests"/>.
/// </summary>
[Collection(FakeLlmServerGroup.Name)]
public sealed class ModelParameterTests(FakeLlmServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_compatible_server_gets_max_tokens_by_default_which_ollama_v1_and_llama_cpp_read()
    {
        var scenario = server.Scenario(_ => FakeReply.OpenAI(LlmTestBed.PizzaAnswer));
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => o.MaxTokens = 640));

        await bed.Extractor.ExtractAsync(LlmTestBed.PizzaMessage, Ct);

        var body = Assert.Single(scenario.Requests).Body.AsObject();
        Assert.Equal(640, (int?)body["max_tokens"]);
        Assert.False(body.ContainsKey("max_completion_tokens"));
    }

    [Fact]
    public async Task Max_completion_tokens_is_kept_when_configured_as_openai_wants_it()
    {
        var scenario = server.Scenario(_ => FakeReply.OpenAI(LlmTestBed.PizzaAnswer));
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => o.TokenLimitField = TokenLimitField.MaxCompletionTokens));

        await bed.Extractor.ExtractAsync(LlmTestBed.PizzaMessage, Ct);

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
        var scenario = server.Scenario(_ => FakeReply.OpenAI(LlmTestBed.PizzaAnswer));
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => o.Model = model));

        var order = await bed.Extractor.ExtractAsync(LlmTestBed.PizzaMessage, Ct);

        Assert.Equal("llm", order.Extractor);
        Assert.False(Assert.Single(scenario.Requests).Body.AsObject().ContainsKey("temperature"));
    }

    [Fact]
    public async Task The_models_that_refuse_temperature_are_configurable()
    {
        var scenario = server.Scenario(_ => FakeReply.OpenAI(LlmTestBed.PizzaAnswer));
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario, o => (o.Model, o.NoTemperatureModels) = ("my-reasoner", "my-")));

        await bed.Extractor.ExtractAsync(LlmTestBed.PizzaMessage, Ct);

        Assert.False(Assert.Single(scenario.Requests).Body.AsObject().ContainsKey("temperature"));
    }
}
