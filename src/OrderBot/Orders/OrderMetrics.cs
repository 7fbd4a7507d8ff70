using System.Diagnostics.Metrics;
using OrderBot.Diagnostics;

namespace OrderBot.Orders;

/// <summary>Counters of the order life cycle, on the <c>OrderBot.Orders</c> meter.</summary>
public sealed class OrderMetrics
{
    private readonly Counter<long> _created;
    private readonly Counter<long> _statusChanges;
    private readonly Counter<long> _rejected;

    public OrderMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(OrderBotTelemetry.OrdersMeter);
        _created = meter.CreateCounter<long>("orderbot.orders.created", "{order}", "Orders placed.");
        _statusChanges = meter.CreateCounter<long>("orderbot.orders.status_changes", "{change}", "Status changes committed, by new status.");
        _rejected = meter.CreateCounter<long>("orderbot.orders.status_changes_rejected", "{change}", "Status changes refused, by outcome.");
    }

    public void Created(string actor) => _created.Add(1, new KeyValuePair<string, object?>("actor", ChannelOf(actor)));

    public void StatusChanged(OrderStatus to) => _statusChanges.Add(1, new KeyValuePair<string, object?>("status", to.ToWireName()));

    public void Rejected(StatusChangeOutcome outcome) => _rejected.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    // "api:dashboard" and "api:pos" are one channel; keeping the tag small keeps the series count small.
    private static string ChannelOf(string actor) => actor.Split(':')[0];
}
