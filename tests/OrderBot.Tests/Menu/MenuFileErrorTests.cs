using OrderBot.Menus;

namespace OrderBot.Tests.MenuFile;

/// <summary>A broken menu file is reported as a shop owner can fix it: every problem at once, each with its JSON path (issue 16, point 9).</summary>
public sealed class MenuFileErrorTests
{
    [Fact]
    public void Every_unknown_field_missing_field_and_wrong_type_is_listed_with_its_path()
    {
        const string json = """
        {
          "name": "Cafe", "currency": "EUR", "colour": "blue",
          "items": [
            { "id": "latte", "name": "latte", "price": "3.20", "sizez": ["small"] },
            { "id": "tea", "price": 2 }
          ]
        }
        """;

        var error = Assert.Throws<MenuValidationException>(() => MenuLoader.Parse(json, "cafe.json"));

        Assert.Equal(
        [
            "$.colour: unknown field; the fields here are name, currency, languages, minorUnits, maxQuantity, sizes, qualifiers, optionGroups, items",
            "$.items[0].price: must be a number",
            "$.items[0].sizez: unknown field; the fields here are id, name, aliases, names, category, price, sizes, sizePrices, optionGroups, defaults, defaultSize, description, tags, allergens",
            "$.items[1].name: missing; it is required",
        ], error.Problems);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_names_its_line_and_column()
    {
        var error = Assert.Throws<MenuValidationException>(() => MenuLoader.Parse("{\n  \"name\": \"Cafe\",\n  \"currency\": EUR\n}", "cafe.json"));

        Assert.StartsWith("line 3, column 15: not valid JSON", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_outside_the_enum_lists_the_allowed_values()
    {
        const string json = """
        { "name": "Cafe", "currency": "EUR", "items": [],
          "optionGroups": [ { "id": "milk", "name": "Milk", "kind": "pick-one", "options": [] } ] }
        """;

        var error = Assert.Throws<MenuValidationException>(() => MenuLoader.Parse(json, "cafe.json"));

        Assert.Equal("$.optionGroups[0].kind: must be one of addon, choice", Assert.Single(error.Problems));
    }
}
