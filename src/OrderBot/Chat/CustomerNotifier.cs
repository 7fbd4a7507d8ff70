using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderBot.Crm;
using OrderBot.Logging;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// The outbox destination that tells customers about their order's status changes. The order handler writes
/// the event in the status change's own transaction; the outbox dispatcher calls this with retries, backoff
/// and a circuit breaker, so a Graph API outage delays the message instead of losing it.
/// </summary>
/// <remarks>
/// Sends through the channel of the customer's conversation. Customers who never chatted (orders placed over
/// the REST API) and changes the customer made in the chat themselves (they got a reply already) are skipped.
/// Each event is sent at most once after it succeeded: the stored message carries the event id.
/// </remarks>
public sealed partial class CustomerNotifier(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    OrderHandler orders,
    IEnumerable<IChatChannel> channels,
    TimeProvider time,
    ILogger<CustomerNotifier> logger) : IOutboxDeliverer
{
    public const string DestinationName = "customer";

    /// <summary>
    /// The terminal chat's channel: only the <c>chat</c> verb's own process can write to it, and it shows its orders'
    /// status changes itself while it runs, so a server that does not serve it has nothing to send (and nothing to retry).
    /// </summary>
    public const string TerminalChannel = "terminal";

    private readonly Dictionary<string, IChatChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public string Destination => DestinationName;

    public static OutboxDestination OutboxDestination { get; } =
        new(DestinationName, Enabled: true, new HashSet<string>(StringComparer.Ordinal) { OrderEvent.StatusChanged });

    public async Task<DeliveryResult> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(outboxEvent.Payload);
        var order = payload.RootElement.GetProperty("order");
        var number = order.GetProperty("number").GetString()!;
        if (!OrderStatusMachine.TryParse(order.GetProperty("status").GetString(), out var status))
        {
            return DeliveryResult.Permanent("the event's order has no known status");
        }

        var cause = $"event:{outboxEvent.Id}";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The order's customer now, not the snapshot's: a number change or a merge may have moved the order since.
        var current = await db.Orders.Where(o => o.Id == outboxEvent.OrderId).Select(o => new { o.CustomerId, o.Fulfilment }).FirstOrDefaultAsync(cancellationToken);
        var customerId = current?.CustomerId ?? order.GetProperty("customer_id").GetString()!;
        if (await db.OutboundMessages.AnyAsync(m => m.Cause == cause, cancellationToken))
        {
            return DeliveryResult.Delivered;
        }

        var conversation = await db.ConversationStates.AsNoTracking().FirstOrDefaultAsync(c => c.CustomerId == customerId, cancellationToken);
        if (conversation is null || await ChangedByCustomerAsync(outboxEvent.OrderId, status, cancellationToken))
        {
            return DeliveryResult.Delivered;
        }

        if (!_channels.TryGetValue(conversation.Channel, out var channel) && conversation.Channel == TerminalChannel)
        {
            return DeliveryResult.Delivered;
        }

        if (channel is null)
        {
            return DeliveryResult.Permanent($"the customer's channel '{conversation.Channel}' is not served by this process");
        }

        // The customer's stored language; a conversation from before it was stored still knows its own.
        var language = await db.Customers.Where(c => c.Id == customerId).Select(c => c.Language).FirstOrDefaultAsync(cancellationToken)
            ?? conversation.Dialogue.Language;
        var texts = ChatTexts.For(language);
        var (text, phrase) = ChatText.NoticeOf(number, status, current?.Fulfilment, texts, orders.Shop.Hours);
        var lastWrote = await LastWroteAsync(db, customerId, conversation, cancellationToken);
        var message = new StatusNotice(text, number, phrase, lastWrote) { Language = texts.Language };
        var result = await channel.SendAsync(customerId, message, cancellationToken);
        if (!result.Sent)
        {
            return result.Permanent ? DeliveryResult.Permanent(result.Error ?? "rejected") : DeliveryResult.Transient(result.Error ?? "not sent");
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.OutboundMessages.Add(new OutboundMessage
        {
            Channel = channel.Name,
            CustomerId = customerId,
            Payload = JsonSerializer.Serialize<OutgoingMessage>(message, OrderJson.Options),
            Cause = cause,
            State = OutboundState.Sent,
            ProviderMessageId = result.ProviderMessageId,
            Attempts = 1,
            CreatedAt = now,
            UpdatedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(CancellationToken.None);
        Log.Notified(logger, number, Redact.Phone(customerId), status.ToWireName(), channel.Name);
        return DeliveryResult.Delivered;
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

    private async Task<bool> ChangedByCustomerAsync(string orderId, OrderStatus status, CancellationToken cancellationToken)
    {
        var details = await orders.GetOrderAsync(orderId, cancellationToken);
        var change = details?.History?.LastOrDefault(h => h.To == status);
        return change?.Actor.StartsWith(Conversation.CustomerActorPrefix, StringComparison.Ordinal) == true;
    }

    private static partial class Log
    {
        [LoggerMessage(3401, LogLevel.Information, "Told {Customer} on {Channel} that order {Number} is {Status}")]
        public static partial void Notified(ILogger logger, string number, string customer, string status, string channel);
    }
}
