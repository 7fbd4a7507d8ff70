using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Chat;
using OrderBot.Logging;
using OrderBot.Menus;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Storage;
using StripeException = Stripe.StripeException;

namespace OrderBot.Payments;

/// <summary>
/// The outbox destination that makes payment links. The order's creation (and a link's expiry, written by the webhook)
/// commits an event here in the same transaction, and the dispatcher calls this with retries and backoff until Stripe
/// answers: a crash or a Stripe outage between the order and its link delays the link but never loses it.
/// </summary>
/// <remarks>
/// Each step is safe to repeat: Stripe gets the same idempotency key for the same order and attempt (so the same session),
/// the link row is keyed by order and attempt, and the customer's message by its cause, so a repeated delivery sends nothing twice.
/// </remarks>
internal sealed partial class PaymentLinkDeliverer(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    OrderHandler orders,
    StripeCheckout checkout,
    CustomerMessages messages,
    IOptions<PaymentsOptions> options,
    TimeProvider time,
    ILogger<PaymentLinkDeliverer> logger) : IOutboxDeliverer
{
    /// <summary>Written by the webhook when the order's link expired unpaid; the payload names the attempt.</summary>
    public const string LinkExpired = "payment.link_expired";

    /// <summary>Written by the webhook when the order got paid; the customer is told it was received.</summary>
    public const string PaymentReceived = "payment.received";

    /// <summary>Written by the webhook when the payment failed; the customer is told.</summary>
    public const string PaymentFailed = "payment.failed";

    /// <summary>The payments destination as it takes order events: only new orders (the rest it writes itself).</summary>
    public static OutboxDestination OutboxDestination { get; } =
        new(PaymentsOptions.Destination, Enabled: true, new HashSet<string>(StringComparer.Ordinal) { OrderEvent.Created });

    public string Destination => PaymentsOptions.Destination;

    public async Task<DeliveryResult> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        var order = await orders.GetOrderAsync(outboxEvent.OrderId, cancellationToken);
        if (order?.Payment is not { Method: PaymentMethod.Online } payment)
        {
            return DeliveryResult.Delivered;
        }

        switch (outboxEvent.Type)
        {
            case OrderEvent.Created:
                return await SendLinkAsync(order, attempt: 1, expired: false, cancellationToken);
            case PaymentReceived:
                await TellAsync(order, $"payment-received:{order.Id}", texts => ChatTexts.Say(texts.Received, order.Number), cancellationToken);
                return DeliveryResult.Delivered;
            case PaymentFailed:
                await TellAsync(order, $"payment-failed:{outboxEvent.Id}", texts => ChatTexts.Say(texts.Failed, order.Number), cancellationToken);
                return DeliveryResult.Delivered;
            case LinkExpired:
                var attempt = outboxEvent.Read<PaymentLinkEvent>().Attempt;
                var renew = attempt < options.Value.MaxLinks && payment.State == PaymentState.Pending && order.Status != OrderStatus.Cancelled;
                if (renew)
                {
                    return await SendLinkAsync(order, attempt + 1, expired: true, cancellationToken);
                }

                if (payment.State == PaymentState.Pending && order.Status != OrderStatus.Cancelled)
                {
                    await TellAsync(order, $"payment-expired:{order.Id}:{attempt}", texts => ChatTexts.Say(texts.ExpiredFinal, order.Number), cancellationToken);
                }

                return DeliveryResult.Delivered;
            default:
                return DeliveryResult.Permanent($"payments do not handle {outboxEvent.Type}");
        }
    }

    private async Task<DeliveryResult> SendLinkAsync(OrderDetails order, int attempt, bool expired, CancellationToken cancellationToken)
    {
        PaymentLink? link;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            link = await db.PaymentLinks.AsNoTracking().FirstOrDefaultAsync(l => l.OrderId == order.Id && l.Attempt == attempt, cancellationToken);
        }

        if (link is null)
        {
            CheckoutSession session;
            try
            {
                session = await checkout.CreateAsync(order, attempt, cancellationToken);
            }
            catch (StripeException e) when (e.HttpStatusCode is >= System.Net.HttpStatusCode.BadRequest and < System.Net.HttpStatusCode.InternalServerError
                                             and not System.Net.HttpStatusCode.TooManyRequests and not System.Net.HttpStatusCode.Conflict)
            {
                Log.Refused(logger, order.Number, (int)e.HttpStatusCode, e.StripeError?.Message ?? e.Message);
                return DeliveryResult.Permanent($"Stripe refused the session: {e.StripeError?.Message ?? e.Message}");
            }
            catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return DeliveryResult.Transient($"Stripe: {e.Message}");
            }

            var now = time.GetUtcNow().UtcDateTime;
            link = new PaymentLink
            {
                OrderId = order.Id, Attempt = attempt, SessionId = session.Id, Url = session.Url, ExpiresAt = session.ExpiresAt,
                CreatedAt = now, UpdatedAt = now, State = PaymentLinkState.Open,
            };
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.PaymentLinks.Add(link);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another dispatcher stored the same attempt's session (same idempotency key, same session): use theirs.
                await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
                link = await again.PaymentLinks.AsNoTracking().FirstAsync(l => l.OrderId == order.Id && l.Attempt == attempt, cancellationToken);
            }

            Log.Created(logger, order.Number, attempt, link.SessionId);
        }

        if (order.Payment!.Reference != link.SessionId)
        {
            await orders.RecordPaymentAsync(order.Id, PaymentState.Pending, link.SessionId, cancellationToken: cancellationToken);
        }

        var minutes = (int)Math.Round(options.Value.LinkLifetime.TotalMinutes);
        var amount = ChatText.Price(order.TotalAmount, order.Currency, Money.MinorUnits(order.Currency));
        await TellAsync(
            order,
            $"payment-link:{order.Id}:{attempt}",
            texts => ChatTexts.Say(expired ? texts.ExpiredNewLink : texts.Link, order.Number, amount, minutes, link.Url),
            cancellationToken);
        return DeliveryResult.Delivered;
    }

    /// <summary>
    /// Queues a message for the customer's conversation, once per <paramref name="cause"/>, for the chat worker to send under
    /// the customer's lease (sending here could race the worker and send it twice). A customer who never chatted (an order
    /// over the API) is not written to.
    /// </summary>
    private async Task TellAsync(OrderDetails order, string cause, Func<PaymentTexts, string> text, CancellationToken cancellationToken)
    {
        var queued = await messages.QueueAsync(order.CustomerId, cause,
            to => new TextReply(ChatLimits.Fit(text(PaymentTexts.For(to.Language)), ChatLimits.TextBody)), cancellationToken);
        if (queued is QueueOutcome.NoConversation or QueueOutcome.UnservedChannel)
        {
            Log.NoChannel(logger, order.Number, Redact.Phone(order.CustomerId));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(7101, LogLevel.Information, "Payment link {Attempt} for order {Number} is session {SessionId}")]
        public static partial void Created(ILogger logger, string number, int attempt, string sessionId);

        [LoggerMessage(7102, LogLevel.Warning, "Stripe refused the payment link for order {Number} ({Status}): {Error}")]
        public static partial void Refused(ILogger logger, string number, int status, string error);

        [LoggerMessage(7103, LogLevel.Information, "Order {Number}'s customer {Customer} has no conversation on a channel this server serves; the payment message is not sent")]
        public static partial void NoChannel(ILogger logger, string number, string customer);
    }
}
