using System.Globalization;

namespace OrderBot.Shop;

/// <summary>One opening interval of a day, from <see cref="Start"/> to <see cref="End"/> after that day's midnight; an End past 24:00 runs into the next day.</summary>
public readonly record struct HoursInterval(TimeSpan Start, TimeSpan End)
{
    /// <summary>Reads "HH:mm-HH:mm"; an end at or before the start (18:00-01:00, 18:00-00:00) belongs to the next day.</summary>
    public static bool TryParse(string? text, out HoursInterval interval)
    {
        interval = default;
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not [var from, var to] || !TryTime(from, out var start) || start == TimeSpan.FromHours(24) || !TryTime(to, out var end))
        {
            return false;
        }

        interval = new HoursInterval(start, end <= start ? end + TimeSpan.FromDays(1) : end);
        return true;
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        time = default;
        if (text == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return false;
        }

        time = t.ToTimeSpan();
        return true;
    }
}

/// <summary>
/// When a shop is open: weekly intervals plus dated exceptions, in the shop's time zone. An interval that runs past midnight
/// belongs to the day it starts on, so Friday's 18:00-01:00 opens Saturday's first hour and a Saturday holiday does not close it.
/// Times are compared on the shop's wall clock.
/// </summary>
public sealed class OpeningHours(
    TimeZoneInfo timeZone,
    IReadOnlyDictionary<DayOfWeek, IReadOnlyList<HoursInterval>> week,
    IReadOnlyDictionary<DateOnly, IReadOnlyList<HoursInterval>> exceptions)
{
    /// <summary>Never closed: the behaviour without a shop file.</summary>
    public static readonly OpeningHours Always = new(
        TimeZoneInfo.Utc,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<HoursInterval>)[new HoursInterval(TimeSpan.Zero, TimeSpan.FromDays(1))]),
        new Dictionary<DateOnly, IReadOnlyList<HoursInterval>>());

    // Far enough for a shop closed for a long holiday; the search stops with null beyond it.
    private const int SearchDays = 400;

    public TimeZoneInfo TimeZone => timeZone;

    /// <summary>The intervals of one local date: its exception if it has one, else its weekday's.</summary>
    public IReadOnlyList<HoursInterval> On(DateOnly date) =>
        exceptions.TryGetValue(date, out var special) ? special : week.GetValueOrDefault(date.DayOfWeek) ?? [];

    /// <summary>The shop's wall-clock time at <paramref name="instant"/>.</summary>
    public DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, timeZone).DateTime;

    public bool IsOpenAt(DateTimeOffset instant)
    {
        var local = LocalTime(instant);
        var today = DateOnly.FromDateTime(local);
        return Contains(today, local) || Contains(today.AddDays(-1), local);
    }

    /// <summary>The first moment at or after <paramref name="instant"/> when the shop is open; null when it does not open within a year.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset instant)
    {
        if (IsOpenAt(instant))
        {
            return instant;
        }

        var local = LocalTime(instant);
        var today = DateOnly.FromDateTime(local);
        for (var day = 0; day < SearchDays; day++)
        {
            var date = today.AddDays(day);
            foreach (var interval in On(date).OrderBy(i => i.Start))
            {
                var start = date.ToDateTime(TimeOnly.MinValue) + interval.Start;
                if (start > local)
                {
                    return ToInstant(start);
                }
            }
        }

        return null;
    }

    /// <summary>Whether a customer may ask for <paramref name="requested"/>: not in the past, not too far ahead, and while the shop is open.</summary>
    public RequestedTimeVerdict Check(DateTimeOffset requested, DateTimeOffset now, int maxDaysAhead) =>
        requested < now ? RequestedTimeVerdict.InThePast
        : requested > now.AddDays(maxDaysAhead) ? RequestedTimeVerdict.TooFarAhead
        : IsOpenAt(requested) ? RequestedTimeVerdict.Allowed
        : RequestedTimeVerdict.Closed;

    private bool Contains(DateOnly date, DateTime local)
    {
        var sinceMidnight = local - date.ToDateTime(TimeOnly.MinValue);
        return On(date).Any(i => sinceMidnight >= i.Start && sinceMidnight < i.End);
    }

    /// <summary>The instant of the shop's wall-clock time <paramref name="local"/>.</summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        // A time inside a daylight-saving gap does not exist on the wall clock; it is taken as the first quarter hour after the jump.
        while (timeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), timeZone), TimeSpan.Zero);
    }
}

public enum RequestedTimeVerdict
{
    Allowed,
    InThePast,
    TooFarAhead,
    Closed,
}
