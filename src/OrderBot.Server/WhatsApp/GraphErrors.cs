using OrderBot.Chat;

namespace OrderBot.Server.WhatsApp;

/// <summary>
/// What a Graph API error code means for a message (platforms-2026.md section 2), whether it came in the answer
/// to the send or later in a <c>failed</c> status webhook. Decisions go by <c>code</c>, never by title.
/// </summary>
public static class GraphErrors
{
    /// <summary>The customer's 24-hour window has closed: only an approved template may be sent.</summary>
    public const int ReEngagement = 131047;

    // Rate limits and "try again" answers; each proves the message was not accepted.
    private static readonly HashSet<int> Transient = [1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131049, 131056];

    // Token, permissions, blocked or locked account, billing, unregistered number, bad request, undeliverable
    // recipient, BSUID not supported: no retry can fix these.
    private static readonly HashSet<int> Permanent =
        [10, 100, 190, 368, 131005, 131008, 131009, 131026, 131030, 131031, 131042, 131051, 131053, 131062, 133010, 135000];

    /// <summary>The class of a known code; null for a code not in the table.</summary>
    public static DeliveryFailure? Classify(int? code) => code switch
    {
        null => null,
        ReEngagement => DeliveryFailure.WindowClosed,
        >= 200 and <= 299 or >= 132000 and <= 132999 => DeliveryFailure.Permanent,
        { } c when Permanent.Contains(c) => DeliveryFailure.Permanent,
        { } c when Transient.Contains(c) => DeliveryFailure.Transient,
        _ => null,
    };
}
