using OrderBot.Orders;

namespace OrderBot.Chat.Dialogue;

/// <summary>Which fulfilment question the bot asked last, so a short answer ("NW1 8AB", "8", "yes") is read as its answer.</summary>
public enum FulfilmentStep
{
    Mode,
    Address,

    /// <summary>A typed address without a postcode that no zone covers by itself.</summary>
    Postcode,

    Time,

    /// <summary>"We're closed; shall I schedule it for …?": "yes" takes <see cref="FulfilmentDraft.Offered"/>.</summary>
    Schedule,

    Payment,
    Tip,
}

/// <summary>
/// Pickup or delivery, address or pin, time, payment and tip as the customer gave them, kept in the dialogue memory until
/// the order is placed. Times are the shop's wall clock. Zone, fee and estimate are not kept: they follow from the shop.
/// </summary>
public sealed record FulfilmentDraft
{
    public FulfilmentMode? Mode { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>True: as soon as possible; false: <see cref="At"/>; null: not said yet.</summary>
    public bool? Asap { get; init; }

    public DateTime? At { get; init; }
    public PaymentMethod? Payment { get; init; }
    public decimal? TipPercent { get; init; }

    /// <summary>The question open now, if any.</summary>
    public FulfilmentStep? Asked { get; init; }

    /// <summary>The opening time offered after "we're closed".</summary>
    public DateTime? Offered { get; init; }

    public bool HasPlace => !string.IsNullOrWhiteSpace(Address) || Latitude is not null;
}
