using OrderBot.Extraction;
using OrderBot.Menus;
using Xunit;

// Not OrderBot.Tests.Menu: a namespace of that name would hide the type OrderBot.Menus.Menu from the other test namespaces.
namespace OrderBot.Tests.Menus;

public sealed class MenuLanguagesTests
{
    private static string Json(string languages, string sizeNames = "", string itemNames = "") =>
        $$"""
        { "name": "Test", "currency": "EUR"{{languages}},
          "sizes": [ { "id": "large", "name": "Large", "price": 1{{sizeNames}} } ],
          "items": [ { "id": "burger", "name": "Burger", "price": 5, "sizes": ["large"]{{itemNames}} } ] }
        """;

    private static List<string> Problems(string json) =>
        [.. Assert.Throws<MenuValidationException>(() => MenuLoader.Parse(json, "test.json")).Problems];

    [Fact]
    public void A_menu_without_languages_is_english()
    {
        Assert.Equal(["en"], MenuLoader.Parse(Json(""), "test.json").Languages);
    }

    [Fact]
    public void The_first_language_is_listed_first()
    {
        Assert.Equal(["es", "en"], MenuLoader.Parse(Json(""", "languages": ["es", "en"]"""), "test.json").Languages);
    }

    [Theory]
    [InlineData(""", "languages": ["fr"]""", "$.languages[0]: unknown language 'fr' (known: en, es, pt)")]
    [InlineData(""", "languages": ["es", "es"]""", "$.languages[1]: 'es' is listed twice")]
    [InlineData(""", "languages": []""", "$.languages: lists no language; leave it out for English or list codes such as [\"es\", \"en\"]")]
    public void Broken_language_lists_are_reported_with_their_path(string languages, string problem)
    {
        Assert.Equal([problem], Problems(Json(languages)));
    }

    [Fact]
    public void A_display_name_in_a_language_the_menu_does_not_declare_is_reported()
    {
        var problems = Problems(Json(""", "languages": ["en"]""", itemNames: """, "names": { "es": "Hamburguesa" }"""));
        Assert.Equal(["$.items[0].names.es: 'es' is not one of the menu's languages (en)"], problems);
    }

    [Fact]
    public void An_empty_display_name_is_reported()
    {
        var problems = Problems(Json(""", "languages": ["en", "es"]""", sizeNames: """, "names": { "es": " " }"""));
        Assert.Equal(["$.sizes[0].names.es: is required"], problems);
    }

    [Fact]
    public void Display_names_name_the_item_for_the_parser_and_for_replies()
    {
        var menu = MenuLoader.Parse(
            Json(""", "languages": ["en", "es"]""", sizeNames: """, "names": { "es": "Grande" }""", itemNames: """, "names": { "es": "Hamburguesa" }"""),
            "test.json");
        var burger = menu.Items[0];
        Assert.Equal("Hamburguesa", burger.NameIn("es"));
        Assert.Equal("Burger", burger.NameIn("pt"));
        Assert.Same(burger, menu.FindItem("hamburguesa"));
        var order = new MenuParser(menu).Parse("dos hamburguesas grandes");
        Assert.Equal(["2 burger @large"], Extraction.SampleMenus.Describe(order));
    }

    [Fact]
    public void A_display_name_may_not_name_another_item()
    {
        var json = """
            { "name": "Test", "currency": "EUR", "languages": ["en", "es"],
              "items": [ { "id": "burger", "name": "Burger", "price": 5, "names": { "es": "Hamburguesa" } },
                         { "id": "hamburguesa", "name": "Hamburguesa", "price": 6 } ] }
            """;
        Assert.Contains("$.items[1]: 'hamburguesa' already names 'burger'", Problems(json));
    }
}
