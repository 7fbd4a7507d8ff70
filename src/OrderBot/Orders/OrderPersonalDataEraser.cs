using Microsoft.EntityFrameworkCore;
using OrderBot.Customers;
using OrderBot.Storage;

namespace OrderBot.Orders;

/// <summary>
/// Forgets a customer in their orders: the special instructions (free text, often a name, an address or a
/// phone number) are removed, and each idempotency fingerprint, a hash over the phone number that a guess
/// could confirm, is replaced. A retried request with the same key then gets "key reused", never a second order.
/// </summary>
internal sealed class OrderPersonalDataEraser : IPersonalDataEraser
{
    public const string ErasedFingerprint = "erased";

    public async Task EraseAsync(OrderBotDbContext db, string customerId, string anonymousId, CancellationToken cancellationToken)
    {
        var orders = db.Orders.Where(o => o.CustomerId == anonymousId);
        await orders.ExecuteUpdateAsync(o => o.SetProperty(x => x.SpecialInstructions, (string?)null), cancellationToken);
        await db.IdempotentOrderRequests.Where(r => orders.Any(o => o.Id == r.OrderId))
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Fingerprint, ErasedFingerprint), cancellationToken);
    }
}
