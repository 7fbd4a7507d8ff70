using System.CommandLine;
using Microsoft.Extensions.Options;
using OrderBot.Extraction;
using OrderBot.Extraction.Llm;
using OrderBot.Menus;

namespace OrderBot.Server.Cli;

/// <summary>
/// <c>--extractor parser|llm|hybrid --provider --endpoint --model --api-key</c>, shared by the extract and eval
/// verbs. The values go through the same <c>Extraction</c> configuration and validation as the server, with
/// environment variables (Extraction__ApiKey, OPENAI_API_KEY) underneath, so a key need not be typed.
/// </summary>
public sealed class ExtractorArguments
{
    private readonly Option<ExtractionMode?> _extractor = new("--extractor") { Description = "parser (default), llm or hybrid." };
    private readonly Option<LlmProvider?> _provider = new("--provider") { Description = "openai (default; any OpenAI-compatible server) or ollama." };
    private readonly Option<string?> _endpoint = new("--endpoint") { Description = "Base URL, e.g. http://localhost:11434/v1 or https://api.openai.com/v1." };
    private readonly Option<string?> _model = new("--model") { Description = "Model name, e.g. gpt-4o-mini or llama3.2." };
    private readonly Option<string?> _apiKey = new("--api-key") { Description = "API key (default: Extraction__ApiKey or OPENAI_API_KEY from the environment)." };
    private readonly Option<TimeSpan?> _timeout = new("--timeout") { Description = "Budget per message, e.g. 00:00:30 (default 00:00:15)." };

    public void AddTo(Command command)
    {
        command.Options.Add(_extractor);
        command.Options.Add(_provider);
        command.Options.Add(_endpoint);
        command.Options.Add(_model);
        command.Options.Add(_apiKey);
        command.Options.Add(_timeout);
    }

    /// <summary>The extractor the arguments ask for, or null after writing why the settings cannot be used.</summary>
    public ExtractorHost? Build(ParseResult result, Menu menu, TextWriter error)
    {
        var overrides = new Dictionary<string, string?>();
        void Set(string key, object? value)
        {
            if (value is not null)
            {
                overrides[$"{ExtractionOptions.Section}:{key}"] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Set(nameof(ExtractionOptions.Mode), result.GetValue(_extractor));
        Set(nameof(ExtractionOptions.Provider), result.GetValue(_provider));
        Set(nameof(ExtractionOptions.Endpoint), result.GetValue(_endpoint));
        Set(nameof(ExtractionOptions.Model), result.GetValue(_model));
        Set(nameof(ExtractionOptions.ApiKey), result.GetValue(_apiKey));
        Set(nameof(ExtractionOptions.Timeout), result.GetValue(_timeout));

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        var services = new ServiceCollection()
            // Fallback warnings go to stderr, so stdout stays the JSON or the scores.
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddSingleton(menu)
            .AddOrderBotExtraction(configuration)
            .BuildServiceProvider();
        try
        {
            _ = services.GetRequiredService<IOptions<ExtractionOptions>>().Value;
            return new ExtractorHost(services, services.GetRequiredService<IOrderExtractor>());
        }
        catch (OptionsValidationException e)
        {
            error.WriteLine(StartupErrors.Describe(e) ?? e.Message);
            services.Dispose();
            return null;
        }
    }
}

/// <summary>An extractor with the services it lives in; disposing it closes the HTTP connections.</summary>
public sealed class ExtractorHost(ServiceProvider services, IOrderExtractor extractor) : IDisposable
{
    public IOrderExtractor Extractor { get; } = extractor;

    public void Dispose() => services.Dispose();
}
