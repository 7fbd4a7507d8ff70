using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using OrderBot.Chat;

namespace OrderBot.Server.WebChat;

/// <summary>
/// Replies waiting for each web chat session's page. They queue until the page reads them, so a reply
/// sent while the page reconnects is shown when it is back; a session nobody reads keeps only its latest 100.
/// </summary>
public sealed class WebChatHub
{
    private readonly ConcurrentDictionary<string, Channel<OutgoingMessage>> _sessions = new(StringComparer.Ordinal);

    public void Post(string customerId, OutgoingMessage message) => QueueOf(customerId).Writer.TryWrite(message);

    public async IAsyncEnumerable<OutgoingMessage> ReadAsync(string customerId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in QueueOf(customerId).Reader.ReadAllAsync(cancellationToken))
        {
            yield return message;
        }
    }

    private Channel<OutgoingMessage> QueueOf(string customerId) => _sessions.GetOrAdd(customerId, _ =>
        Channel.CreateBounded<OutgoingMessage>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false }));
}

/// <summary>The web page as a chat channel: replies and status notifications go to the session's queue.</summary>
public sealed class WebChatChannel(WebChatHub hub) : IChatChannel
{
    public const string ChannelName = "web";

    public string Name => ChannelName;

    public Task<SendResult> SendAsync(string customerId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        hub.Post(customerId, message);
        return Task.FromResult(SendResult.Ok(null));
    }
}
