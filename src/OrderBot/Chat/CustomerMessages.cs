using Microsoft.EntityFrameworkCore;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Queues messages to a customer that none of their messages asked for (status notices, payment links): once per
/// cause, on the channel of their conversation. The <see cref="ChatWorker"/>, woken here, sends them with the replies
/// under the customer's lease, so there is one send path: a notice never races or overtakes a reply.
/// </summary>
public sealed class CustomerMessages(IDbContextFactory<OrderBotDbContext> dbFactory, ReplySender replies, ChatWorkerSignal signal)
{
    /// <summary>
    /// Queues what <paramref name="message"/> makes for the customer's conversation, unless a message with the same
    /// <paramref name="cause"/> was queued before (a repeated outbox delivery) or the customer has no conversation on a
    /// channel this server serves.
    /// </summary>
    public async Task<QueueOutcome> QueueAsync(string customerId, string cause, Func<Recipient, OutgoingMessage> message, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.OutboundMessages.AnyAsync(m => m.Cause == cause, cancellationToken))
            {
                return QueueOutcome.Queued;
            }

            var conversation = await db.ConversationStates.AsNoTracking().FirstOrDefaultAsync(c => c.CustomerId == customerId, cancellationToken);
            if (conversation is null)
            {
                return QueueOutcome.NoConversation;
            }

            if (!replies.Channels.Contains(conversation.Channel))
            {
                return new QueueOutcome(false, conversation.Channel);
            }

            // The customer's stored language; a conversation from before it was stored still knows its own.
            var language = await db.Customers.Where(c => c.Id == customerId).Select(c => c.Language).FirstOrDefaultAsync(cancellationToken)
                ?? conversation.Dialogue.Language;
            var lastWrote = await LastWroteAsync(db, customerId, conversation, cancellationToken);
            replies.Queue(db, conversation.Channel, customerId, [message(new Recipient(language, lastWrote))], cause);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        signal.Notify();
        return QueueOutcome.Queued;
    }

    /// <summary>
    /// When the customer last wrote: their latest message's own timestamp (the channel's 24-hour window starts there,
    /// not when we handled it), never later than when it arrived, so a clock running ahead cannot stretch the window.
    /// Once handled messages are removed, the conversation's last change stands in (by then the window is long closed).
    /// </summary>
    private static async Task<DateTime> LastWroteAsync(OrderBotDbContext db, string customerId, ConversationState conversation, CancellationToken cancellationToken) =>
        await db.ChatInbox
            .Where(m => m.CustomerId == customerId && m.Channel == conversation.Channel)
            .MaxAsync(m => (DateTime?)(m.SentAt < m.ReceivedAt ? m.SentAt : m.ReceivedAt), cancellationToken)
        ?? conversation.UpdatedAt;
}

/// <summary>Who a queued message is for: their language and when they last wrote (a status notice's template decision).</summary>
public sealed record Recipient(string? Language, DateTime LastWrote);

/// <summary>What <see cref="CustomerMessages.QueueAsync"/> did.</summary>
/// <param name="UnservedChannel">The channel of a conversation this server does not serve, when that is why nothing was queued.</param>
public sealed record QueueOutcome(bool Done, string? UnservedChannel = null)
{
    /// <summary>Queued now or before.</summary>
    public static readonly QueueOutcome Queued = new(true);

    /// <summary>The customer never chatted (an order over the API): there is nowhere to write.</summary>
    public static readonly QueueOutcome NoConversation = new(false);
}
