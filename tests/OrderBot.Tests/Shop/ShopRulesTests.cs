using OrderBot.Shop;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Shop;

public sealed class ShopRulesTests
{
    private static readonly ShopSettings Pizzeria = ShopLoader.LoadFile(RepositoryFiles.PathOf("samples", "shops", "pizzeria.json"));

    // 2026-12-04 is a Friday; New York is UTC-5 in December.
    private static DateTimeOffset NewYork(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(-5));

    [Theory]
    [InlineData(4, 12, 0, true)]   // Friday lunch
    [InlineData(4, 15, 0, false)]  // Friday between lunch and dinner (split hours)
    [InlineData(4, 23, 30, true)]  // Friday 17:00-01:00
    [InlineData(5, 0, 30, true)]   // Saturday 00:30 belongs to Friday's interval
    [InlineData(5, 1, 0, false)]   // the end is exclusive
    [InlineData(3, 23, 30, false)] // Thursday closes at 23:00
    [InlineData(25, 13, 0, false)] // Christmas: closed by exception
    public void The_shop_is_open_inside_its_intervals_including_the_part_past_midnight(int day, int hour, int minute, bool open) =>
        Assert.Equal(open, Pizzeria.Hours.IsOpenAt(NewYork(day, hour, minute)));

    [Fact]
    public void Past_midnight_hours_of_the_day_before_a_holiday_still_hold_on_the_holiday()
    {
        var shop = ShopLoader.Parse("""
            {"name": "Late", "timeZone": "Europe/Lisbon", "openingHours": {"friday": ["18:00-02:00"]}, "exceptions": [{"date": "2026-12-05", "hours": []}]}
            """, "late");
        Assert.True(shop.Hours.IsOpenAt(new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero)));
        Assert.False(shop.Hours.IsOpenAt(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_next_opening_skips_a_closed_holiday_and_is_the_instant_itself_while_open()
    {
        Assert.Equal(NewYork(4, 17), Pizzeria.Hours.NextOpening(NewYork(4, 15)));
        Assert.Equal(NewYork(26, 12), Pizzeria.Hours.NextOpening(NewYork(25, 9)));
        Assert.Equal(NewYork(4, 12), Pizzeria.Hours.NextOpening(NewYork(4, 12)));
    }

    [Fact]
    public void A_requested_time_must_be_ahead_open_and_not_too_far()
    {
        var now = NewYork(4, 12);
        Assert.Equal(RequestedTimeVerdict.Allowed, Pizzeria.Hours.Check(NewYork(4, 19), now, 7));
        Assert.Equal(RequestedTimeVerdict.InThePast, Pizzeria.Hours.Check(NewYork(4, 11), now, 7));
        Assert.Equal(RequestedTimeVerdict.Closed, Pizzeria.Hours.Check(NewYork(4, 16), now, 7));
        Assert.Equal(RequestedTimeVerdict.TooFarAhead, Pizzeria.Hours.Check(NewYork(14, 12), now, 7));
    }

    [Theory]
    [InlineData("10119", "midtown")]
    [InlineData(" 10 119 ", "midtown")]
    [InlineData("90210", null)]
    public void A_postcode_is_matched_to_its_zone_whatever_its_spacing(string postcode, string? zone) =>
        Assert.Equal(zone, Pizzeria.Zones.ForPostcode(postcode)?.Id);

    [Fact]
    public void A_postcode_inside_an_address_finds_its_zone_even_when_written_in_two_words()
    {
        var burger = ShopLoader.LoadFile(RepositoryFiles.PathOf("samples", "shops", "burger-bar.json"));
        Assert.Equal("camden", burger.Zones.ForAddress("Flat 2, 10 Parkway, London nw1 7je")?.Id);
        Assert.Null(burger.Zones.ForAddress("10 Downing St, London SW1A 2AA"));
    }

    [Fact]
    public void Coordinates_are_in_a_radius_zone_by_great_circle_distance()
    {
        // Times Square is about 1 km from the shop, Brooklyn Bridge about 5.5 km.
        Assert.Equal("nearby", Pizzeria.Zones.ForCoordinates(40.7580, -73.9855)?.Id);
        Assert.Null(Pizzeria.Zones.ForCoordinates(40.7061, -73.9969));
        Assert.InRange(DeliveryZones.DistanceKm(51.5007, -0.1246, 48.8584, 2.2945), 339, 342); // Big Ben to the Eiffel Tower
    }

    [Fact]
    public void Added_tax_applies_to_items_and_fee_and_included_tax_is_shown_but_not_added()
    {
        var added = OrderPricing.Price(20m, 2.5m, new ShopTax { Included = false, Rate = 10 }, OrderPricing.Tip(20m, 15, 2), 2);
        Assert.Equal(new OrderPrice(20m, 2.5m, 2.25m, 3m, 27.75m), added);
        var included = OrderPricing.Price(22m, 0m, new ShopTax { Included = true, Rate = 10 }, 0, 2);
        Assert.Equal(new OrderPrice(22m, 0m, 2m, 0m, 22m), included);
    }

    [Fact]
    public void Without_a_shop_file_the_shop_is_always_open_pickup_only_and_adds_nothing()
    {
        Assert.True(ShopSettings.None.Hours.IsOpenAt(new DateTimeOffset(2026, 12, 25, 3, 0, 0, TimeSpan.Zero)));
        Assert.Equal([OrderBot.Orders.FulfilmentMode.Pickup], ShopSettings.None.Modes);
        Assert.Equal(new OrderPrice(9.5m, 0, 0, 0, 9.5m), OrderPricing.ItemsOnly(9.5m));
    }
}
