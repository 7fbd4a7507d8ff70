using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Shop;
using OrderBot.Storage;

namespace OrderBot.Payments;

/// <summary>What the conversation, the API and the board ask about online payment.</summary>
public interface IPaymentLinks
{
    /// <summary>Whether customers may be offered online payment: a provider is configured and the shop accepts <c>online</c>.</summary>
    bool OnlineAvailable { get; }

    /// <summary>
    /// Whether the kitchen should not see or move this order yet: an online order not paid while
    /// <see cref="PaymentsOptions.KitchenSeesUnpaidOnline"/> is false.
    /// </summary>
    bool AwaitingPayment(OrderDetails order);

    /// <summary>The latest payment link of each of these orders that has one.</summary>
    Task<IReadOnlyDictionary<string, PaymentLink>> LatestAsync(IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken);

    /// <summary>
    /// A customer asks for the link of an online order not paid yet: the open link when it is still valid; when it expired
    /// and <see cref="PaymentsOptions.MaxLinks"/> allows another, a new one is asked of the link maker (through the outbox,
    /// so it is sent like any other link); else none is left.
    /// </summary>
    Task<LinkAgain> AgainAsync(OrderDetails order, CancellationToken cancellationToken);
}

/// <summary>What a customer asking for the payment link again gets.</summary>
public abstract record LinkAgain
{
    /// <summary>The link still valid, to send again.</summary>
    public sealed record Open(PaymentLink Link, TimeSpan Left) : LinkAgain;

    /// <summary>A new link is on its way.</summary>
    public sealed record Renewing : LinkAgain;

    /// <summary>No link may be made any more (or the order has none to pay).</summary>
    public sealed record NoneLeft : LinkAgain;
}

public sealed class PaymentLinks(
    IOptions<PaymentsOptions> options,
    ShopSettings shop,
    IDbContextFactory<OrderBotDbContext> dbFactory,
    TimeProvider time,
    OutboxWriter outbox) : IPaymentLinks
{
    public bool OnlineAvailable => options.Value.IsConfigured && shop.PaymentMethods.Contains(PaymentMethod.Online);

    public bool AwaitingPayment(OrderDetails order) =>
        !options.Value.KitchenSeesUnpaidOnline
        && order.Payment is { Method: PaymentMethod.Online, State: not PaymentState.Paid }
        && order.Status != OrderStatus.Cancelled;

    public async Task<IReadOnlyDictionary<string, PaymentLink>> LatestAsync(IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken)
    {
        if (orderIds.Count == 0)
        {
            return new Dictionary<string, PaymentLink>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.PaymentLinks.AsNoTracking().Where(l => orderIds.Contains(l.OrderId)).ToListAsync(cancellationToken);
        return links.GroupBy(l => l.OrderId).ToDictionary(g => g.Key, g => g.MaxBy(l => l.Attempt)!);
    }

    public async Task<LinkAgain> AgainAsync(OrderDetails order, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!options.Value.IsConfigured || order.Payment is not { Method: PaymentMethod.Online, State: PaymentState.Pending } || order.Status == OrderStatus.Cancelled
            || (await LatestAsync([order.Id], cancellationToken)).GetValueOrDefault(order.Id) is not { } link)
        {
            return new LinkAgain.NoneLeft();
        }

        if (link.State == PaymentLinkState.Open && link.ExpiresAt > now)
        {
            return new LinkAgain.Open(link, link.ExpiresAt - now);
        }

        if (link.Attempt >= options.Value.MaxLinks)
        {
            return new LinkAgain.NoneLeft();
        }

        // The same news as Stripe's expiry event: the link maker makes the next attempt once (its key and the message's
        // cause are per attempt), so the webhook's own expiry event arriving later sends nothing twice.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        outbox.Add(db, PaymentLinkDeliverer.OutboxDestination, order.Id, order.Version, PaymentLinkDeliverer.LinkExpired, _ => new PaymentLinkEvent(link.Attempt, link.SessionId));
        await db.SaveChangesAsync(cancellationToken);
        outbox.Committed();
        return new LinkAgain.Renewing();
    }
}
