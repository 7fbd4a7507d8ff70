using OrderBot.Menus;

namespace OrderBot.Tests.Support;

/// <summary>A small cafe menu written for tests, independent of the sample menus.</summary>
public static class TestMenus
{
    public const string CafeJson = """
    {
      "name": "Test Cafe",
      "currency": "EUR",
      "maxQuantity": 50,
      "sizes": [
        { "id": "small", "name": "small", "price": -0.50 },
        { "id": "large", "name": "large", "aliases": ["big"], "price": 0.70 }
      ],
      "qualifiers": [
        { "id": "extra", "name": "extra", "surcharge": 1 },
        { "id": "light", "name": "light", "surcharge": 0 }
      ],
      "optionGroups": [
        { "id": "milk", "name": "Milk", "kind": "choice", "options": [
          { "id": "oat", "name": "oat milk", "aliases": ["oat"], "price": 0.40 },
          { "id": "whole", "name": "whole milk", "price": 0 } ] },
        { "id": "extras", "name": "Extras", "options": [
          { "id": "shot", "name": "extra shot", "aliases": ["shot"], "price": 0.80 },
          { "id": "syrup", "name": "vanilla syrup", "aliases": ["vanilla"], "price": 0.50 } ] },
        { "id": "fillings", "name": "Fillings", "options": [
          { "id": "ham", "name": "ham", "price": 1.20 },
          { "id": "butter", "name": "butter", "price": 0.30 } ] }
      ],
      "items": [
        { "id": "latte", "name": "latte", "aliases": ["caffe latte"], "category": "coffee", "price": 3.20,
          "sizes": ["small", "large"], "optionGroups": ["milk", "extras"], "defaults": ["whole"] },
        { "id": "croissant", "name": "croissant", "category": "bakery", "price": 2.10,
          "optionGroups": ["fillings"], "defaults": ["butter"] },
        { "id": "water", "name": "still water", "aliases": ["water"], "category": "drinks", "price": 1.50 }
      ]
    }
    """;

    /// <summary>The cafe for a shop that serves English, Spanish and Portuguese speakers.</summary>
    public static readonly string MultilingualCafeJson = CafeJson.Replace("\"name\": \"Test Cafe\",", "\"name\": \"Test Cafe\", \"languages\": [\"en\", \"es\", \"pt\"],", StringComparison.Ordinal);

    public static OrderBot.Menus.Menu Cafe() => MenuLoader.Parse(CafeJson, "test-cafe.json");
}
