using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OrderBot.Server.Api;

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
            PerMinuteLimits.Create<HttpContext>(context => WebChatEndpoints.SessionOf(context.Request), o.MessagesPerMinute),
            PerMinuteLimits.Create<HttpContext>(context => context.Connection.RemoteIpAddress?.ToString() ?? "unknown", o.MessagesPerMinutePerAddress),
            PerMinuteLimits.Create<HttpContext>(_ => "all", o.MessagesPerMinuteTotal));
    }

    public RateLimitLease Acquire(HttpContext context) => _limiter.AttemptAcquire(context);

    public void Dispose() => _limiter.Dispose();
}
