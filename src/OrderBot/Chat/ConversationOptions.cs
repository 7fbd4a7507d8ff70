using System.ComponentModel.DataAnnotations;

namespace OrderBot.Chat;

/// <summary>The <c>Chat</c> configuration section: the conversation and the worker that runs it.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Chat";

    /// <summary>How long an unconfirmed cart is kept after its last change (default 2 h).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan CartLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Customers whose messages are handled at the same time (default 8); one customer's go one by one.</summary>
    [Range(1, 64)]
    public int MaxParallelism { get; set; } = 8;

    /// <summary>How often the worker looks for waiting messages and unsent replies without being woken (default 5 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts at handling one message, or sending one reply, before giving up on it (default 5).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after a failed attempt, doubled per further failure (default 2 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a server keeps a customer's conversation to itself after claiming or last renewing it (default 2 min);
    /// renewed before every message, so it only needs to outlast the handling of one message. A crashed server's
    /// customers wait this long before another server takes them over.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long handled messages and finished replies are kept (default 14 days). At least 7 days: a handled
    /// message's row is what makes WhatsApp's retries of it duplicates, and WhatsApp retries for up to 7 days.
    /// </summary>
    [Range(typeof(TimeSpan), "7.00:00:00", "3650.00:00:00")]
    public TimeSpan KeepHandledFor { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long the bot stays silent after handing a customer to staff (default 30 min) when no one hands the
    /// conversation back; then it answers again, so a customer is never left with no one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "2.00:00:00")]
    public TimeSpan HandoverTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// What "cancel" does once the kitchen has started an order (default <see cref="Chat.LateCancellation.Request"/>).
    /// Pending and confirmed orders are always cancelled at once.
    /// </summary>
    public LateCancellation LateCancellation { get; set; } = LateCancellation.Request;
}

public enum LateCancellation
{
    /// <summary>The order gets a cancel request, shown on the board, that staff accept (cancel) or refuse.</summary>
    Request,

    /// <summary>The customer is told it is too late and to contact the shop.</summary>
    Refuse,
}
