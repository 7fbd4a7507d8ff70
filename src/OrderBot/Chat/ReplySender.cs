using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    public void ShowWorking(string channel, string customerId, string messageId, CancellationToken cancellationToken)
    {
        if (_channels.TryGetValue(channel, out var target))
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await target.ShowWorkingAsync(customerId, messageId, cancellationToken);
                }
                catch (Exception e)
                {
                    Log.NotShownWorking(logger, channel, Redact.Phone(customerId), e.Message);
                }
            }, CancellationToken.None);
        }
    }

    public async Task SendPendingAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = _channels.Keys.ToList();
        var pending = await db.OutboundMessages
            .Where(m => m.CustomerId == customerId && m.State == OutboundState.Pending && names.Contains(m.Channel))
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        foreach (var message in pending)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (message.NextAttemptAt > now)
            {
                return;
            }

            var result = await SendAsync(_channels[message.Channel], message, cancellationToken);
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
                Log.GaveUp(logger, message.Id, message.Cause, message.Channel, Redact.Phone(customerId), result.Error);
            }
            else
            {
                message.NextAttemptAt = now + Backoff.Delay(message.Attempts, options.Value.RetryDelay, TimeSpan.FromHours(1), Random.Shared.NextDouble());
                Log.WillRetry(logger, message.Id, message.Channel, Redact.Phone(customerId), message.NextAttemptAt, result.Error);
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }

            // Saved after each send, even while stopping: the customer already has it, so forgetting would send it twice.
            await db.SaveChangesAsync(CancellationToken.None);
        }
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

    private static async Task<SendResult> SendAsync(IChatChannel channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var reply = JsonSerializer.Deserialize<OutgoingMessage>(message.Payload, OrderJson.Options)!;
            return await channel.SendAsync(message.CustomerId, reply, cancellationToken);
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
