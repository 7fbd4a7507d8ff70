using System.Diagnostics.Metrics;

namespace OrderBot.Extraction.Llm;

/// <summary>The <c>OrderBot.Extraction</c> meter: what the model costs, how fast it answers, how often the parser stands in.</summary>
internal sealed class ExtractionMetrics
{
    public const string MeterName = "OrderBot.Extraction";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _inputTokens;
    private readonly Counter<long> _outputTokens;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _callsSaved;

    public ExtractionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("orderbot.extraction.llm.requests", "{request}", "Messages sent to the model, tagged by outcome (answered, fallback).");
        _inputTokens = meter.CreateCounter<long>("orderbot.extraction.llm.tokens.input", "{token}", "Prompt tokens the server reported.");
        _outputTokens = meter.CreateCounter<long>("orderbot.extraction.llm.tokens.output", "{token}", "Completion tokens the server reported.");
        _duration = meter.CreateHistogram<double>("orderbot.extraction.llm.duration", "s", "Time from request to validated answer or fallback, retries included.");
        _fallbacks = meter.CreateCounter<long>("orderbot.extraction.fallbacks", "{message}", "Messages the parser answered in place of the model, tagged by reason.");
        _callsSaved = meter.CreateCounter<long>("orderbot.extraction.hybrid.calls_saved", "{call}", "Messages the parser read fully in hybrid mode, so no model call was made.");
    }

    public void Answered(TimeSpan duration, long? inputTokens, long? outputTokens)
    {
        _requests.Add(1, new KeyValuePair<string, object?>("outcome", "answered"));
        _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", "answered"));
        Tokens(inputTokens, outputTokens);
    }

    public void FellBack(string reason, TimeSpan duration, long? inputTokens, long? outputTokens)
    {
        _requests.Add(1, new KeyValuePair<string, object?>("outcome", "fallback"));
        _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", "fallback"));
        _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));
        Tokens(inputTokens, outputTokens);
    }

    public void CallSaved() => _callsSaved.Add(1);

    private void Tokens(long? input, long? output)
    {
        if (input is > 0)
        {
            _inputTokens.Add(input.Value);
        }

        if (output is > 0)
        {
            _outputTokens.Add(output.Value);
        }
    }
}
