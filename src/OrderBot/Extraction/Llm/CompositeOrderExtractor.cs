using Microsoft.Extensions.Logging;

namespace OrderBot.Extraction.Llm;

/// <summary>
/// The extractor the configuration asks for. In hybrid mode the parser reads first and the model is asked only
/// when the parser leaves text it could not map or a question to ask; every message it reads fully is a call saved.
/// </summary>
internal sealed class CompositeOrderExtractor(
    ExtractionMode mode, MenuParser parser, LlmOrderExtractor? llm, ExtractionMetrics metrics, ILogger<CompositeOrderExtractor> logger)
    : IOrderExtractor
{
    public ExtractionMode Mode => llm is null ? ExtractionMode.Parser : mode;

    public async Task<ExtractedOrder> ExtractAsync(string message, CancellationToken cancellationToken = default)
    {
        switch (Mode)
        {
            case ExtractionMode.Llm:
                return await llm!.ExtractAsync(message, cancellationToken);
            case ExtractionMode.Hybrid:
                var parsed = parser.Parse(message);
                if (!NeedsModel(parsed))
                {
                    metrics.CallSaved();
                    ExtractionLog.CallSaved(logger);
                    return parsed;
                }

                return await llm!.ExtractAsync(message, cancellationToken);
            default:
                return parser.Parse(message);
        }
    }

    /// <summary>The parser read everything (or there was nothing to read): the model could only agree or invent.</summary>
    public static bool NeedsModel(ExtractedOrder parsed) => parsed.Unrecognized.Count > 0 || parsed.Ambiguities.Count > 0;
}
