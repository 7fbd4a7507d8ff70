using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderBot.Extraction;
using OrderBot.Extraction.Llm;
using OrderBot.Menus;

namespace OrderBot.Tests.Extraction.Llm;

/// <summary>An LLM extractor for the pizzeria menu talking to one scenario of the fake server, with its metrics collected.</summary>
internal sealed class LlmTestBed : IDisposable
{
    /// <summary>A message the parser and the model both read as two large ham pizzas, and the model's answer to it.</summary>
    public const string PizzaMessage = "two large pizzas with ham";
    public const string PizzaAnswer = """{"items":[{"name":"Pizza","quantity":2,"price":null,"size":"large","options":["ham"]}],"special_instructions":null}""";

    public static readonly Menu Pizzeria = MenuLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "menus", "pizzeria.json"));
    public static readonly MenuParser Parser = new(Pizzeria);

    private readonly ServiceProvider _services;

    public LlmTestBed(ExtractionOptions options, TimeProvider? time = null)
    {
        Options = options;
        Time = time ?? TimeProvider.System;
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        Metrics = new ExtractionMetrics(meters);
        Fallbacks = new MetricCollector<long>(meters, ExtractionMetrics.MeterName, "orderbot.extraction.fallbacks");
        InputTokens = new MetricCollector<long>(meters, ExtractionMetrics.MeterName, "orderbot.extraction.llm.tokens.input");
        CallsSaved = new MetricCollector<long>(meters, ExtractionMetrics.MeterName, "orderbot.extraction.hybrid.calls_saved");
        Extractor = new LlmOrderExtractor(
            LlmChatClientFactory.Create(options, Time),
            Parser,
            Microsoft.Extensions.Options.Options.Create(options),
            Metrics,
            Time,
            NullLogger<LlmOrderExtractor>.Instance);
    }

    public ExtractionOptions Options { get; }
    public TimeProvider Time { get; }
    public ExtractionMetrics Metrics { get; }
    public LlmOrderExtractor Extractor { get; }
    public MetricCollector<long> Fallbacks { get; }
    public MetricCollector<long> InputTokens { get; }
    public MetricCollector<long> CallsSaved { get; }

    public static ExtractionOptions OpenAI(FakeLlmScenario scenario, Action<ExtractionOptions>? configure = null)
    {
        var options = new ExtractionOptions
        {
            Mode = ExtractionMode.Llm,
            Endpoint = scenario.OpenAIEndpoint,
            Model = "test-model",
            ApiKey = "test-key",
            Timeout = TimeSpan.FromSeconds(30),
            RetryDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return options;
    }

    public CompositeOrderExtractor Composite(ExtractionMode mode) =>
        new(mode, Parser, Extractor, Metrics, NullLogger<CompositeOrderExtractor>.Instance);

    public static decimal Price(string itemId, string? size = null, params (string Id, string? Qualifier)[] options)
    {
        var item = Pizzeria.FindItem(itemId)!;
        return Pizzeria.UnitPrice(
            item,
            size is null ? null : Pizzeria.FindSize(item, size),
            options.Select(o => new PricedOption(Pizzeria.FindOption(item, o.Id)!, o.Qualifier is null ? null : Pizzeria.FindQualifier(o.Qualifier), false)));
    }

    public void Dispose()
    {
        Fallbacks.Dispose();
        InputTokens.Dispose();
        CallsSaved.Dispose();
        _services.Dispose();
    }
}
