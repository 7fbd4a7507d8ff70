using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderBot.Logging;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Shop;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// The outbox destination that tells customers about their order's status changes. The order handler writes
/// the event in the status change's own transaction; the outbox dispatcher calls this, which queues the notice
/// (<see cref="CustomerMessages"/>) for the chat worker to send under the customer's lease, as it sends replies.
/// </summary>
/// <remarks>
/// Customers who never chatted (orders placed over the REST API) and changes the customer made in the chat themselves
/// (they got a reply already; the event names its actor) are skipped. Each event is queued once: the message carries the event id.
/// </remarks>
public sealed partial class CustomerNotifier(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    CustomerMessages messages,
    ShopSettings shop,
    ILogger<CustomerNotifier> logger) : IOutboxDeliverer
{
    public const string DestinationName = "customer";

    /// <summary>
    /// The terminal chat's channel: only the <c>chat</c> verb's own process can write to it, and it shows its orders'
    /// status changes itself while it runs, so a server that does not serve it has nothing to send (and nothing to retry).
    /// </summary>
    public const string TerminalChannel = "terminal";

    public string Destination => DestinationName;

    public static OutboxDestination OutboxDestination { get; } =
        new(DestinationName, Enabled: true, new HashSet<string>(StringComparer.Ordinal) { OrderEvent.StatusChanged });

    public async Task<DeliveryResult> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        var change = outboxEvent.Read<OrderEvent>();
        if (change.Actor?.StartsWith(Conversation.CustomerActorPrefix, StringComparison.Ordinal) == true)
        {
            return DeliveryResult.Delivered;
        }

        Orders.Fulfilment? fulfilment;
        string customerId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // The order's customer now, not the snapshot's: a number change or a merge may have moved the order since.
            var current = await db.Orders.Where(o => o.Id == outboxEvent.OrderId).Select(o => new { o.CustomerId, o.Fulfilment }).FirstOrDefaultAsync(cancellationToken);
            (customerId, fulfilment) = (current?.CustomerId ?? change.Order.CustomerId, current?.Fulfilment);
        }

        var (number, status) = (change.Order.Number, change.Order.Status);
        var queued = await messages.QueueAsync(customerId, $"event:{outboxEvent.Id}", to =>
        {
            var texts = ChatTexts.For(to.Language);
            var (text, phrase) = ChatText.NoticeOf(number, status, fulfilment, texts, shop.Hours);
            return new StatusNotice(text, number, phrase, to.LastWrote) { Language = texts.Language };
        }, cancellationToken);
        if (queued.UnservedChannel is { } channel and not TerminalChannel)
        {
            return DeliveryResult.Permanent($"the customer's channel '{channel}' is not served by this process");
        }

        if (queued.Done)
        {
            Log.Queued(logger, number, Redact.Phone(customerId), status.ToWireName());
        }

        return DeliveryResult.Delivered;
    }

    private static partial class Log
    {
        [LoggerMessage(3401, LogLevel.Information, "Queued the notice to {Customer} that order {Number} is {Status}")]
        public static partial void Queued(ILogger logger, string number, string customer, string status);
    }
}
