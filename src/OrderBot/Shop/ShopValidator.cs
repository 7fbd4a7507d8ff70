using System.Globalization;
using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Shop;

/// <summary>The rules a shop file must follow, each broken rule reported with its JSON path.</summary>
internal static class ShopValidator
{
    public const int MaxTextLength = 500;

    public static List<string> Validate(ShopDefinition shop)
    {
        var problems = new List<string>();
        void Problem(string path, string text) => problems.Add($"{path}: {text}");
        void Text(string path, string? value, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                Problem(path, "must not be empty");
            }
            else if (value?.Length > MaxTextLength)
            {
                Problem(path, $"is longer than {MaxTextLength} characters");
            }
        }

        Text("$.name", shop.Name, required: true);
        Text("$.phone", shop.Phone, required: false);
        Text("$.address", shop.Address, required: false);
        if (shop.Latitude is { } lat && !Coordinates.IsLatitude(lat))
        {
            Problem("$.latitude", "must be between -90 and 90");
        }

        if (shop.Longitude is { } lon && !Coordinates.IsLongitude(lon))
        {
            Problem("$.longitude", "must be between -180 and 180");
        }

        if (shop.Latitude.HasValue != shop.Longitude.HasValue)
        {
            Problem("$.latitude", "latitude and longitude go together: give both or neither");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(shop.TimeZone ?? "", out _))
        {
            Problem("$.timeZone", $"'{shop.TimeZone}' is not an IANA time zone (like Europe/Lisbon or America/New_York)");
        }

        foreach (var (day, intervals) in shop.OpeningHours)
        {
            if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var weekday) || !Enum.IsDefined(weekday) || char.IsAsciiDigit(day.FirstOrDefault()))
            {
                Problem($"$.openingHours.{day}", "is not a weekday; use monday, tuesday, … sunday");
            }

            Intervals($"$.openingHours.{day}", intervals, Problem);
        }

        var dates = new HashSet<DateOnly>();
        for (var i = 0; i < shop.Exceptions.Count; i++)
        {
            var exception = shop.Exceptions[i];
            if (!DateOnly.TryParseExact(exception.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Problem($"$.exceptions[{i}].date", $"'{exception.Date}' is not a date like 2026-12-25");
            }
            else if (!dates.Add(date))
            {
                Problem($"$.exceptions[{i}].date", $"{exception.Date} has an exception already");
            }

            Intervals($"$.exceptions[{i}].hours", exception.Hours, Problem);
            Text($"$.exceptions[{i}].note", exception.Note, required: false);
        }

        if (shop.Fulfilment.Count == 0)
        {
            Problem("$.fulfilment", "must offer pickup, delivery or both");
        }

        Unique("$.fulfilment", shop.Fulfilment, Problem);
        if (shop.PreparationMinutes is < 0 or > 1440)
        {
            Problem("$.preparationMinutes", "must be between 0 and 1440");
        }

        var delivers = shop.Fulfilment.Contains(FulfilmentMode.Delivery);
        if (delivers && shop.DeliveryZones.Count == 0)
        {
            Problem("$.deliveryZones", "a shop that delivers needs at least one zone");
        }

        var zoneIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < shop.DeliveryZones.Count; i++)
        {
            var zone = shop.DeliveryZones[i];
            var path = $"$.deliveryZones[{i}]";
            Text($"{path}.id", zone.Id, required: true);
            if (!string.IsNullOrWhiteSpace(zone.Id) && !zoneIds.Add(zone.Id))
            {
                Problem($"{path}.id", $"'{zone.Id}' is used by another zone");
            }

            if (zone.Postcodes.Count == 0 && zone.RadiusKm is null)
            {
                Problem(path, "needs postcodes, a radiusKm or both");
            }

            for (var p = 0; p < zone.Postcodes.Count; p++)
            {
                if (DeliveryZones.NormalizePostcode(zone.Postcodes[p] ?? "") is { Length: 0 or > 16 })
                {
                    Problem($"{path}.postcodes[{p}]", $"'{zone.Postcodes[p]}' is not a postcode (1 to 16 letters and digits)");
                }
            }

            if (zone.RadiusKm is { } radius)
            {
                if (double.IsNaN(radius) || radius is <= 0 or > 500)
                {
                    Problem($"{path}.radiusKm", "must be more than 0 and at most 500");
                }

                if (shop.Latitude is null)
                {
                    Problem($"{path}.radiusKm", "a radius is measured from the shop: give the shop's latitude and longitude");
                }
            }

            Amount($"{path}.fee", zone.Fee, Problem);
            Amount($"{path}.minimumOrder", zone.MinimumOrder, Problem);
            if (zone.DeliveryMinutes is < 0 or > 1440)
            {
                Problem($"{path}.deliveryMinutes", "must be between 0 and 1440");
            }
        }

        if (shop.Payment.Count == 0)
        {
            Problem("$.payment", "must accept at least one of cash, card, online");
        }

        Unique("$.payment", shop.Payment, Problem);
        if (shop.Tax.Rate is < 0 or > 100)
        {
            Problem("$.tax.rate", "must be a percentage between 0 and 100");
        }

        for (var i = 0; i < shop.Tips.Count; i++)
        {
            if (shop.Tips[i] is <= 0 or > 100)
            {
                Problem($"$.tips[{i}]", "must be a percentage more than 0 and at most 100");
            }
        }

        Unique("$.tips", shop.Tips, Problem);
        if (shop.MaxDaysAhead is < 0 or > 365)
        {
            Problem("$.maxDaysAhead", "must be between 0 and 365");
        }

        return problems;
    }

    private static void Intervals(string path, IReadOnlyList<string> texts, Action<string, string> problem)
    {
        var parsed = new List<HoursInterval>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!HoursInterval.TryParse(texts[i], out var interval))
            {
                problem($"{path}[{i}]", $"'{texts[i]}' is not an interval like 11:30-14:30 (HH:mm-HH:mm, 24-hour clock)");
            }
            else if (parsed.FirstOrDefault(p => p.Start < interval.End && interval.Start < p.End) is { End.Ticks: > 0 } overlap)
            {
                problem($"{path}[{i}]", $"'{texts[i]}' overlaps {overlap.Start:hh\\:mm}-{overlap.End:hh\\:mm}");
            }
            else
            {
                parsed.Add(interval);
            }
        }
    }

    private static void Amount(string path, decimal amount, Action<string, string> problem)
    {
        if (amount is < 0 or > MenuValidator.MaxPrice)
        {
            problem(path, $"must be between 0 and {MenuValidator.MaxPrice}");
        }
    }

    private static void Unique<T>(string path, IReadOnlyList<T> values, Action<string, string> problem)
    {
        foreach (var repeated in values.GroupBy(v => v).Where(g => g.Count() > 1))
        {
            problem(path, $"{repeated.Key} is listed more than once");
        }
    }
}
