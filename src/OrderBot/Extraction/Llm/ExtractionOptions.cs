using System.ComponentModel.DataAnnotations;

namespace OrderBot.Extraction.Llm;

/// <summary>
/// The <c>Extraction</c> section. A class rather than a record so that <see cref="ApiKey"/> never shows up in a
/// generated <c>ToString()</c>; docs/llm.md lists every key with its default.
/// </summary>
public sealed class ExtractionOptions : IValidatableObject
{
    public const string Section = "Extraction";

    /// <summary>parser (default), llm or hybrid.</summary>
    public ExtractionMode Mode { get; set; } = ExtractionMode.Parser;

    /// <summary>openai (default; any OpenAI-compatible server) or ollama.</summary>
    public LlmProvider Provider { get; set; } = LlmProvider.OpenAI;

    /// <summary>Base URL of the server; null means api.openai.com for openai and http://localhost:11434 for ollama.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model name; no model means no chat client is registered and the parser is used.</summary>
    public string? Model { get; set; }

    /// <summary>Bearer key; from configuration or the environment (Extraction__ApiKey), never from appsettings.json.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The whole budget for one message, retries and Retry-After waits included; past it the parser answers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Upper bound on the answer's tokens; an order fits in a few hundred.</summary>
    [Range(32, 16384)]
    public int MaxTokens { get; set; } = 800;

    /// <summary>
    /// The request field that carries <see cref="MaxTokens"/> on OpenAI-compatible servers. <c>auto</c> (default):
    /// <c>max_completion_tokens</c> for api.openai.com and Azure OpenAI, <c>max_tokens</c> for every other server (Ollama's /v1,
    /// vLLM, llama.cpp, LM Studio), which read that field and may ignore the other.
    /// </summary>
    public TokenLimitField TokenLimitField { get; set; } = TokenLimitField.Auto;

    /// <summary>
    /// Comma-separated model name prefixes that refuse a temperature other than the default (reasoning models); no
    /// <c>temperature</c> is sent to them. Default <c>o1,o3,o4,gpt-5</c>; empty sends temperature 0 to every model.
    /// </summary>
    public string NoTemperatureModels { get; set; } = "o1,o3,o4,gpt-5";

    /// <summary>Retries after a 429, 5xx or network failure (0 turns retrying off).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff delay (exponential with jitter) when the server sends no Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Failed calls in a row that open the circuit; while open, messages go to the parser without a call.</summary>
    [Range(2, 1000)]
    public int CircuitBreakerFailures { get; set; } = 5;

    /// <summary>How long the circuit stays open before one trial call is let through.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The field name <see cref="TokenLimitField"/> stands for with this endpoint.</summary>
    public TokenLimitField EffectiveTokenLimitField => TokenLimitField != TokenLimitField.Auto
        ? TokenLimitField
        : Endpoint is null || Endpoint.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase)
            || Endpoint.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase)
            ? TokenLimitField.MaxCompletionTokens
            : TokenLimitField.MaxTokens;

    /// <summary>Whether the model accepts <c>temperature: 0</c> (see <see cref="NoTemperatureModels"/>).</summary>
    public bool AcceptsTemperature => Model is null || !NoTemperatureModels
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Any(prefix => Model.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode != ExtractionMode.Parser && string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult(
                $"Extraction:Mode is {Mode.ToString().ToLowerInvariant()} but Extraction:Model is not set; set a model or use Mode=parser.",
                [nameof(Model)]);
        }

        if (Endpoint is { IsAbsoluteUri: false } || Endpoint is { Scheme: not ("http" or "https") })
        {
            yield return new ValidationResult("Extraction:Endpoint must be an absolute http(s) URL.", [nameof(Endpoint)]);
        }
    }
}
