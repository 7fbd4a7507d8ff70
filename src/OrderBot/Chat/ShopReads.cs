using OrderBot.Orders;
using OrderBot.Stock;

namespace OrderBot.Chat;

/// <summary>
/// The shop-wide facts a conversation reads (the kitchen's queue, the sold-out marks), read once for a group of
/// messages handled together rather than once per message. A group lasts milliseconds, and both are checked again
/// when an order is placed, so a mark or an order of the last milliseconds is not missed where it matters.
/// </summary>
public sealed class ShopReads(OrderHandler orders, StockList? stock)
{
    private Task<int>? _queuedOrders;
    private Task<SoldOutIds>? _soldOut;

    /// <summary>Orders confirmed or being prepared.</summary>
    public Task<int> QueuedOrdersAsync(CancellationToken cancellationToken) => _queuedOrders ??= orders.QueuedOrdersAsync(cancellationToken);

    /// <summary>The sold-out marks; none without a stock list.</summary>
    public Task<SoldOutIds> SoldOutAsync(CancellationToken cancellationToken) =>
        _soldOut ??= stock is null ? Task.FromResult(SoldOutIds.None) : stock.SoldOutIdsAsync(cancellationToken);
}
