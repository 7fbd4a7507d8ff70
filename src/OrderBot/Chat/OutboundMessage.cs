using System.Text.Json;
using OrderBot.Orders;

namespace OrderBot.Chat;

/// <summary>Where a sent message is; it only moves forward (a late "delivered" never undoes a "read").</summary>
public enum OutboundState
{
    Pending,
    Sent,
    Delivered,
    Read,
    Failed,
}

/// <summary>Every message the bot sends a customer, with the channel's id for it and its delivery state.</summary>
public sealed class OutboundMessage
{
    public long Id { get; init; }
    public required string Channel { get; init; }
    public required string CustomerId { get; set; }

    /// <summary>The <see cref="OutgoingMessage"/> as JSON.</summary>
    public required string Payload { get; set; }

    /// <summary>
    /// What made it: the inbox message it answers, or what a message no customer asked for is about (unique for a status
    /// notice: <c>event:&lt;order&gt;:&lt;version&gt;</c>, the order change it announces).
    /// </summary>
    public string? Cause { get; init; }

    public OutboundState State { get; set; }
    public string? ProviderMessageId { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? Error { get; set; }
    public required DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>A message waiting to be sent, due now: the row every message to a customer starts as.</summary>
    public static OutboundMessage Pending(string channel, string customerId, OutgoingMessage message, string cause, DateTime now) => new()
    {
        Channel = channel,
        CustomerId = customerId,
        Payload = JsonSerializer.Serialize(message, OrderJson.Options),
        Cause = cause,
        State = OutboundState.Pending,
        CreatedAt = now,
        UpdatedAt = now,
        NextAttemptAt = now,
    };

    public static int Rank(OutboundState state) => state switch
    {
        OutboundState.Pending => 0,
        OutboundState.Sent => 1,
        OutboundState.Delivered => 2,
        OutboundState.Read => 3,
        _ => 4,
    };
}
