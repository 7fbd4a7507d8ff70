using OrderBot.Orders;

namespace OrderBot.Chat;

/// <summary>
/// What the bot remembers about one customer between messages: the open cart, the question it asked and
/// the last order it placed. Saved in the same transaction as the inbox message that changed it.
/// </summary>
public sealed class ConversationState
{
    public required string CustomerId { get; init; }

    /// <summary>The channel the customer last wrote from; replies and status notifications go there.</summary>
    public required string Channel { get; set; }

    public List<OrderLine> Cart { get; set; } = [];

    /// <summary>Identifies the open cart; it is the order's idempotency key, so a cart becomes at most one order.</summary>
    public string? CartId { get; set; }

    public string? SpecialInstructions { get; set; }

    /// <summary>When the cart last changed; it expires <see cref="ConversationOptions.CartLifetime"/> later.</summary>
    public DateTime? CartUpdatedAt { get; set; }

    /// <summary>The cart that became <see cref="LastOrderId"/>, so a second Confirm for it answers with the same order.</summary>
    public string? LastCartId { get; set; }

    public string? LastOrderId { get; set; }

    /// <summary>Set while a person has the conversation: the bot stays silent until staff hand it back or it times out.</summary>
    public DateTime? HandedOverAt { get; set; }

    /// <summary>Why the conversation was handed over ("asked for a person", "complaint", "misunderstood").</summary>
    public string? HandoverReason { get; set; }

    /// <summary>The open question and other short-term memory of the dialogue.</summary>
    public Dialogue.DialogueMemory Dialogue { get; set; } = new();

    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    public bool HasCart => Cart.Count > 0;

    public void StartCartIfNone(DateTime now)
    {
        CartId ??= Guid.CreateVersion7().ToString("N");
        CartUpdatedAt = now;
    }

    /// <summary>The bot answers again: staff handed the conversation back, or no one took it in time.</summary>
    public void HandBack()
    {
        HandedOverAt = null;
        HandoverReason = null;
        Dialogue = Dialogue with { Misunderstood = 0, Prompt = Chat.Dialogue.Prompt.None };
    }

    public void ClearCart()
    {
        Cart = [];
        CartId = null;
        CartUpdatedAt = null;
        SpecialInstructions = null;
        Dialogue = Dialogue with { AmendsOrderId = null, PendingEdit = null, Choices = [], SizeNudges = 0, Fulfilment = null };
    }
}
