namespace OrderBot.Chat;

/// <summary>
/// One server's claim on one customer's conversation: while it holds the lease, only it handles that customer's
/// messages and sends their replies, so several servers on one database keep each customer's order and never
/// answer a message twice. A crashed server's leases run out and are taken over.
/// </summary>
public sealed class ChatLease
{
    public required string CustomerId { get; init; }
    public required string Owner { get; set; }
    public DateTime ExpiresAt { get; set; }
}
