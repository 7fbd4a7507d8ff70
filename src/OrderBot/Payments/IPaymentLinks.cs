using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderBot.Orders;
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
}

public sealed class PaymentLinks(IOptions<PaymentsOptions> options, ShopSettings shop, IDbContextFactory<OrderBotDbContext> dbFactory) : IPaymentLinks
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
}
