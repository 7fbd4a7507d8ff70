namespace OrderBot.Chat;

/// <summary>
/// A received message, stored before the channel is answered and kept until the conversation has handled
/// it. Unique by (channel, message id), so a channel's retries and duplicates are recorded once.
/// </summary>
public sealed class ChatInboxMessage
{
    public long Id { get; init; }
    public required string Channel { get; init; }
    public required string MessageId { get; init; }
    public required string CustomerId { get; set; }
    public string? DisplayName { get; set; }
    public required DateTime SentAt { get; init; }
    public required DateTime ReceivedAt { get; init; }

    /// <summary>The <see cref="IncomingContent"/> as JSON: the customer's words until they are handled or erased.</summary>
    public required string Content { get; set; }

    /// <summary>Null while waiting; set in the transaction that saves the conversation's effects.</summary>
    public DateTime? ProcessedAt { get; set; }

    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? Error { get; set; }
}
