using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderBot.Storage;

namespace OrderBot.Outbox;

/// <summary>
/// Removes delivered (and skipped) events older than <see cref="OutboxOptions.KeepDeliveredFor"/> once a newer
/// event of the same order and destination exists. Each order keeps its newest event per destination, so its
/// CRM sync state reads the same afterwards, and the version-order rule only ever looks at pending and dead
/// events, which are never removed.
/// </summary>
internal sealed class OutboxRetention(IOptions<OutboxOptions> options) : IRetentionPolicy
{
    public string Name => "outbox events";

    public async Task<int> PurgeAsync(OrderBotDbContext db, DateTime now, int batch, CancellationToken cancellationToken)
    {
        var cutoff = now - options.Value.KeepDeliveredFor;
        return await db.OutboxEvents
            .Where(e => (e.State == OutboxState.Delivered || e.State == OutboxState.Skipped) && e.CreatedAt < cutoff
                && db.OutboxEvents.Any(n => n.Destination == e.Destination && n.OrderId == e.OrderId && n.OrderVersion > e.OrderVersion))
            .OrderBy(e => e.CreatedAt)
            .Take(batch)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
