namespace OrderBot.Chat.Dialogue;

/// <summary>What the bot last asked, so a short answer ("yes", "large", "the second one") is read as its answer.</summary>
public enum Prompt
{
    None,

    /// <summary>The cart summary with Confirm: "yes", "ok" or 👍 place it.</summary>
    Confirm,

    /// <summary>"Which size?" for the cart's lines without one.</summary>
    Size,

    /// <summary>"Which one do you mean?" for an edit whose description fits several lines; <see cref="DialogueMemory.PendingEdit"/> holds it.</summary>
    WhichLine,

    /// <summary>"Did you mean X?" or "want me to add it?": "yes" adds <see cref="DialogueMemory.Offer"/>.</summary>
    Offer,

    /// <summary>The order was just placed: "yes"/"ok" restates it instead of saying there is nothing to confirm.</summary>
    Placed,

    /// <summary>A question about pickup or delivery, address, time, payment or tip; <see cref="FulfilmentDraft.Asked"/> says which.</summary>
    Fulfilment,
}

/// <summary>
/// The conversation's short-term memory beside the cart, saved with the state as one JSON column: the open
/// question, the edit waiting for "which one?", what was offered, and the order being amended.
/// </summary>
public sealed record DialogueMemory
{
    public Prompt Prompt { get; init; }

    /// <summary>The text of the last question, so the same question is never sent twice in a row.</summary>
    public string? LastQuestion { get; init; }

    /// <summary>How often "yes" came while sizes were missing; the second time a sensible size is chosen and shown.</summary>
    public int SizeNudges { get; init; }

    /// <summary>The customer's words of an edit that fitted several lines, read again with the chosen line.</summary>
    public string? PendingEdit { get; init; }

    /// <summary>Indexes of the lines the pending edit could mean, in the order the buttons list them.</summary>
    public IReadOnlyList<int> Choices { get; init; } = [];

    /// <summary>What "yes" adds after "Did you mean …?" or a question about an item: item id, size id (or empty) and quantity.</summary>
    public OfferedItem? Offer { get; init; }

    /// <summary>The line changed last: what "it" and "that" mean, and what "the other one" is the twin of.</summary>
    public int? LastLine { get; init; }

    /// <summary>What the last question asked about the offered item ("price", "contents", "dietary"), so "and a taco?" asks the same.</summary>
    public string? Topic { get; init; }

    /// <summary>Messages in a row the bot could not make sense of; the third hands the conversation to staff.</summary>
    public int Misunderstood { get; init; }

    /// <summary>The placed order the open cart changes ("add a coke to my order"); confirming amends it instead of placing a new one.</summary>
    public string? AmendsOrderId { get; init; }

    /// <summary>The language of the customer's last telling message (e.g. "en", "es", "pt").</summary>
    public string? Language { get; init; }

    /// <summary>What the customer said so far about pickup or delivery, address, time, payment and tip (with a shop file only).</summary>
    public FulfilmentDraft? Fulfilment { get; init; }
}

public sealed record OfferedItem(string ItemId, string? Size, int Quantity);
