using OrderBot.Orders;

namespace OrderBot.Shop;

/// <summary>The shop file as written (samples/shops/*.json); see docs/shop.md. Checked by <see cref="ShopValidator"/>.</summary>
public sealed record ShopDefinition
{
    public required string Name { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }

    /// <summary>The shop's position, needed by zones with a radius.</summary>
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>IANA time zone ("Europe/Lisbon"); opening hours and requested times are in it.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Weekday name ("monday") to intervals "HH:mm-HH:mm"; an interval ending at or before its start runs past midnight. A missing day is closed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> OpeningHours { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Dates whose hours differ from the week's (holidays: no hours, closed).</summary>
    public IReadOnlyList<ShopDateHours> Exceptions { get; init; } = [];

    public IReadOnlyList<FulfilmentMode> Fulfilment { get; init; } = [FulfilmentMode.Pickup];

    /// <summary>Minutes from order to ready.</summary>
    public int PreparationMinutes { get; init; } = 15;

    public IReadOnlyList<ShopDeliveryZone> DeliveryZones { get; init; } = [];
    public IReadOnlyList<PaymentMethod> Payment { get; init; } = [PaymentMethod.Cash];
    public ShopTax Tax { get; init; } = new();

    /// <summary>Tip choices offered, as percentages of the subtotal.</summary>
    public IReadOnlyList<decimal> Tips { get; init; } = [];

    /// <summary>How far ahead a customer may schedule an order.</summary>
    public int MaxDaysAhead { get; init; } = 7;
}

/// <summary>Hours for one date that replace its weekday's: a holiday, a late night.</summary>
public sealed record ShopDateHours
{
    /// <summary>"2026-12-25".</summary>
    public required string Date { get; init; }

    /// <summary>Intervals like the weekdays'; empty: closed all day.</summary>
    public IReadOnlyList<string> Hours { get; init; } = [];
    public string? Note { get; init; }
}

/// <summary>An area the shop delivers to: a list of postcodes, a radius around the shop, or both.</summary>
public sealed record ShopDeliveryZone
{
    public required string Id { get; init; }
    public IReadOnlyList<string> Postcodes { get; init; } = [];
    public double? RadiusKm { get; init; }
    public decimal Fee { get; init; }
    public decimal MinimumOrder { get; init; }
    public int DeliveryMinutes { get; init; } = 30;
}

/// <summary>Tax: either included in the menu's prices (shown, not added) or a rate added on top of items and delivery fee.</summary>
public sealed record ShopTax
{
    public bool Included { get; init; } = true;

    /// <summary>Percent, e.g. 8.875.</summary>
    public decimal Rate { get; init; }
}
