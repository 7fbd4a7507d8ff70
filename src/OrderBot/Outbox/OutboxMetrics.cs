using System.Diagnostics.Metrics;

namespace OrderBot.Outbox;

/// <summary>The <c>OrderBot.Crm</c> meter: deliveries, failures and dead letters as they happen; the backlog as of the last sweep.</summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "OrderBot.Crm";

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _deadLetters;
    private readonly TimeProvider _time;
    private volatile IReadOnlyList<(string Destination, int Count, DateTime Oldest)> _pending = [];

    public OutboxMetrics(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        var meter = meters.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("orderbot.outbox.deliveries", "{event}", "Events delivered.");
        _failures = meter.CreateCounter<long>("orderbot.outbox.failures", "{attempt}", "Delivery attempts that failed.");
        _deadLetters = meter.CreateCounter<long>("orderbot.outbox.dead_letters", "{event}", "Events given up on.");
        meter.CreateObservableGauge("orderbot.outbox.pending", () =>
            _pending.Select(p => new Measurement<int>(p.Count, Tag(p.Destination))), "{event}", "Events waiting for delivery.");
        meter.CreateObservableGauge("orderbot.outbox.oldest_pending_age", () =>
            _pending.Select(p => new Measurement<double>(Math.Max(0, (_time.GetUtcNow().UtcDateTime - p.Oldest).TotalSeconds), Tag(p.Destination))),
            "s", "Age of the oldest event waiting for delivery.");
    }

    public void Delivered(string destination) => _deliveries.Add(1, Tag(destination));

    public void Failed(string destination, bool permanent) =>
        _failures.Add(1, Tag(destination), new KeyValuePair<string, object?>("permanent", permanent));

    public void DeadLettered(string destination) => _deadLetters.Add(1, Tag(destination));

    public void Backlog(IReadOnlyList<(string Destination, int Count, DateTime Oldest)> pending) => _pending = pending;

    private static KeyValuePair<string, object?> Tag(string destination) => new("destination", destination);
}
