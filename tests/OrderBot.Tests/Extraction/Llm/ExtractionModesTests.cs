using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderBot.Extraction;
using OrderBot.Extraction.Llm;
using Xunit;

namespace OrderBot.Tests.Extraction.Llm;

[Collection(FakeLlmServerGroup.Name)]
public sealed class ExtractionModesTests(FakeLlmServer server)
{
    private const string Answer = """{"items":[{"name":"Pizza","quantity":1,"price":null,"size":null,"options":["ham"]}],"special_instructions":null}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hybrid_mode_does_not_call_the_model_when_the_parser_reads_everything_and_counts_the_call_saved()
    {
        var scenario = server.Scenario(_ => FakeReply.OpenAI(Answer));
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario));

        var order = await bed.Composite(ExtractionMode.Hybrid).ExtractAsync("two large pizzas with ham", Ct);

        Assert.Empty(scenario.Requests);
        Assert.Equal("parser", order.Extractor);
        Assert.Null(order.FallbackReason);
        Assert.Equal(1, bed.CallsSaved.LastMeasurement?.Value);
    }

    [Fact]
    public async Task Hybrid_mode_asks_the_model_when_the_parser_leaves_text_unrecognized()
    {
        var scenario = server.Scenario(_ => FakeReply.OpenAI(Answer));
        using var bed = new LlmTestBed(LlmTestBed.OpenAI(scenario));
        const string message = "gimme one of those pizzas, the one with ham, cheers mate, kthxbye";
        Assert.NotEmpty(LlmTestBed.Parser.Parse(message).Unrecognized);

        var order = await bed.Composite(ExtractionMode.Hybrid).ExtractAsync(message, Ct);

        Assert.Single(scenario.Requests);
        Assert.Equal("llm", order.Extractor);
        Assert.Null(bed.CallsSaved.LastMeasurement);
    }

    [Fact]
    public async Task The_ollama_provider_speaks_api_chat_with_the_schema_as_format_at_temperature_zero()
    {
        var scenario = server.Scenario(_ => FakeReply.Ollama(Answer));
        var options = LlmTestBed.OpenAI(scenario, o => (o.Provider, o.Endpoint, o.ApiKey) = (LlmProvider.Ollama, scenario.OllamaEndpoint, null));
        using var bed = new LlmTestBed(options);

        var order = await bed.Extractor.ExtractAsync("a pizza with ham", Ct);

        var request = Assert.Single(scenario.Requests);
        Assert.EndsWith("/api/chat", request.Path, StringComparison.Ordinal);
        Assert.Equal("test-model", (string?)request.Body["model"]);
        Assert.Equal(0d, (double?)request.Body["options"]!["temperature"]);
        Assert.Equal("object", (string?)request.Body["format"]!["type"]);
        Assert.Equal("<customer_message>\na pizza with ham\n</customer_message>", request.UserMessage);
        Assert.Equal("llm", order.Extractor);
        Assert.Equal(LlmTestBed.Price("pizza", null, ("ham", null)), Assert.Single(order.Items).Price);
    }

    [Fact]
    public async Task Without_settings_the_registered_extractor_is_the_parser_and_no_chat_client_exists()
    {
        await using var services = Services([]);

        Assert.IsType<MenuParser>(services.GetRequiredService<IOrderExtractor>());
        Assert.Null(services.GetKeyedService<Microsoft.Extensions.AI.IChatClient>(ExtractionServiceCollectionExtensions.ChatClientKey));
    }

    [Fact]
    public async Task Llm_mode_from_configuration_reaches_the_configured_endpoint()
    {
        var scenario = server.Scenario(_ => FakeReply.OpenAI(Answer));
        await using var services = Services(new()
        {
            ["Extraction:Mode"] = "llm",
            ["Extraction:Endpoint"] = scenario.OpenAIEndpoint.ToString(),
            ["Extraction:Model"] = "configured-model",
            ["Extraction:ApiKey"] = "configured-key",
            ["Extraction:Timeout"] = "00:00:20",
        });

        var order = await services.GetRequiredService<IOrderExtractor>().ExtractAsync("a pizza with ham", Ct);

        Assert.Equal("llm", order.Extractor);
        var request = Assert.Single(scenario.Requests);
        Assert.Equal(("configured-model", "Bearer configured-key"), ((string?)request.Body["model"], request.Authorization));
    }

    [Fact]
    public async Task Llm_mode_without_a_model_fails_validation_with_a_clear_message()
    {
        await using var services = Services(new() { ["Extraction:Mode"] = "hybrid" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ExtractionOptions>>().Value);
        Assert.Contains("Extraction:Model is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_outside_its_range_fails_validation()
    {
        await using var services = Services(new() { ["Extraction:Timeout"] = "00:30:00" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ExtractionOptions>>().Value);
        Assert.Contains("Timeout", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(LlmTestBed.Pizzeria)
            .AddOrderBotExtraction(configuration)
            .BuildServiceProvider();
    }
}
