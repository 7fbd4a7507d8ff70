using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Removes handled inbox messages and finished replies older than <see cref="ConversationOptions.KeepHandledFor"/>.
/// The inbox row is also the record that makes a redelivery a duplicate, so the period is never shorter
/// than the 7 days for which WhatsApp retries a webhook delivery.
/// </summary>
internal sealed class ChatRetention(IOptions<ConversationOptions> options) : IRetentionPolicy
{
    public string Name => "chat messages";

    public async Task<int> PurgeAsync(OrderBotDbContext db, DateTime now, int batch, CancellationToken cancellationToken)
    {
        var cutoff = now - options.Value.KeepHandledFor;
        var deleted = await db.ChatInbox.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff)
            .OrderBy(m => m.Id).Take(batch).ExecuteDeleteAsync(cancellationToken);
        if (deleted < batch)
        {
            deleted += await db.OutboundMessages.Where(m => m.State != OutboundState.Pending && m.UpdatedAt < cutoff)
                .OrderBy(m => m.Id).Take(batch - deleted).ExecuteDeleteAsync(cancellationToken);
        }

        return deleted;
    }
}
