using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderBot.Logging;
using OrderBot.Orders;
using OrderBot.Shop;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Queues messages to a customer that none of their messages asked for: status notices, in the status change's own
/// transaction (<see cref="ICustomerNotices"/>), and payment messages. They are <see cref="OutboundMessage"/> rows like the
/// replies, on the channel of the customer's conversation, so the <see cref="ChatWorker"/> (woken here) sends them with the
/// replies under the customer's lease: there is one send path, and a notice never races or overtakes a reply.
/// </summary>
public sealed partial class CustomerMessages(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    IEnumerable<IChatChannel> channels,
    ChatWorkerSignal signal,
    ShopSettings shop,
    TimeProvider time,
    ILogger<CustomerMessages> logger) : ICustomerNotices
{
    /// <summary>
    /// The terminal chat's channel: only the <c>chat</c> verb's own process can write to it, and it shows its orders'
    /// status changes itself while it runs, so another process has nothing to queue for it (and nothing to warn about).
    /// </summary>
    public const string TerminalChannel = "terminal";

    private readonly HashSet<string> _served = channels.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Adds the notice of <paramref name="order"/>'s new status, in the customer's language, to the status change's unit of
    /// work. A change the customer made in the chat themselves is not announced: their conversation answered it already.
    /// </summary>
    public async Task<bool> AddAsync(OrderBotDbContext db, Order order, string actor, CancellationToken cancellationToken)
    {
        if (actor.StartsWith(Conversation.CustomerActorPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var (number, status, fulfilment) = (order.Number, order.Status, order.Fulfilment);
        // The order and its version name the change, so a notice is queued once per change.
        var added = await AddAsync(db, order.CustomerId, $"event:{order.Id}:{order.Version}", to =>
        {
            var texts = ChatTexts.For(to.Language);
            var (text, phrase) = ChatText.NoticeOf(number, status, fulfilment, texts, shop.Hours);
            return new StatusNotice(text, number, phrase, to.LastWrote) { Language = texts.Language };
        }, cancellationToken) == QueueOutcome.Queued;
        if (added)
        {
            Log.Queued(logger, number, Redact.Phone(order.CustomerId), status.ToWireName());
        }

        return added;
    }

    /// <inheritdoc/>
    public void Committed() => signal.Notify();

    /// <summary>
    /// Queues, in a transaction of its own, what <paramref name="message"/> makes for the customer's conversation, unless a
    /// message with the same <paramref name="cause"/> was queued before (a repeated outbox delivery) or the customer has no
    /// conversation on a channel this server serves.
    /// </summary>
    public async Task<QueueOutcome> QueueAsync(string customerId, string cause, Func<Recipient, OutgoingMessage> message, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var outcome = await AddAsync(db, customerId, cause, message, cancellationToken);
            if (outcome != QueueOutcome.Queued)
            {
                return outcome;
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        signal.Notify();
        return QueueOutcome.Queued;
    }

    /// <summary>Adds the message to <paramref name="db"/>'s unit of work; one read finds where, to whom, and whether it was queued before.</summary>
    private async Task<QueueOutcome> AddAsync(
        OrderBotDbContext db, string customerId, string cause, Func<Recipient, OutgoingMessage> message, CancellationToken cancellationToken)
    {
        var target = await db.ConversationStates.AsNoTracking()
            .Where(c => c.CustomerId == customerId)
            .Select(c => new
            {
                c.Channel,
                c.Dialogue,
                Language = db.Customers.Where(u => u.Id == customerId).Select(u => u.Language).FirstOrDefault(),
                // When the customer last wrote: their latest message's own timestamp (the channel's 24-hour window starts
                // there, not when we handled it), never later than when it arrived, so a clock running ahead cannot stretch
                // the window. Once handled messages are removed, the conversation's last change stands in (by then the
                // window is long closed).
                LastWrote = db.ChatInbox.Where(m => m.CustomerId == customerId && m.Channel == c.Channel)
                    .Max(m => (DateTime?)(m.SentAt < m.ReceivedAt ? m.SentAt : m.ReceivedAt)) ?? c.UpdatedAt,
                QueuedBefore = db.OutboundMessages.Any(m => m.Cause == cause),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return QueueOutcome.NoConversation;
        }

        if (target.QueuedBefore)
        {
            return QueueOutcome.QueuedBefore;
        }

        if (!_served.Contains(target.Channel))
        {
            if (target.Channel != TerminalChannel)
            {
                Log.Unserved(logger, cause, Redact.Phone(customerId), target.Channel);
            }

            return QueueOutcome.UnservedChannel;
        }

        // The customer's stored language; a conversation from before it was stored still knows its own.
        var to = new Recipient(target.Language ?? target.Dialogue.Language, target.LastWrote);
        db.OutboundMessages.Add(OutboundMessage.Pending(target.Channel, customerId, message(to), cause, time.GetUtcNow().UtcDateTime));
        return QueueOutcome.Queued;
    }

    private static partial class Log
    {
        [LoggerMessage(3401, LogLevel.Information, "Queued the notice to {Customer} that order {Number} is {Status}")]
        public static partial void Queued(ILogger logger, string number, string customer, string status);

        [LoggerMessage(3402, LogLevel.Warning, "The message {Cause} to {Customer} is not sent: their conversation is on {Channel}, which this process does not serve")]
        public static partial void Unserved(ILogger logger, string cause, string customer, string channel);
    }
}

/// <summary>Who a queued message is for: their language and when they last wrote (a status notice's template decision).</summary>
public sealed record Recipient(string? Language, DateTime LastWrote);

/// <summary>What <see cref="CustomerMessages"/> did with a message.</summary>
public enum QueueOutcome
{
    /// <summary>Added now, to be sent by the chat worker.</summary>
    Queued,

    /// <summary>A message with the same cause was queued before (a repeated outbox delivery): nothing was added.</summary>
    QueuedBefore,

    /// <summary>The customer never chatted (an order over the API): there is nowhere to write.</summary>
    NoConversation,

    /// <summary>The customer's conversation is on a channel this process does not serve: nothing can be sent.</summary>
    UnservedChannel,
}
