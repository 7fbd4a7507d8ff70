using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Logging;
using OrderBot.Outbox;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Runs one customer's waiting messages through the <see cref="Conversation"/>, oldest first, then sends the
/// replies. Each message is one transaction: the conversation's state, the replies to send and the inbox row
/// marked handled commit together, so a crash leaves the message waiting. The customer upsert and a confirmed order
/// commit in transactions of their own before that; both are safe to repeat when the message is handled again (the
/// order is idempotent on the cart's id). A customer is handled only under a <see cref="ChatLease"/>, so several servers on one database split customers between them.
/// </summary>
public sealed partial class ChatProcessor(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    Conversation conversation,
    ReplySender sender,
    ChatLeases leases,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<ChatProcessor> logger)
{
    /// <summary>
    /// Handles every due message of <paramref name="customerId"/> on the channels this process serves and returns
    /// how many; 0 at once when another server holds the customer's lease (it is handling them).
    /// </summary>
    public async Task<int> RunCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(customerId, cancellationToken))
        {
            return 0;
        }

        try
        {
            return await RunLeasedAsync(customerId, cancellationToken);
        }
        finally
        {
            await leases.ReleaseAsync(customerId);
        }
    }

    private async Task<int> RunLeasedAsync(string customerId, CancellationToken cancellationToken)
    {
        var channels = sender.Channels.ToList();
        var handled = 0;
        while (true)
        {
            // Each message renews the lease; one that ran out (a very slow message) means another server may have
            // the customer now, so this one stops rather than race it.
            if (handled > 0 && !await leases.RenewAsync(customerId, cancellationToken))
            {
                Log.LeaseLost(logger, Redact.Phone(customerId));
                return handled;
            }

            long? next;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                var now = time.GetUtcNow().UtcDateTime;
                next = await db.ChatInbox
                    .Where(m => m.CustomerId == customerId && m.ProcessedAt == null && channels.Contains(m.Channel))
                    .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
                    .Where(m => m.NextAttemptAt <= now)
                    .Select(m => (long?)m.Id)
                    .FirstOrDefaultAsync(cancellationToken);
            }

            // Replies to earlier messages (and ones a retry left waiting) go out before the next message is read.
            await sender.SendPendingAsync(customerId, cancellationToken);
            if (next is null)
            {
                return handled;
            }

            await HandleAsync(next.Value, cancellationToken);
            handled++;
        }
    }

    private async Task HandleAsync(long inboxId, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var row = await db.ChatInbox.FirstAsync(m => m.Id == inboxId, cancellationToken);
            if (row.ProcessedAt is not null)
            {
                return;
            }

            // The typing indicator promises an answer within about 25 s (platforms-2026.md 3): not while a person has the chat.
            if (row.Attempts == 0 && !await db.ConversationStates.AnyAsync(s => s.CustomerId == row.CustomerId && s.HandedOverAt != null, cancellationToken))
            {
                sender.ShowWorking(row.Channel, row.CustomerId, row.MessageId, cancellationToken);
            }

            var replies = await conversation.HandleAsync(db, ChatInbox.Read(row), cancellationToken);
            sender.Queue(db, row.Channel, row.CustomerId, await QuoteWhenOvertakenAsync(db, row, replies, cancellationToken), $"inbox:{row.Id}");
            row.ProcessedAt = time.GetUtcNow().UtcDateTime;
            row.Error = null;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another server handled this message, or changed the conversation, after we read it: our transaction
            // rolled back whole. The message is either done or is read again on the new state.
            Log.Conflict(logger, inboxId);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(inboxId, e);
        }
    }

    /// <summary>
    /// The first reply quotes the message it answers when the customer has written again since (two quick messages,
    /// or ones that waited): without the quote, an answer to the earlier one reads like an answer to the later one.
    /// </summary>
    private static async Task<IReadOnlyList<OutgoingMessage>> QuoteWhenOvertakenAsync(
        OrderBotDbContext db, ChatInboxMessage row, IReadOnlyList<OutgoingMessage> replies, CancellationToken cancellationToken)
    {
        if (replies.Count == 0
            || !await db.ChatInbox.AnyAsync(m => m.CustomerId == row.CustomerId && m.Channel == row.Channel && m.Id != row.Id && m.ProcessedAt == null, cancellationToken))
        {
            return replies;
        }

        return [replies[0] with { ReplyTo = row.MessageId }, .. replies.Skip(1)];
    }

    /// <summary>The customer's stored language, for a text sent outside the conversation.</summary>
    private static Task<string?> LanguageOfAsync(OrderBotDbContext db, string customerId) =>
        db.Customers.Where(c => c.Id == customerId).Select(c => c.Language).FirstOrDefaultAsync();

    /// <summary>Retries later with backoff; after the last attempt the message is set aside with an apology, so the customer's later messages are not blocked.</summary>
    private async Task RecordFailureAsync(long inboxId, Exception error)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var row = await db.ChatInbox.FirstAsync(m => m.Id == inboxId);
        if (row.ProcessedAt is not null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        row.Attempts++;
        var text = $"{error.GetType().Name}: {error.Message}";
        row.Error = text.Length > 1000 ? text[..1000] : text;
        if (row.Attempts >= options.Value.MaxAttempts)
        {
            row.ProcessedAt = now;
            sender.Queue(db, row.Channel, row.CustomerId, [new TextReply(ChatTexts.For(await LanguageOfAsync(db, row.CustomerId)).SomethingWrong)], $"inbox:{row.Id}");
            Log.GaveUp(logger, error, row.Id, row.Channel, Redact.Phone(row.CustomerId), row.Attempts);
        }
        else
        {
            row.NextAttemptAt = now + Backoff.Delay(row.Attempts, options.Value.RetryDelay, TimeSpan.FromMinutes(10), Random.Shared.NextDouble());
            Log.WillRetry(logger, error, row.Id, row.Channel, Redact.Phone(row.CustomerId), row.Attempts, row.NextAttemptAt);
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Handled by another server in the meantime: nothing left to retry.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3201, LogLevel.Warning, "Inbox message {InboxId} on {Channel} from {Customer} failed (attempt {Attempt}); retrying at {NextAttempt}")]
        public static partial void WillRetry(ILogger logger, Exception exception, long inboxId, string channel, string customer, int attempt, DateTime nextAttempt);

        [LoggerMessage(3202, LogLevel.Error, "Inbox message {InboxId} on {Channel} from {Customer} set aside after {Attempts} failed attempts")]
        public static partial void GaveUp(ILogger logger, Exception exception, long inboxId, string channel, string customer, int attempts);

        [LoggerMessage(3203, LogLevel.Information, "Inbox message {InboxId} was handled or its conversation changed by another server meanwhile; not applied twice")]
        public static partial void Conflict(ILogger logger, long inboxId);

        [LoggerMessage(3204, LogLevel.Warning, "Lease on {Customer} ran out while handling their messages; leaving them to whoever holds it now")]
        public static partial void LeaseLost(ILogger logger, string customer);
    }
}
