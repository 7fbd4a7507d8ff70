using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace OrderBot.Orders;

/// <summary>
/// Committed order changes of this process, for live views such as the staff board. A slow reader
/// loses its oldest unread changes rather than holding anyone up; views reload the board on reconnect.
/// </summary>
public sealed class OrderFeed
{
    private readonly ConcurrentDictionary<Channel<OrderDetails>, bool> _subscribers = new();

    public void Publish(OrderDetails order)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Writer.TryWrite(order);
        }
    }

    public async IAsyncEnumerable<OrderDetails> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<OrderDetails>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[channel] = true;
        try
        {
            await foreach (var order in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return order;
            }
        }
        finally
        {
            _subscribers.TryRemove(channel, out _);
        }
    }
}
