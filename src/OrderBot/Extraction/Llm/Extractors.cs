namespace OrderBot.Extraction.Llm;

/// <summary>The values of <see cref="ExtractedOrder.Extractor"/> and <see cref="ExtractedOrder.FallbackReason"/>.</summary>
internal static class Extractors
{
    public const string Parser = "parser";
    public const string Llm = "llm";
}

/// <summary>Why the parser answered in place of the model; also the <c>reason</c> tag of the fallback metric.</summary>
internal static class FallbackReasons
{
    public const string Timeout = "timeout";
    public const string RateLimited = "rate_limited";
    public const string ServerError = "server_error";
    public const string ClientError = "client_error";
    public const string Unreachable = "unreachable";
    public const string CircuitOpen = "circuit_open";
    public const string InvalidOutput = "invalid_output";
    public const string TruncatedOutput = "truncated_output";
    public const string Refused = "refused";
    public const string Error = "error";
}
