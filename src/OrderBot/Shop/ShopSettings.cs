using System.Globalization;
using OrderBot.Orders;

namespace OrderBot.Shop;

/// <summary>
/// A loaded, checked shop file and its rules. <see cref="None"/> is the behaviour without a shop file: pickup only,
/// always open, no tax added, paid at the counter, nothing extra asked.
/// </summary>
public sealed class ShopSettings
{
    public static readonly ShopSettings None = new();

    private ShopSettings()
    {
        Definition = null;
        Hours = OpeningHours.Always;
        Zones = DeliveryZones.None;
    }

    public ShopSettings(ShopDefinition definition)
    {
        Definition = definition;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone);
        var week = new Dictionary<DayOfWeek, IReadOnlyList<HoursInterval>>();
        foreach (var (day, intervals) in definition.OpeningHours)
        {
            week[Enum.Parse<DayOfWeek>(day, ignoreCase: true)] = Intervals(intervals);
        }

        var exceptions = definition.Exceptions.ToDictionary(
            e => DateOnly.ParseExact(e.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), e => (IReadOnlyList<HoursInterval>)Intervals(e.Hours));
        Hours = new OpeningHours(zone, week, exceptions);
        Zones = new DeliveryZones(
            definition.DeliveryZones.Select(z => new DeliveryZone(
                z.Id, z.Postcodes.Select(DeliveryZones.NormalizePostcode).ToHashSet(), z.RadiusKm, z.Fee, z.MinimumOrder, z.DeliveryMinutes)).ToList(),
            definition.Latitude,
            definition.Longitude);
    }

    /// <summary>The file, or null without one.</summary>
    public ShopDefinition? Definition { get; }

    public bool IsConfigured => Definition is not null;
    public OpeningHours Hours { get; }
    public DeliveryZones Zones { get; }
    public IReadOnlyList<FulfilmentMode> Modes => Definition?.Fulfilment ?? [FulfilmentMode.Pickup];
    public IReadOnlyList<PaymentMethod> PaymentMethods => Definition?.Payment ?? [PaymentMethod.Cash, PaymentMethod.Card];
    public ShopTax Tax => Definition?.Tax ?? new ShopTax();
    public IReadOnlyList<decimal> Tips => Definition?.Tips ?? [];
    public TimeSpan Preparation => TimeSpan.FromMinutes(Definition?.PreparationMinutes ?? 0);
    public int MaxDaysAhead => Definition?.MaxDaysAhead ?? 7;

    private static List<HoursInterval> Intervals(IEnumerable<string> texts) =>
        texts.Select(t => HoursInterval.TryParse(t, out var i) ? i : throw new FormatException($"'{t}' is not HH:mm-HH:mm")).ToList();
}
