using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Logging;
using OrderBot.Outbox;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Runs customers' waiting messages through the <see cref="Conversation"/>, each customer's oldest first, then sends
/// the replies. Customers are claimed under a <see cref="ChatLease"/> (one statement for a batch), so several servers on
/// one database split them between them, and handled in groups: the conversations' states, the customer rows, the
/// replies to send and the inbox rows marked handled of a whole group commit in one transaction, so a crash leaves
/// every message of the group waiting. A confirmed order commits in a transaction of its own before that; it is
/// safe to repeat when the message is handled again (the order is idempotent on the cart's id). When anything in a
/// group fails, its customers are handled again one message per transaction, which records the failure on the
/// message that caused it.
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
    /// <summary>The most customers handled in one transaction: enough to make commits rare under load, few enough to keep a failed group cheap.</summary>
    public const int MaxGroup = 32;

    /// <summary>
    /// Handles every due message of <paramref name="customerId"/> on the channels this process serves and returns
    /// how many; 0 at once when another server holds the customer's lease (it is handling them).
    /// </summary>
    public Task<int> RunCustomerAsync(string customerId, CancellationToken cancellationToken) => RunAsync([customerId], cancellationToken);

    /// <summary>
    /// Claims the customers no other server holds and handles their due messages, in groups of up to
    /// <see cref="MaxGroup"/> customers, <see cref="ConversationOptions.MaxParallelism"/> groups at a time; returns how many messages.
    /// </summary>
    public async Task<int> RunAsync(IReadOnlyList<string> customerIds, CancellationToken cancellationToken)
    {
        var claimed = await leases.TryAcquireAsync(customerIds, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var claimedAt = time.GetTimestamp();
        try
        {
            var lanes = options.Value.MaxParallelism;
            var groups = claimed.Chunk(Math.Clamp((claimed.Count + lanes - 1) / lanes, 1, MaxGroup));
            var handled = 0;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = lanes, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(groups, parallel, async (group, ct) =>
                Interlocked.Add(ref handled, await RunGroupAsync(group, claimedAt, ct)));

            // Replies to earlier messages (and ones a retry left waiting) are among these, each customer's oldest first.
            // Sent once every group is committed, so each round of sends is recorded in one commit for all groups.
            await sender.SendPendingAsync(await StillHeldAsync(claimed, claimedAt, cancellationToken), cancellationToken);
            return handled;
        }
        finally
        {
            await leases.ReleaseAsync(claimed);
        }
    }

    private async Task<int> RunGroupAsync(string[] group, long claimedAt, CancellationToken cancellationToken)
    {
        var handled = 0;
        try
        {
            await HandleGroupAsync(group, claimedAt, count => handled += count, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing of the failed round was committed: each message left is handled again in a transaction of its
            // own, which pins a failure on the message that caused it.
            Log.GroupFailed(logger, group.Length, e.GetType().Name);
            foreach (var customerId in group)
            {
                try
                {
                    handled += await RunOneByOneAsync(customerId, cancellationToken);
                }
                catch (Exception again) when (!cancellationToken.IsCancellationRequested)
                {
                    // Not even the failure could be recorded (the database refuses writes): the message stays due for the
                    // next sweep, and the group's other customers are not held up, nor the replies sent after the groups.
                    Log.CustomerFailed(logger, again, Redact.Phone(customerId));
                }
            }
        }

        return handled;
    }

    /// <summary>
    /// The customers whose leases this process still holds: all of them while the batch is young; after half the
    /// lease duration (very slow messages) the leases are renewed, and customers another server took meanwhile dropped.
    /// </summary>
    private async Task<IReadOnlyList<string>> StillHeldAsync(IReadOnlyList<string> customerIds, long claimedAt, CancellationToken cancellationToken)
    {
        if (time.GetElapsedTime(claimedAt) < options.Value.LeaseDuration / 2)
        {
            return customerIds;
        }

        var held = await leases.TryAcquireAsync(customerIds, cancellationToken);
        foreach (var lost in customerIds.Except(held))
        {
            Log.LeaseLost(logger, Redact.Phone(lost));
        }

        return held;
    }

    /// <summary>
    /// Every due message of the customers in rounds: each round takes the oldest due message of every customer and
    /// commits them together, reporting each commit's count to <paramref name="committed"/>.
    /// </summary>
    /// <remarks>
    /// One message per customer per round is what keeps a retry exact: a confirmation places its order in a transaction
    /// of its own, keyed by the cart's id, so the cart it confirms must already be committed when the order is placed.
    /// Were a cart's first line and its confirmation in one uncommitted round, a failed round would handle both again
    /// with a new cart id and place a second order.
    /// </remarks>
    private async Task HandleGroupAsync(IReadOnlyList<string> customerIds, long claimedAt, Action<int> committed, CancellationToken cancellationToken)
    {
        var channels = sender.Channels.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var waiting = await db.ChatInbox
            .Where(m => customerIds.Contains(m.CustomerId) && m.ProcessedAt == null && channels.Contains(m.Channel))
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var due = waiting.Where(m => m.NextAttemptAt <= now).ToList();
        if (due.Count == 0)
        {
            return;
        }

        // The conversation finds these in the unit of work instead of reading each on its own.
        var talking = due.Select(m => m.CustomerId).Distinct().ToList();
        await db.ConversationStates.Where(s => talking.Contains(s.CustomerId)).LoadAsync(cancellationToken);
        await db.Customers.Where(c => talking.Contains(c.Id)).LoadAsync(cancellationToken);
        var reads = conversation.Reads();
        var lost = new HashSet<string>(StringComparer.Ordinal);
        while (due.Where(m => m.ProcessedAt == null && !lost.Contains(m.CustomerId)).DistinctBy(m => m.CustomerId).ToList() is { Count: > 0 } next)
        {
            // A long backlog renews the leases as a slow message would; a customer another server took meanwhile is left to it.
            var held = await StillHeldAsync([.. next.Select(m => m.CustomerId)], claimedAt, cancellationToken);
            lost.UnionWith(next.Select(m => m.CustomerId).Except(held));
            var round = next.Where(m => !lost.Contains(m.CustomerId)).ToList();
            foreach (var row in round)
            {
                // Another message of the customer still waiting (two quick messages, or ones that waited) means the reply needs its quote.
                var overtaken = waiting.Any(m => m.CustomerId == row.CustomerId && m.Channel == row.Channel && m.Id != row.Id && m.ProcessedAt == null);
                await HandleRowAsync(db, row, overtaken, reads, cancellationToken);
            }

            await db.CommitAsync(cancellationToken);
            committed(round.Count);
        }
    }

    /// <summary>
    /// Runs one message through the conversation in the caller's unit of work: its replies queued, the row marked handled.
    /// </summary>
    private async Task HandleRowAsync(OrderBotDbContext db, ChatInboxMessage row, bool overtaken, ShopReads reads, CancellationToken cancellationToken)
    {
        // The typing indicator promises an answer within about 25 s (platforms-2026.md 3): not while a person has the chat.
        var state = db.ConversationStates.Local.FirstOrDefault(s => s.CustomerId == row.CustomerId)
            ?? await db.ConversationStates.FirstOrDefaultAsync(s => s.CustomerId == row.CustomerId, cancellationToken);
        if (row.Attempts == 0 && state?.HandedOverAt is null)
        {
            sender.ShowWorking(row.Channel, row.CustomerId, db.Customers.Local.FirstOrDefault(c => c.Id == row.CustomerId), row.MessageId, cancellationToken);
        }

        var replies = await conversation.HandleAsync(db, ChatInbox.Read(row), reads, cancellationToken);
        sender.Queue(db, row.Channel, row.CustomerId, overtaken ? Quote(row, replies) : replies, $"inbox:{row.Id}");
        row.ProcessedAt = time.GetUtcNow().UtcDateTime;
        row.Error = null;
    }

    /// <summary>
    /// The first reply quotes the message it answers when the customer has written again since: without the quote, an
    /// answer to the earlier one reads like an answer to the later one.
    /// </summary>
    private static IReadOnlyList<OutgoingMessage> Quote(ChatInboxMessage row, IReadOnlyList<OutgoingMessage> replies) =>
        replies.Count == 0 ? replies : [replies[0] with { ReplyTo = row.MessageId }, .. replies.Skip(1)];

    /// <summary>The customer's due messages one per transaction, each followed by sending its replies: the path that pins a failure on its message.</summary>
    private async Task<int> RunOneByOneAsync(string customerId, CancellationToken cancellationToken)
    {
        var channels = sender.Channels.ToList();
        var handled = 0;
        while (true)
        {
            // Each message renews the lease; one that ran out (a very slow message) means another server may have
            // the customer now, so this one stops rather than race it.
            if (!await leases.RenewAsync(customerId, cancellationToken))
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

            var overtaken = await db.ChatInbox.AnyAsync(
                m => m.CustomerId == row.CustomerId && m.Channel == row.Channel && m.Id != row.Id && m.ProcessedAt == null, cancellationToken);
            await HandleRowAsync(db, row, overtaken, conversation.Reads(), cancellationToken);
            await db.CommitAsync(cancellationToken);
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

        [LoggerMessage(3206, LogLevel.Error, "Messages of {Customer} could be neither handled nor marked failed; trying again at the next sweep")]
        public static partial void CustomerFailed(ILogger logger, Exception exception, string customer);

        [LoggerMessage(3205, LogLevel.Information, "A group of {Customers} customers was not committed ({Error}); handling their messages one by one")]
        public static partial void GroupFailed(ILogger logger, int customers, string error);
    }
}
