using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Customers;
using OrderBot.Logging;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Sends a customer's stored replies through their channel, oldest first, and records each outcome. A reply
/// that fails for a passing reason waits (with backoff) and holds back the later ones, so replies never
/// arrive out of order; the <see cref="ChatWorker"/> comes back for it.
/// </summary>
public sealed partial class ReplySender(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    IEnumerable<IChatChannel> channels,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<ReplySender> logger)
{
    private readonly Dictionary<string, IChatChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    // Sends the channel accepted whose outcome is not saved yet, across every caller: what a crash could repeat.
    private readonly SemaphoreSlim _unsaved = new(options.Value.MaxParallelism, options.Value.MaxParallelism);

    public IReadOnlyCollection<string> Channels => _channels.Keys;

    /// <summary>Adds replies to the caller's unit of work as pending messages; they are sent after it commits.</summary>
    public void Queue(OrderBotDbContext db, string channel, string customerId, IEnumerable<OutgoingMessage> replies, string cause)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.OutboundMessages.AddRange(replies.Select(r => OutboundMessage.Pending(channel, customerId, r, cause, now)));
    }

    /// <summary>
    /// Starts the channel's "working on it" signal for a message and returns at once: the signal is best effort, so
    /// the conversation and its reply neither wait for it nor notice when it fails.
    /// </summary>
    /// <param name="customer">The customer's row when the caller has it (the channel then reads nothing); null to let the channel read it.</param>
    public void ShowWorking(string channel, string customerId, Customer? customer, string messageId, CancellationToken cancellationToken)
    {
        if (_channels.TryGetValue(channel, out var target))
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await (customer is null
                        ? target.ShowWorkingAsync(customerId, messageId, cancellationToken)
                        : target.ShowWorkingAsync(customer, customerId, messageId, cancellationToken));
                }
                catch (Exception e)
                {
                    Log.NotShownWorking(logger, channel, Redact.Phone(customerId), e.Message);
                }
            }, CancellationToken.None);
        }
    }

    public Task SendPendingAsync(string customerId, CancellationToken cancellationToken) => SendPendingAsync([customerId], cancellationToken);

    /// <summary>
    /// Sends the customers' due replies, each customer's in order, several customers at once. Outcomes are saved in one
    /// commit per round of sends rather than one per reply; a round holds at most <see cref="ConversationOptions.MaxParallelism"/>
    /// sends for the whole process, so a crash repeats at most that many replies the channel had already accepted.
    /// </summary>
    public async Task SendPendingAsync(IReadOnlyList<string> customerIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = _channels.Keys.ToList();
        var pending = await db.OutboundMessages
            .Where(m => customerIds.Contains(m.CustomerId) && m.State == OutboundState.Pending && names.Contains(m.Channel))
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var queues = pending.GroupBy(m => m.CustomerId).Select(g => new Queue<OutboundMessage>(g)).ToList();
        // The channels address by the customer's row: read once for all of them, not once per reply.
        var addressed = queues.Select(q => q.Peek().CustomerId).ToList();
        var recipients = queues.Count == 0
            ? new Dictionary<string, Customer>()
            : await db.Customers.AsNoTracking().Where(c => addressed.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        while (queues.Count > 0)
        {
            // Wait for one slot, then take whatever else is free: a round never waits while holding slots, so rounds of
            // several callers cannot hold each other up.
            await _unsaved.WaitAsync(cancellationToken);
            var slots = 1;
            while (slots < queues.Count && _unsaved.Wait(0, CancellationToken.None))
            {
                slots++;
            }

            try
            {
                var round = queues.Take(slots).ToList();
                var more = await Task.WhenAll(round.Select(q => SendNextAsync(q, recipients, cancellationToken)));
                // Saved after each round, even while stopping: the customers already have them, so forgetting would send them twice.
                await db.CommitAsync(CancellationToken.None);
                queues = [.. queues.Skip(slots), .. round.Where((_, i) => more[i])];
            }
            finally
            {
                _unsaved.Release(slots);
            }
        }
    }

    /// <summary>Sends the first reply of the queue and records the outcome on it; false when the customer has nothing more to send now.</summary>
    private async Task<bool> SendNextAsync(Queue<OutboundMessage> queue, IReadOnlyDictionary<string, Customer> recipients, CancellationToken cancellationToken)
    {
        var message = queue.Dequeue();
        var now = time.GetUtcNow().UtcDateTime;
        if (message.NextAttemptAt > now)
        {
            return false;
        }

        var result = await SendAsync(_channels[message.Channel], recipients.GetValueOrDefault(message.CustomerId), message, cancellationToken);
        message.Attempts++;
        message.UpdatedAt = now;
        message.Error = result.Error is { Length: > 1000 } error ? error[..1000] : result.Error;
        if (result.Sent)
        {
            message.State = OutboundState.Sent;
            message.ProviderMessageId = result.ProviderMessageId;
        }
        else if (result.Permanent || message.Attempts >= options.Value.MaxAttempts)
        {
            message.State = OutboundState.Failed;
            Log.GaveUp(logger, message.Id, message.Cause, message.Channel, Redact.Phone(message.CustomerId), result.Error);
        }
        else
        {
            // A reply waiting to be tried again holds back the later ones, so they never arrive out of order.
            message.NextAttemptAt = now + Backoff.Delay(message.Attempts, options.Value.RetryDelay, TimeSpan.FromHours(1), Random.Shared.NextDouble());
            Log.WillRetry(logger, message.Id, message.Channel, Redact.Phone(message.CustomerId), message.NextAttemptAt, result.Error);
            return false;
        }

        return queue.Count > 0;
    }

    /// <summary>
    /// Applies a delivery status the channel reported later ("delivered", "read", "failed"). States only move
    /// forward, so a late or repeated callback changes nothing. Returns false when no such message was stored.
    /// </summary>
    /// <remarks>
    /// A failure reported later decides what happens next: <see cref="DeliveryFailure.Transient"/> sends the
    /// message again (within <see cref="ConversationOptions.MaxAttempts"/>), <see cref="DeliveryFailure.WindowClosed"/> sends
    /// a status notice once more as the channel's template, anything else fails it for good with the channel's reason.
    /// </remarks>
    public async Task<StatusOutcome> UpdateStatusAsync(
        string channel, string providerMessageId, OutboundState state, string? error, DeliveryFailure? failure, CancellationToken cancellationToken)
    {
        var earlier = Enum.GetValues<OutboundState>().Where(s => OutboundMessage.Rank(s) < OutboundMessage.Rank(state)).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (state == OutboundState.Failed
            && await db.OutboundMessages.FirstOrDefaultAsync(m => m.Channel == channel && m.ProviderMessageId == providerMessageId && earlier.Contains(m.State), cancellationToken) is { } message)
        {
            var outcome = Requeue(message, failure, now) ? StatusOutcome.SendingAgain : StatusOutcome.Applied;
            message.State = outcome == StatusOutcome.SendingAgain ? OutboundState.Pending : OutboundState.Failed;
            message.UpdatedAt = now;
            message.Error = error is { Length: > 1000 } ? error[..1000] : error ?? message.Error;
            if (outcome == StatusOutcome.SendingAgain)
            {
                message.ProviderMessageId = null;
                Log.WillRetry(logger, message.Id, channel, Redact.Phone(message.CustomerId), message.NextAttemptAt, error);
            }
            else
            {
                Log.DeliveryFailed(logger, message.Id, message.Cause, channel, Redact.Phone(message.CustomerId), error);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            return outcome;
        }

        var changed = await db.OutboundMessages
            .Where(m => m.Channel == channel && m.ProviderMessageId == providerMessageId && earlier.Contains(m.State))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, state)
                    .SetProperty(m => m.UpdatedAt, now)
                    .SetProperty(m => m.Error, m => error ?? m.Error),
                cancellationToken);
        return changed > 0 || await db.OutboundMessages.AnyAsync(m => m.Channel == channel && m.ProviderMessageId == providerMessageId, cancellationToken)
            ? StatusOutcome.Applied
            : StatusOutcome.Unknown;
    }

    /// <summary>Prepares a message the channel failed to deliver for another send; false when it should fail for good.</summary>
    private bool Requeue(OutboundMessage message, DeliveryFailure? failure, DateTime now)
    {
        switch (failure)
        {
            case DeliveryFailure.Transient when message.Attempts < options.Value.MaxAttempts:
                message.Attempts++;
                message.NextAttemptAt = now + Backoff.Delay(message.Attempts, options.Value.RetryDelay, TimeSpan.FromHours(1), Random.Shared.NextDouble());
                return true;
            case DeliveryFailure.WindowClosed
                when JsonSerializer.Deserialize<OutgoingMessage>(message.Payload, OrderJson.Options) is StatusNotice notice && notice.LastCustomerMessageAt != DateTime.MinValue:
                // A window that closed means the template; a notice already sent as the template is not tried again.
                message.Payload = JsonSerializer.Serialize<OutgoingMessage>(notice with { LastCustomerMessageAt = DateTime.MinValue }, OrderJson.Options);
                message.NextAttemptAt = now;
                return true;
            default:
                return false;
        }
    }

    private static async Task<SendResult> SendAsync(IChatChannel channel, Customer? customer, OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var reply = JsonSerializer.Deserialize<OutgoingMessage>(message.Payload, OrderJson.Options)!;
            // Every recipient's row was read for the round: null means the customer has none.
            return await channel.SendAsync(customer, message.CustomerId, reply, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Transient($"{e.GetType().Name}: {e.Message}");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3101, LogLevel.Warning, "Reply {MessageId} on {Channel} to {Customer} not sent; retrying at {NextAttempt}: {Error}")]
        public static partial void WillRetry(ILogger logger, long messageId, string channel, string customer, DateTime nextAttempt, string? error);

        // A warning, not an error: the channel refused delivery for a reason of its own (a closed window, a blocked number).
        // The cause tells a reply ("inbox:…") from a status notice ("event:…") or a payment message ("payment-…").
        [LoggerMessage(3103, LogLevel.Warning, "Message {MessageId} ({Cause}) on {Channel} to {Customer} was not delivered; the channel reported: {Error}")]
        public static partial void DeliveryFailed(ILogger logger, long messageId, string? cause, string channel, string customer, string? error);

        [LoggerMessage(3104, LogLevel.Debug, "Could not show {Customer} on {Channel} that their message is being worked on: {Error}")]
        public static partial void NotShownWorking(ILogger logger, string channel, string customer, string error);

        [LoggerMessage(3102, LogLevel.Error, "Message {MessageId} ({Cause}) on {Channel} to {Customer} failed for good: {Error}")]
        public static partial void GaveUp(ILogger logger, long messageId, string? cause, string channel, string customer, string? error);
    }
}

/// <summary>What a reported delivery status did.</summary>
public enum StatusOutcome
{
    /// <summary>No message with that id was stored (a status for a message sent elsewhere, or not yet stored).</summary>
    Unknown,

    /// <summary>The stored message's state was updated (or already further along).</summary>
    Applied,

    /// <summary>The message failed for a reason another send can fix; it waits to be sent again.</summary>
    SendingAgain,
}
