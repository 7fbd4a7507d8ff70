using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;
using OllamaSharp;
using OpenAI;
using Polly;

namespace OrderBot.Extraction.Llm;

/// <summary>
/// Builds the <see cref="IChatClient"/> for the configured provider over one HttpClient whose handler retries
/// 429/5xx (honouring Retry-After) and opens a circuit after repeated failures. The SDKs' own retries are turned
/// off so there is exactly one retry policy, and it runs on the injected <see cref="TimeProvider"/>.
/// </summary>
internal static class LlmChatClientFactory
{
    public static readonly Uri OpenAIEndpoint = new("https://api.openai.com/v1");
    public static readonly Uri OllamaEndpoint = new("http://localhost:11434");
    private static readonly TimeSpan MaxServerDelay = TimeSpan.FromMinutes(2);

    /// <summary>Read when <see cref="ExtractionOptions.ApiKey"/> is not set, as the OpenAI tools do.</summary>
    public const string ApiKeyVariable = "OPENAI_API_KEY";

    public static IChatClient Create(ExtractionOptions options, TimeProvider time, HttpMessageHandler? innerHandler = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Model);
        HttpMessageHandler handler = new ResilienceHandler(Pipeline(options, time)) {
            // A long-lived client: recycle connections so a changed DNS entry (a moved endpoint) is picked up.
            InnerHandler = innerHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        if (options.Provider == LlmProvider.OpenAI && options.EffectiveTokenLimitField == TokenLimitField.MaxTokens)
        {
            handler = new TokenLimitFieldHandler { InnerHandler = handler };
        }

        // The extractor's own timeout (on the TimeProvider) bounds the call; HttpClient's clock would not move in tests.
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        return options.Provider switch
        {
            LlmProvider.Ollama => Ollama(options, http),
            _ => OpenAI(options, http),
        };
    }

    internal static ResiliencePipeline<HttpResponseMessage> Pipeline(ExtractionOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome.Result, time)),
            });
        }

        // Inside the retry so every attempt counts; while open, calls fail at once and the parser answers.
        return builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 1.0,
            MinimumThroughput = options.CircuitBreakerFailures,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = options.CircuitBreakDuration,
        }).Build();
    }

    /// <summary>
    /// The wait the server asked for: <c>retry-after-ms</c> (Azure OpenAI, milliseconds) first, then <c>Retry-After</c>
    /// (seconds or a date), as openai-python reads them. Like it, a wait over two minutes is not honoured (null: the
    /// exponential backoff applies, and the extractor's own timeout still bounds the whole call).
    /// </summary>
    internal static TimeSpan? ServerDelay(HttpResponseMessage? response, TimeProvider time)
    {
        if (response is null)
        {
            return null;
        }

        TimeSpan? delay = null;
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms))
        {
            delay = TimeSpan.FromMilliseconds(ms);
        }
        else if (response.Headers.RetryAfter is { } retryAfter)
        {
            delay = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : null);
        }

        return delay > TimeSpan.Zero && delay <= MaxServerDelay ? delay : null;
    }

    private static IChatClient OpenAI(ExtractionOptions options, HttpClient http)
    {
        var key = options.ApiKey ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
        var client = new OpenAIClient(
            // Local OpenAI-compatible servers need no key, but the SDK insists on one; they ignore it.
            new ApiKeyCredential(string.IsNullOrWhiteSpace(key) ? "no-key" : key),
            new OpenAIClientOptions
            {
                Endpoint = options.Endpoint ?? OpenAIEndpoint,
                Transport = new HttpClientPipelineTransport(http),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = Timeout.InfiniteTimeSpan,
            });
        return client.GetChatClient(options.Model).AsIChatClient();
    }

    private static OllamaApiClient Ollama(ExtractionOptions options, HttpClient http)
    {
        http.BaseAddress = options.Endpoint ?? OllamaEndpoint;
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            // Ollama itself has no keys; a proxy in front of it may.
            http.DefaultRequestHeaders.Authorization = new("Bearer", options.ApiKey);
        }

        return new OllamaApiClient(http, options.Model!);
    }
}
