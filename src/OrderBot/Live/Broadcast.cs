using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace OrderBot.Live;

/// <summary>
/// Hands each published item to every current subscriber. A slow subscriber loses its oldest unread items
/// rather than holding anyone up (live views reload on reconnect).
/// </summary>
public class Broadcast<T>
{
    private readonly ConcurrentDictionary<Channel<T>, bool> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public void Publish(T item)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Writer.TryWrite(item);
        }
    }

    public async IAsyncEnumerable<T> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[channel] = true;
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            _subscribers.TryRemove(channel, out _);
        }
    }
}
