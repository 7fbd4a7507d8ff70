namespace OrderBot.Chat.Fulfilment;

/// <summary>
/// What one message says about how the order reaches the customer: each part is null when the message does not
/// say it. <see cref="Remaining"/> is the message with every recognised span cut out, for the order parser, so
/// "deliver to 12 Baker St at 7pm" never becomes 12 or 7 of something.
/// </summary>
internal sealed record FulfilmentMentions
{
    public MentionedMode? Mode { get; init; }

    public AddressMention? Address { get; init; }

    public TimeMention? Time { get; init; }

    public MentionedPayment? Payment { get; init; }

    public TipMention? Tip { get; init; }

    /// <summary>What was mentioned but cannot be used (an invalid clock, an address too long): the conversation asks again.</summary>
    public IReadOnlyList<FulfilmentProblem> Problems { get; init; } = [];

    /// <summary>The message without the recognised spans: the input itself when nothing was recognised, else a subsequence of it.</summary>
    public required string Remaining { get; init; }

    /// <summary>The recognised spans of the input, in order, as the customer wrote them.</summary>
    public IReadOnlyList<MentionSpan> Spans { get; init; } = [];

    /// <summary>The message said something about fulfilment (including something unusable).</summary>
    public bool Any => Spans.Count > 0;
}

internal enum MentionedMode
{
    Pickup,
    Delivery,
}

internal enum MentionedPayment
{
    Cash,
    Card,

    /// <summary>A payment link or an instant transfer (pix).</summary>
    Online,
}

internal enum FulfilmentProblem
{
    /// <summary>A clock time that does not exist ("25:99", "at 31").</summary>
    InvalidTime,

    /// <summary>An address longer than <see cref="FulfilmentReader.MaxAddressLength"/>: refused, not cut.</summary>
    AddressTooLong,
}

/// <summary>The address as written, with the postcode found in it (UK, US ZIP, Spain, Brazil CEP, Portugal) if any.</summary>
internal sealed record AddressMention(string Text, string? Postcode);

/// <summary>
/// When the customer wants the order. <see cref="At"/> is shop-local; for an hour said without am/pm ("at 7")
/// it is the next occurrence after now, and <see cref="Alternatives"/> holds every reading (19:00 today, 07:00
/// tomorrow), earliest first, so the conversation can keep the one inside opening hours.
/// </summary>
internal sealed record TimeMention(bool Asap, DateTime? At, IReadOnlyList<DateTime> Alternatives)
{
    public static TimeMention Soonest { get; } = new(true, null, []);

    /// <summary>The hour could be morning or evening.</summary>
    public bool AmbiguousHour => Alternatives.Count > 1;
}

/// <summary>A tip as a percentage of the order, or <see cref="None"/> for "no tip".</summary>
internal sealed record TipMention(decimal Percent)
{
    public static TipMention None { get; } = new(0m);
}

/// <summary>A recognised span: where it is in the message and what it was read as.</summary>
internal readonly record struct MentionSpan(int Start, int Length, MentionKind Kind);

internal enum MentionKind
{
    Mode,
    Address,
    Time,
    Payment,
    Tip,
}

/// <summary>The question the bot just asked, so the answer can be read as a whole ("Rua Augusta 100, apto 3" is the address).</summary>
internal enum FulfilmentQuestion
{
    Mode,
    Address,
    Time,
    Payment,
    Tip,
}
