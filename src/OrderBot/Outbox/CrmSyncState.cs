namespace OrderBot.Outbox;

public enum CrmSync
{
    /// <summary>No event of the order was recorded (placed before the outbox existed).</summary>
    Unknown,

    /// <summary>Recorded while no CRM adapter was configured (<c>Crm:Adapter=none</c>).</summary>
    NotConfigured,

    Pending,
    Synced,

    /// <summary>An event is dead-lettered; later changes of the order wait behind it until it is replayed.</summary>
    Failed,
}

/// <summary>How far an order's changes have reached a destination.</summary>
/// <param name="SyncedVersion">The newest order version delivered, if any.</param>
/// <param name="Reason">Why it failed, or the last error of a pending event being retried.</param>
public sealed record CrmSyncState(CrmSync State, int? SyncedVersion, string? Reason, DateTime? LastSyncedAt)
{
    public static readonly CrmSyncState Unknown = new(CrmSync.Unknown, null, null, null);

    /// <summary>Sums up one order's events for one destination.</summary>
    public static CrmSyncState From(IReadOnlyCollection<OutboxEvent> events)
    {
        if (events.Count == 0)
        {
            return Unknown;
        }

        var delivered = events.Where(e => e.State == OutboxState.Delivered).MaxBy(e => e.OrderVersion);
        var dead = events.Where(e => e.State == OutboxState.Dead).MinBy(e => e.OrderVersion);
        var pending = events.Where(e => e.State == OutboxState.Pending).MinBy(e => e.OrderVersion);
        var state = dead is not null ? CrmSync.Failed
            : pending is not null ? CrmSync.Pending
            : events.MaxBy(e => e.OrderVersion)!.State == OutboxState.Skipped ? CrmSync.NotConfigured
            : CrmSync.Synced;
        return new CrmSyncState(state, delivered?.OrderVersion, dead?.LastError ?? pending?.LastError, delivered?.DeliveredAt);
    }

    /// <summary>
    /// Sums up one order's states with several destinations: the furthest behind (failed, then pending, unknown, not
    /// configured, synced) with its destination's name before the reason, and the oldest version all have.
    /// </summary>
    public static CrmSyncState Combine(IReadOnlyDictionary<string, CrmSyncState> states)
    {
        if (states.Count == 1)
        {
            return states.Values.Single();
        }

        if (states.Count == 0)
        {
            return Unknown;
        }

        CrmSync[] behind = [CrmSync.Failed, CrmSync.Pending, CrmSync.Unknown, CrmSync.NotConfigured, CrmSync.Synced];
        var (name, worst) = states.MinBy(s => Array.IndexOf(behind, s.Value.State));
        var versions = states.Values.Select(s => s.SyncedVersion).ToList();
        return worst with
        {
            SyncedVersion = versions.Contains(null) ? null : versions.Min(),
            Reason = worst.Reason is null ? null : $"{name}: {worst.Reason}",
            LastSyncedAt = states.Values.Min(s => s.LastSyncedAt),
        };
    }
}
