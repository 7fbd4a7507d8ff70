using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OrderBot.Chat;

namespace OrderBot.Server.WebChat;

/// <summary>
/// Replies waiting for each web chat session's page. They queue until the page reads them, so a reply
/// sent while the page reconnects is shown when it is back; a session nobody reads keeps only its latest 100,
/// and is dropped once it has had no reader and no reply for <see cref="WebChatOptions.IdleSessionLifetime"/>.
/// </summary>
public sealed class WebChatHub : IDisposable
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _idleLifetime;
    private readonly ITimer _sweep;

    public WebChatHub(TimeProvider time, IOptions<WebChatOptions> options)
    {
        _time = time;
        _idleLifetime = options.Value.IdleSessionLifetime;
        var period = _idleLifetime < TimeSpan.FromMinutes(1) ? _idleLifetime : TimeSpan.FromMinutes(1);
        _sweep = time.CreateTimer(_ => EvictIdle(), null, period, period);
    }

    /// <summary>Sessions held in memory.</summary>
    public int Count => _sessions.Count;

    public void Post(string customerId, OutgoingMessage message) => SessionOf(customerId).Queue.Writer.TryWrite(message);

    public async IAsyncEnumerable<OutgoingMessage> ReadAsync(string customerId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var session = SessionOf(customerId);
        Interlocked.Increment(ref session.Readers);
        try
        {
            await foreach (var message in session.Queue.Reader.ReadAllAsync(cancellationToken))
            {
                yield return message;
            }
        }
        finally
        {
            Interlocked.Decrement(ref session.Readers);
            session.Touch(_time);
        }
    }

    private void EvictIdle()
    {
        var cutoff = _time.GetUtcNow() - _idleLifetime;
        foreach (var (customerId, session) in _sessions)
        {
            if (Volatile.Read(ref session.Readers) == 0 && session.LastUsed <= cutoff.UtcTicks)
            {
                _sessions.TryRemove(new KeyValuePair<string, Session>(customerId, session));
            }
        }
    }

    private Session SessionOf(string customerId)
    {
        var session = _sessions.GetOrAdd(customerId, _ => new Session());
        session.Touch(_time);
        return session;
    }

    public void Dispose() => _sweep.Dispose();

    private sealed class Session
    {
        public readonly Channel<OutgoingMessage> Queue =
            Channel.CreateBounded<OutgoingMessage>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false });

        public int Readers;
        private long _lastUsed;

        public long LastUsed => Interlocked.Read(ref _lastUsed);

        public void Touch(TimeProvider time) => Interlocked.Exchange(ref _lastUsed, time.GetUtcNow().UtcTicks);
    }
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
