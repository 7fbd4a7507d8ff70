using System.Threading.RateLimiting;

namespace OrderBot.Server.Api;

/// <summary>Fixed one-minute windows per key, the shape every per-address and per-session limit here takes.</summary>
public static class PerMinuteLimits
{
    public static PartitionedRateLimiter<TResource> Create<TResource>(Func<TResource, string> key, int permits) =>
        PartitionedRateLimiter.Create<TResource, string>(resource => RateLimitPartition.GetFixedWindowLimiter(key(resource),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
}
