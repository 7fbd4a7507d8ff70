using OrderBot.Shop;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Shop;

public sealed class ShopFileErrorTests
{
    [Theory]
    [InlineData("pizzeria.json")]
    [InlineData("burger-bar.json")]
    [InlineData("taqueria-es.json")]
    [InlineData("lanchonete-pt.json")]
    public void Every_sample_shop_loads(string file) =>
        Assert.True(ShopLoader.LoadFile(RepositoryFiles.PathOf("samples", "shops", file)).IsConfigured);

    [Fact]
    public void Every_broken_rule_is_one_line_with_its_json_path()
    {
        var error = Assert.Throws<ShopValidationException>(() => ShopLoader.Parse("""
            {
              "name": "",
              "timeZone": "Mars/Olympus",
              "openingHours": {"funday": ["25:99-10:00"], "monday": ["10:00-14:00", "13:00-15:00"]},
              "exceptions": [{"date": "2026-02-30", "hours": []}],
              "fulfilment": ["pickup", "delivery"],
              "deliveryZones": [{"id": "a", "radiusKm": 3, "fee": -1, "minimumOrder": 0}],
              "payment": [],
              "tax": {"included": false, "rate": 150},
              "tips": [0]
            }
            """, "broken.json"));
        string[] expected =
        [
            "$.name:", "$.timeZone:", "$.openingHours.funday:", "$.openingHours.funday[0]:", "$.openingHours.monday[1]:",
            "$.exceptions[0].date:", "$.deliveryZones[0].radiusKm:", "$.deliveryZones[0].fee:", "$.payment:", "$.tax.rate:", "$.tips[0]:",
        ];
        Assert.All(expected, path => Assert.Contains(error.Problems, p => p.StartsWith(path, StringComparison.Ordinal)));
        Assert.Equal(expected.Length, error.Problems.Count);
    }

    [Fact]
    public void An_unknown_field_or_a_wrong_type_is_reported_with_its_path()
    {
        var error = Assert.Throws<ShopValidationException>(() => ShopLoader.Parse("""
            {"name": "X", "timeZone": "UTC", "fulfillment": ["pickup"], "preparationMinutes": "ten", "payment": ["bitcoin"]}
            """, "typos.json"));
        Assert.Contains(error.Problems, p => p.StartsWith("$.fulfillment: unknown field", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("$.preparationMinutes: must be a whole number", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("$.payment[0]: must be one of cash, card, online", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_names_the_setting()
    {
        var error = Assert.Throws<ShopValidationException>(() => ShopLoader.LoadFile("no/such/shop.json"));
        Assert.Contains("Shop:Path", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_shop_is_found_next_to_a_menu_by_name_and_only_when_it_exists()
    {
        Assert.Equal(RepositoryFiles.PathOf("samples", "shops", "pizzeria.json"), ShopOptions.NextToMenu(RepositoryFiles.PathOf("samples", "menus", "pizzeria.json")));
        Assert.Null(ShopOptions.NextToMenu(RepositoryFiles.PathOf("samples", "menus", "taqueria.json")));
    }
}
