using System.ComponentModel.DataAnnotations;

namespace OrderBot.Storage;

/// <summary>The <c>Retention</c> configuration section: how often expired rows are removed. Each feature says which rows expire when.</summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Time between runs (default 1 h); the first run is at start-up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement (default 1,000).</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;
}
