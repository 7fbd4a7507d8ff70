using OrderBot.Live;
using OrderBot.Orders;

namespace OrderBot.Server.Api;

/// <summary>
/// The board's live feed: each committed change is read once (its CRM sync state, one query) and the same
/// view goes to every subscriber, so a thousand open boards cost what one does.
/// </summary>
public sealed partial class OrderBoardFeed(OrderFeed feed, OrderViews views, ILogger<OrderBoardFeed> logger) : BackgroundService
{
    private readonly Broadcast<OrderDto> _views = new();

    public IAsyncEnumerable<OrderDto> SubscribeAsync(CancellationToken cancellationToken) => _views.SubscribeAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var order in feed.SubscribeAsync(stoppingToken))
        {
            if (_views.SubscriberCount == 0)
            {
                continue;
            }

            try
            {
                _views.Publish(await views.ViewAsync(order, stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The boards miss this change and show it when they reload; the feed itself goes on.
                LogViewFailed(logger, order.Id, e);
            }
        }
    }

    [LoggerMessage(3301, LogLevel.Warning, "Order {OrderId} changed but could not be read for the live board")]
    private static partial void LogViewFailed(ILogger logger, string orderId, Exception exception);
}
