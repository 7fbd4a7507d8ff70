using System.ClientModel;
using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace OrderBot.Extraction.Llm;

/// <summary>
/// Reads an order with a language model and trusts none of it: the answer is parsed strictly and mapped to the
/// menu by <see cref="LlmAnswerValidator"/>. Whenever the model cannot give a believable answer in time (timeout,
/// rate limit or server error after retries, open circuit, invalid JSON) the parser's reading is returned,
/// with <see cref="ExtractedOrder.FallbackReason"/> saying why.
/// </summary>
internal sealed class LlmOrderExtractor : IOrderExtractor
{
    private readonly IChatClient _chat;
    private readonly MenuParser _parser;
    private readonly LlmAnswerValidator _validator;
    private readonly ExtractionOptions _options;
    private readonly ExtractionMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _systemPrompt;
    private readonly ChatOptions _chatOptions;

    public LlmOrderExtractor(
        IChatClient chat,
        MenuParser parser,
        IOptions<ExtractionOptions> options,
        ExtractionMetrics metrics,
        TimeProvider time,
        ILogger<LlmOrderExtractor> logger)
    {
        _chat = chat;
        _parser = parser;
        _validator = new LlmAnswerValidator(parser);
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _systemPrompt = LlmPrompt.System(parser.Menu);
        _chatOptions = new ChatOptions
        {
            ModelId = _options.Model,
            // Reasoning models answer 400 to any temperature but their default, so none is sent to them.
            Temperature = _options.AcceptsTemperature ? 0 : null,
            MaxOutputTokens = _options.MaxTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(LlmAnswerSchema.Schema, LlmAnswerSchema.Name, "The customer's order."),
            // OpenAI then enforces the schema while decoding; servers without strict mode ignore the flag.
            AdditionalProperties = new AdditionalPropertiesDictionary { ["strict"] = true },
        };
    }

    public async Task<ExtractedOrder> ExtractAsync(string message, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return _parser.Parse(message);
        }

        var started = _time.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ChatResponse response;
        try
        {
            response = await _chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, _systemPrompt + LlmPrompt.CustomerLanguage(_parser.Menu, message)), new ChatMessage(ChatRole.User, LlmPrompt.User(message))],
                _chatOptions,
                linked.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the provider throws, the customer still gets an answer: the parser's.
            return FallBack(message, Classify(e, timeout.IsCancellationRequested), e.GetType().Name, started, null);
        }

        var usage = response.Usage;
        if (response.FinishReason == ChatFinishReason.Length)
        {
            return FallBack(message, FallbackReasons.TruncatedOutput, "finish_reason=length", started, usage);
        }

        if (response.FinishReason == ChatFinishReason.ContentFilter || string.IsNullOrWhiteSpace(response.Text))
        {
            return FallBack(message, FallbackReasons.Refused, "no content", started, usage);
        }

        if (!LlmAnswerSchema.TryRead(response.Text, out var answer) || _validator.Validate(answer, message) is not { } order)
        {
            return FallBack(message, FallbackReasons.InvalidOutput, "answer does not match the schema", started, usage);
        }

        var elapsed = _time.GetElapsedTime(started);
        _metrics.Answered(elapsed, usage?.InputTokenCount, usage?.OutputTokenCount);
        ExtractionLog.Answered(_logger, _options.Model!, (long)elapsed.TotalMilliseconds, usage?.InputTokenCount, usage?.OutputTokenCount, order.Items.Count, order.Unrecognized.Count);
        return order;
    }

    private ExtractedOrder FallBack(string message, string reason, string error, long started, UsageDetails? usage)
    {
        var elapsed = _time.GetElapsedTime(started);
        _metrics.FellBack(reason, elapsed, usage?.InputTokenCount, usage?.OutputTokenCount);
        ExtractionLog.FellBack(_logger, _options.Model!, (long)elapsed.TotalMilliseconds, reason, error);
        return _parser.Parse(message) with { Extractor = Extractors.Parser, FallbackReason = reason };
    }

    /// <summary>Why a call failed, for the result and the fallback metric.</summary>
    internal static string Classify(Exception exception, bool timedOut)
    {
        if (timedOut)
        {
            return FallbackReasons.Timeout;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BrokenCircuitException:
                    return FallbackReasons.CircuitOpen;
                case ClientResultException { Status: 429 }:
                case HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests }:
                    return FallbackReasons.RateLimited;
                case ClientResultException { Status: >= 500 }:
                case HttpRequestException { StatusCode: >= HttpStatusCode.InternalServerError }:
                    return FallbackReasons.ServerError;
                case ClientResultException { Status: >= 400 }:
                case HttpRequestException { StatusCode: >= HttpStatusCode.BadRequest }:
                    return FallbackReasons.ClientError;
                case HttpRequestException or System.Net.Sockets.SocketException:
                    return FallbackReasons.Unreachable;
                case TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException:
                    return FallbackReasons.Timeout;
            }
        }

        // An envelope the SDK could not read (not the answer's content, which is checked by us) is bad output too.
        return exception is System.Text.Json.JsonException or FormatException ? FallbackReasons.InvalidOutput : FallbackReasons.Error;
    }
}
