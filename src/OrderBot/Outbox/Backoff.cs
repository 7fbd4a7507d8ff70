namespace OrderBot.Outbox;

/// <summary>Exponential backoff with jitter, so instances that failed together do not retry together.</summary>
internal static class Backoff
{
    /// <summary>
    /// The wait before attempt <paramref name="failedAttempts"/> + 1: <paramref name="first"/> doubled per
    /// failure up to <paramref name="max"/>, then scaled by a random factor in [0.5, 1].
    /// </summary>
    /// <param name="random01">A random number in [0, 1).</param>
    public static TimeSpan Delay(int failedAttempts, TimeSpan first, TimeSpan max, double random01)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var capped = Math.Min(max.Ticks, first.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(capped * (0.5 + (random01 / 2))));
    }
}
