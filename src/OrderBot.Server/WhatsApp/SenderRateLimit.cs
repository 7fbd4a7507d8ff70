using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OrderBot.Chat;

namespace OrderBot.Server.WhatsApp;

/// <summary>
/// A fixed window per WhatsApp sender. One delivery can carry many senders, so the limit is applied per
/// message rather than per HTTP request; a flood from one number cannot crowd out everyone else's orders.
/// </summary>
public sealed class SenderRateLimit(IOptions<WhatsAppOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(sender =>
        RateLimitPartition.GetFixedWindowLimiter(sender, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.MessagesPerSenderPerMinute,
            Window = TimeSpan.FromMinutes(1),
        }));

    /// <summary>The messages within their senders' limits; the rest are left out.</summary>
    public IReadOnlyList<IncomingMessage> Admit(IReadOnlyList<IncomingMessage> messages)
    {
        var admitted = new List<IncomingMessage>(messages.Count);
        foreach (var message in messages)
        {
            using var lease = _limiter.AttemptAcquire(message.CustomerId);
            if (lease.IsAcquired)
            {
                admitted.Add(message);
            }
        }

        return admitted;
    }

    public void Dispose() => _limiter.Dispose();
}
