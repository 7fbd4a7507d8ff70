using Microsoft.EntityFrameworkCore;
using OrderBot.Storage;

namespace OrderBot.Outbox;

/// <summary>
/// The outbox table as the dispatcher, the CLI and the API use it. Claims are leases taken by a conditional
/// UPDATE, which is atomic on SQLite and PostgreSQL alike: of several instances racing for an event exactly
/// one changes the row, and no transaction is held open while a receiver is called.
/// </summary>
public sealed class OutboxStore(IDbContextFactory<OrderBotDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// Reserves up to <paramref name="limit"/> due events of <paramref name="destination"/> for <paramref name="owner"/>,
    /// at most one per order: the oldest not yet delivered, and only when nothing older of that order is pending or dead.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEvent>> ClaimAsync(
        string destination, int limit, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await Heads(db, destination)
            .Where(e => e.NextAttemptAt <= now && (e.LeaseExpiresAt == null || e.LeaseExpiresAt <= now))
            .OrderBy(e => e.NextAttemptAt)
            .Take(limit)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        // Whole milliseconds: every provider stores them exactly, so the read-back below compares equal.
        var until = new DateTime((now + lease).Ticks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        await db.OutboxEvents
            .Where(e => ids.Contains(e.Id) && e.State == OutboxState.Pending && (e.LeaseExpiresAt == null || e.LeaseExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseOwner, owner).SetProperty(e => e.LeaseExpiresAt, until), cancellationToken);
        return await db.OutboxEvents.AsNoTracking()
            .Where(e => ids.Contains(e.Id) && e.LeaseOwner == owner && e.LeaseExpiresAt == until && e.State == OutboxState.Pending)
            .ToListAsync(cancellationToken);
    }

    /// <summary>When the next event of <paramref name="destination"/> can be claimed, or null when none is waiting.</summary>
    public async Task<DateTime?> NextDueAsync(string destination, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Heads(db, destination)
            .Select(e => (DateTime?)(e.LeaseExpiresAt != null && e.LeaseExpiresAt > e.NextAttemptAt ? e.LeaseExpiresAt.Value : e.NextAttemptAt))
            .MinAsync(cancellationToken);
    }

    public Task<bool> MarkDeliveredAsync(OutboxEvent claimed, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, s => s
            .SetProperty(e => e.State, OutboxState.Delivered)
            .SetProperty(e => e.DeliveredAt, Now())
            .SetProperty(e => e.Attempts, claimed.Attempts + 1)
            .SetProperty(e => e.LastError, (string?)null), cancellationToken);

    public Task<bool> MarkFailedAsync(OutboxEvent claimed, DateTime nextAttemptAt, string error, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, s => s
            .SetProperty(e => e.Attempts, claimed.Attempts + 1)
            .SetProperty(e => e.NextAttemptAt, nextAttemptAt)
            .SetProperty(e => e.LastError, Truncate(error)), cancellationToken);

    public Task<bool> MarkDeadAsync(OutboxEvent claimed, string reason, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, s => s
            .SetProperty(e => e.State, OutboxState.Dead)
            .SetProperty(e => e.Attempts, claimed.Attempts + 1)
            .SetProperty(e => e.LastError, Truncate(reason)), cancellationToken);

    /// <summary>Gives a claimed event back without counting an attempt, e.g. when the circuit opened before it was sent.</summary>
    public Task<bool> ReleaseAsync(OutboxEvent claimed, DateTime nextAttemptAt, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, s => s.SetProperty(e => e.NextAttemptAt, nextAttemptAt), cancellationToken);

    /// <summary>Events newest first, optionally only dead ones.</summary>
    public async Task<IReadOnlyList<OutboxEvent>> ListAsync(bool deadOnly, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.OutboxEvents.AsNoTracking();
        if (deadOnly)
        {
            query = query.Where(e => e.State == OutboxState.Dead);
        }

        return await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.OrderVersion).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxEvent>> ForOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OutboxEvents.AsNoTracking().Where(e => e.OrderId == orderId)
            .OrderBy(e => e.Destination).ThenBy(e => e.OrderVersion).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Sends a dead or skipped event again: pending, due now, attempts from zero. Returns false when there is
    /// no such event or it is neither dead nor skipped.
    /// </summary>
    public async Task<bool> ReplayAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Replay(db.OutboxEvents.Where(e => e.Id == eventId && (e.State == OutboxState.Dead || e.State == OutboxState.Skipped)), cancellationToken) == 1;
    }

    /// <summary>Sends every dead event again; returns how many.</summary>
    public async Task<int> ReplayAllDeadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Replay(db.OutboxEvents.Where(e => e.State == OutboxState.Dead), cancellationToken);
    }

    /// <summary>Each order's sync state with <paramref name="destination"/>; orders without events are <see cref="CrmSyncState.Unknown"/>.</summary>
    public async Task<IReadOnlyDictionary<string, CrmSyncState>> SyncStatesAsync(
        string destination, IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken) =>
        (await SyncStatesAsync([destination], orderIds, cancellationToken)).ToDictionary(o => o.Key, o => o.Value[destination]);

    /// <summary>Each order's sync state with each of <paramref name="destinations"/>, by order id and then destination.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, CrmSyncState>>> SyncStatesAsync(
        IReadOnlyCollection<string> destinations, IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = await db.OutboxEvents.AsNoTracking()
            .Where(e => destinations.Contains(e.Destination) && orderIds.Contains(e.OrderId))
            .ToListAsync(cancellationToken);
        var byOrder = events.ToLookup(e => (e.OrderId, e.Destination));
        return orderIds.Distinct().ToDictionary(id => id, IReadOnlyDictionary<string, CrmSyncState> (id) =>
            destinations.ToDictionary(d => d, d => CrmSyncState.From(byOrder[(id, d)].ToList())));
    }

    /// <summary>Pending events per destination and the creation time of the oldest, for the metrics.</summary>
    public async Task<IReadOnlyList<(string Destination, int Count, DateTime Oldest)>> PendingStatsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.OutboxEvents.Where(e => e.State == OutboxState.Pending)
            .GroupBy(e => e.Destination)
            .Select(g => new { g.Key, Count = g.Count(), Oldest = g.Min(e => e.CreatedAt) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Key, r.Count, r.Oldest)).ToList();
    }

    /// <summary>Pending events of a destination that no older event of the same order holds back.</summary>
    private static IQueryable<OutboxEvent> Heads(OrderBotDbContext db, string destination) =>
        db.OutboxEvents.Where(e => e.Destination == destination && e.State == OutboxState.Pending
            && !db.OutboxEvents.Any(o => o.Destination == e.Destination && o.OrderId == e.OrderId && o.OrderVersion < e.OrderVersion
                && (o.State == OutboxState.Pending || o.State == OutboxState.Dead)));

    private Task<int> Replay(IQueryable<OutboxEvent> events, CancellationToken cancellationToken) =>
        events.ExecuteUpdateAsync(s => s
            .SetProperty(e => e.State, OutboxState.Pending)
            .SetProperty(e => e.Attempts, 0)
            .SetProperty(e => e.NextAttemptAt, Now())
            .SetProperty(e => e.LeaseOwner, (string?)null)
            .SetProperty(e => e.LeaseExpiresAt, (DateTime?)null), cancellationToken);

    /// <summary>Changes an event only while this claim still holds it, and ends the claim.</summary>
    private async Task<bool> UpdateClaimedAsync(
        OutboxEvent claimed,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxEvent>> set,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.OutboxEvents
            .Where(e => e.Id == claimed.Id && e.State == OutboxState.Pending && e.LeaseOwner == claimed.LeaseOwner && e.LeaseExpiresAt == claimed.LeaseExpiresAt)
            .ExecuteUpdateAsync(s =>
            {
                set(s);
                s.SetProperty(e => e.LeaseOwner, (string?)null).SetProperty(e => e.LeaseExpiresAt, (DateTime?)null);
            }, cancellationToken);
        return rows == 1;
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
