using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Removes handled inbox messages and finished replies older than <see cref="ChatOptions.KeepHandledFor"/>.
/// The inbox row is also the record that makes a redelivery a duplicate, so the period is never shorter
/// than the 7 days for which WhatsApp retries a webhook delivery.
/// </summary>
public sealed class ChatRetention(IOptions<ChatOptions> options) : IRetentionPolicy
{
    public string Name => "chat messages";

    public async Task<int> PurgeAsync(OrderBotDbContext db, DateTime now, int batch, CancellationToken cancellationToken)
    {
        var cutoff = now - options.Value.KeepHandledFor;
        var inbox = await db.ChatInbox.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(batch).ToListAsync(cancellationToken);
        var outbound = await db.OutboundMessages.Where(m => m.State != OutboundState.Pending && m.UpdatedAt < cutoff)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(batch - inbox.Count).ToListAsync(cancellationToken);
        var deleted = 0;
        if (inbox.Count > 0)
        {
            deleted += await db.ChatInbox.Where(m => inbox.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        if (outbound.Count > 0)
        {
            deleted += await db.OutboundMessages.Where(m => outbound.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        return deleted;
    }
}
