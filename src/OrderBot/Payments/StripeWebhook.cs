using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Storage;
using Stripe;
using Stripe.Checkout;

namespace OrderBot.Payments;

public enum WebhookOutcome
{
    /// <summary>The signature is missing, wrong or outside the tolerance, or the body is not an event: nothing is stored.</summary>
    Rejected,

    /// <summary>Applied to its order now.</summary>
    Applied,

    /// <summary>Applied before; answered and ignored.</summary>
    Replayed,

    /// <summary>Genuine but not ours to apply (another event type, an unknown order or session): nothing is stored.</summary>
    Ignored,
}

public sealed record WebhookResult(WebhookOutcome Outcome, string Detail);

/// <summary>
/// Applies Stripe's Checkout events to orders (platforms-2026.md §5): the signature is checked over the raw body, with a
/// 300-second tolerance against this server's clock, and each event id is applied once.
/// </summary>
/// <remarks>
/// The event's API version is not checked against Stripe.net's (<c>throwOnApiVersionMismatch: false</c>): only a handful of
/// long-stable session fields are read (id, status, payment_status, metadata, client_reference_id), and a shop whose
/// endpoint runs another API version must not lose its payments. docs/payments.md still tells to pin the endpoint's version.
/// </remarks>
public sealed partial class StripeWebhook(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    OrderHandler orders,
    OutboxWriter outbox,
    IOptions<PaymentsOptions> options,
    TimeProvider time,
    ILogger<StripeWebhook> logger)
{
    public const long ToleranceSeconds = 300;

    public async Task<WebhookResult> HandleAsync(string body, string? signature, CancellationToken cancellationToken)
    {
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(
                body, signature ?? "", options.Value.Stripe.WebhookSecret!, ToleranceSeconds, time.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.Rejected(logger, e.Message);
            return new(WebhookOutcome.Rejected, e.Message);
        }

        if (stripeEvent.Data?.Object is not Session session || Target(stripeEvent.Type, session) is not { } target)
        {
            return new(WebhookOutcome.Ignored, $"{stripeEvent.Type} is not applied to orders");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PaymentEvents.AnyAsync(e => e.Id == stripeEvent.Id, cancellationToken))
        {
            return new(WebhookOutcome.Replayed, $"event {stripeEvent.Id} was applied before");
        }

        var link = await db.PaymentLinks.FirstOrDefaultAsync(l => l.SessionId == session.Id, cancellationToken);
        var orderId = link?.OrderId ?? (session.Metadata?.TryGetValue("order_id", out var id) == true ? id : session.ClientReferenceId);
        var order = orderId is null || !OrderIdentity.LooksLikeId(orderId) ? null : await orders.GetOrderAsync(orderId, cancellationToken);
        if (link is null || order?.Payment is null)
        {
            Log.Unknown(logger, stripeEvent.Id, stripeEvent.Type, session.Id);
            return new(WebhookOutcome.Ignored, $"no order has the session {session.Id}");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (target is PaymentLinkState.Paid or PaymentLinkState.Failed)
        {
            var state = target == PaymentLinkState.Paid ? PaymentState.Paid : PaymentState.Failed;
            // A payment already recorded (a second event for it) is not recorded again, so the order gets one event.
            if (order.Payment.State != state && order.Payment.State != PaymentState.Paid)
            {
                await orders.RecordPaymentAsync(order.Id, state, session.Id, cancellationToken: cancellationToken);
            }
        }

        if (link.State == PaymentLinkState.Open || (link.State != PaymentLinkState.Paid && target == PaymentLinkState.Paid))
        {
            link.State = target;
            link.UpdatedAt = now;
        }

        // The customer's news (paid, a new link, or that it failed) goes through the outbox, committed with the event's record.
        var news = target switch
        {
            PaymentLinkState.Paid when order.Payment.State != PaymentState.Paid => PaymentLinkDeliverer.PaymentReceived,
            PaymentLinkState.Expired when order.Payment.State == PaymentState.Pending => PaymentLinkDeliverer.LinkExpired,
            PaymentLinkState.Failed => PaymentLinkDeliverer.PaymentFailed,
            _ => null,
        };
        if (news is not null)
        {
            outbox.Add(db, PaymentLinkDeliverer.OutboxDestination, order.Id, order.Version, news, _ => new PaymentLinkEvent(link.Attempt, session.Id));
        }

        db.PaymentEvents.Add(new PaymentEvent { Id = stripeEvent.Id, Type = stripeEvent.Type, OrderId = order.Id, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (IsRecorded(stripeEvent.Id))
        {
            return new(WebhookOutcome.Replayed, $"event {stripeEvent.Id} was applied at the same time");
        }

        if (news is not null)
        {
            outbox.Committed();
        }

        Log.Applied(logger, stripeEvent.Id, stripeEvent.Type, order.Number);
        return new(WebhookOutcome.Applied, $"{stripeEvent.Type} applied to order {order.Number}");
    }

    /// <summary>What an event makes of the link; null for events that change nothing (a completed session still unpaid).</summary>
    private static PaymentLinkState? Target(string type, Session session) => type switch
    {
        EventTypes.CheckoutSessionCompleted when session.PaymentStatus == "paid" => PaymentLinkState.Paid,
        EventTypes.CheckoutSessionAsyncPaymentSucceeded => PaymentLinkState.Paid,
        EventTypes.CheckoutSessionAsyncPaymentFailed => PaymentLinkState.Failed,
        EventTypes.CheckoutSessionExpired => PaymentLinkState.Expired,
        _ => null,
    };

    /// <summary>Whether a concurrent delivery of the same event recorded it first (the unique key refused ours).</summary>
    private bool IsRecorded(string eventId)
    {
        using var db = dbFactory.CreateDbContext();
        return db.PaymentEvents.Any(e => e.Id == eventId);
    }

    private static partial class Log
    {
        [LoggerMessage(7111, LogLevel.Warning, "Refused a Stripe webhook: {Reason}")]
        public static partial void Rejected(ILogger logger, string reason);

        [LoggerMessage(7112, LogLevel.Warning, "Stripe event {EventId} ({Type}) names session {SessionId}, which no order has; nothing was changed")]
        public static partial void Unknown(ILogger logger, string eventId, string type, string sessionId);

        [LoggerMessage(7113, LogLevel.Information, "Stripe event {EventId} ({Type}) applied to order {Number}")]
        public static partial void Applied(ILogger logger, string eventId, string type, string number);
    }
}
