using System.ComponentModel.DataAnnotations;

namespace OrderBot.Outbox;

/// <summary>The <c>Outbox</c> configuration section: how the dispatcher delivers events of every destination.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the dispatcher looks for due events without being nudged (default 5 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events claimed per destination and sweep (default 50).</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>How long delivered and skipped events are kept once a newer event of their order exists (default 30 days).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan KeepDeliveredFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Orders delivered at the same time (default 4); one order's events always go one after another.</summary>
    [Range(1, 64)]
    public int MaxParallelism { get; set; } = 4;

    /// <summary>Attempts before a transiently failing event is dead-lettered (default 12: with the default backoff the 11 waits add up to 35-70 minutes).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The wait after the first failure, doubled per failure, with jitter (default 2 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between attempts (default 4 h).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long one request to a receiver may take (default 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a claimed event is reserved for its dispatcher (default 2 min). Another instance takes it over
    /// after that, e.g. when the first one crashed; must exceed the time a whole delivery can take.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Transient failures in a row that open a destination's circuit (default 5).</summary>
    [Range(1, 1000)]
    public int BreakerThreshold { get; set; } = 5;

    /// <summary>How long an open circuit stays open before one event is let through (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
