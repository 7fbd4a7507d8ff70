using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrderBot.Server.WebChat;

/// <summary>
/// Web chat messages are limited per session, per client address and in total: a new session per message
/// gets past the first, not the other two.
/// </summary>
public sealed class WebChatLimits : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public WebChatLimits(IOptions<WebChatOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            PerMinute(context => "session:" + WebChatEndpoints.SessionOf(context.Request), o.MessagesPerMinute),
            PerMinute(context => "address:" + context.Connection.RemoteIpAddress, o.MessagesPerMinutePerAddress),
            PerMinute(_ => "all", o.MessagesPerMinuteTotal));
    }

    public RateLimitLease Acquire(HttpContext context) => _limiter.AttemptAcquire(context);

    public void Dispose() => _limiter.Dispose();

    private static PartitionedRateLimiter<HttpContext> PerMinute(Func<HttpContext, string> key, int permits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(key(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
}
