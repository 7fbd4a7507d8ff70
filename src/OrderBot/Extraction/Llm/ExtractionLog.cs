using Microsoft.Extensions.Logging;

namespace OrderBot.Extraction.Llm;

/// <summary>Extraction log lines. Message text and keys never appear here: only sizes, counts and reasons.</summary>
internal static partial class ExtractionLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Model {Model} answered in {ElapsedMs} ms: {InputTokens} tokens in, {OutputTokens} out, {Items} items, {Unrecognized} unrecognized")]
    public static partial void Answered(ILogger logger, string model, long elapsedMs, long? inputTokens, long? outputTokens, int items, int unrecognized);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning,
        Message = "Model {Model} not used after {ElapsedMs} ms ({Reason}, {Error}); the parser answered")]
    // The exception's type, not the exception: provider error texts can echo part of the key or the message.
    public static partial void FellBack(ILogger logger, string model, long elapsedMs, string reason, string error);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Parser read the message fully; no model call in hybrid mode")]
    public static partial void CallSaved(ILogger logger);
}
