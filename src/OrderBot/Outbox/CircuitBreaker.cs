namespace OrderBot.Outbox;

/// <summary>
/// Stops claiming a destination's events after <c>threshold</c> transient failures in a row, for
/// <c>breakDuration</c>; then lets one event through (half-open) and closes on its success or opens again
/// on its failure. A receiver's request to wait (Retry-After) pauses it the same way without counting as a failure.
/// </summary>
/// <remarks>Not Polly's breaker: ours decides what to claim from the database, not whether to send a request already made.</remarks>
internal sealed class CircuitBreaker(int threshold, TimeSpan breakDuration, TimeProvider time)
{
    private readonly Lock _lock = new();
    private int _failures;
    private DateTimeOffset _closedAt = DateTimeOffset.MinValue;

    /// <summary>When claiming may resume, or null when it may now.</summary>
    public DateTimeOffset? BlockedUntil
    {
        get
        {
            lock (_lock)
            {
                return time.GetUtcNow() < _closedAt ? _closedAt : null;
            }
        }
    }

    /// <summary>How many events may be claimed now: none while open, one while half-open, else <paramref name="batchSize"/>.</summary>
    public int Allowance(int batchSize)
    {
        lock (_lock)
        {
            if (time.GetUtcNow() < _closedAt)
            {
                return 0;
            }

            return _failures >= threshold ? 1 : batchSize;
        }
    }

    public void RecordSuccess()
    {
        lock (_lock)
        {
            _failures = 0;
        }
    }

    /// <returns>True when this failure opened the circuit.</returns>
    public bool RecordFailure()
    {
        lock (_lock)
        {
            _failures++;
            if (_failures < threshold)
            {
                return false;
            }

            _closedAt = Later(_closedAt, time.GetUtcNow() + breakDuration);
            return true;
        }
    }

    public void PauseFor(TimeSpan wait)
    {
        lock (_lock)
        {
            _closedAt = Later(_closedAt, time.GetUtcNow() + wait);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
