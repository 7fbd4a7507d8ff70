using System.ComponentModel.DataAnnotations;

namespace OrderBot.Server.Staff;

/// <summary>The <c>Staff</c> configuration section: sign-in to the board.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>Wrong passwords in a row that lock an account (default 5).</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account refuses every sign-in (default 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without use (default 12 hours, renewed while the board is used).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed sign-ins and wrong API keys one address may make per minute; further attempts get 429 (default 10).</summary>
    [Range(1, 10_000)]
    public int FailedAttemptsPerMinute { get; set; } = 10;
}
