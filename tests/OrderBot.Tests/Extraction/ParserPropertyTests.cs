using CsCheck;
using OrderBot.Extraction;
using OrderBot.Menus;
using Xunit;

namespace OrderBot.Tests.Extraction;

/// <summary>For any menu and any message built from its words and noise, the parser stays within the menu.</summary>
public sealed class ParserPropertyTests
{
    private static readonly Gen<string> Word = Gen.String[Gen.Char['a', 'z'], 3, 9];

    private static readonly string[] Noise =
        ["and", "with", "no", "without", "x", ",", "2", "-3", "999999", "a", "two", "extra", "🍕", "\u0001", "price", "0.01", "make that", "a few", "both", "pickup at 5"];

    // Menu names carry letters English words never combine, so no name is also a number or a filler word.
    private static readonly Gen<string> Name = Word.Select(w => "qz" + w);

    private static readonly Gen<Menu> Menus =
        Gen.Select(Name.HashSet[8, 16], Gen.Int[1, 4], Gen.Int[0, 3], Gen.Int[1, 50])
            .Select(t => Build([.. t.Item1], t.Item2, t.Item3, t.Item4));

    private static Menu Build(string[] names, int itemCount, int sizeCount, int maxQuantity)
    {
        var sizes = names.Skip(itemCount).Take(sizeCount).Select(n => new MenuSize { Id = n, Name = n, Price = 1m }).ToList();
        var options = names.Skip(itemCount + sizeCount).Select((n, i) => new MenuOption { Id = n, Name = n, Price = i * 0.25m }).ToList();
        var addons = new MenuOptionGroup { Id = "addons", Name = "addons", Options = options.Take(options.Count / 2).ToList() };
        var choice = new MenuOptionGroup { Id = "choice", Name = "choice", Kind = OptionGroupKind.Choice, Options = options.Skip(options.Count / 2).ToList() };
        var items = names.Take(itemCount).Select((n, i) => new MenuItem
        {
            Id = n,
            Name = n,
            Price = 3m + i,
            Sizes = i % 2 == 0 ? sizes.Select(s => s.Id).ToList() : [],
            OptionGroups = i == 0 ? ["addons", "choice"] : ["addons"],
        }).ToList();
        var definition = new MenuDefinition
        {
            Name = "generated",
            Currency = "USD",
            MaxQuantity = maxQuantity,
            Sizes = sizes,
            Qualifiers = [new MenuQualifier { Id = "extra", Name = "extra", Surcharge = 1 }],
            OptionGroups = [addons, choice],
            Items = items,
        };
        return MenuLoader.Parse(System.Text.Json.JsonSerializer.Serialize(definition, MenuLoader.FileFormat), "generated");
    }

    private static Gen<string> Messages(Menu menu)
    {
        var words = menu.Items.Select(i => i.Name)
            .Concat(menu.Sizes.Select(s => s.Name))
            .Concat(menu.OptionGroups.SelectMany(g => g.Options).Select(o => o.Name))
            .Concat(Noise)
            .ToArray();
        return Gen.OneOf(Gen.Int[0, words.Length - 1].Select(i => words[i]), Word).Array[0, 25].Select(parts => string.Join(' ', parts));
    }

    [Fact]
    public void Parser_never_throws_and_never_returns_anything_off_the_menu()
    {
        Menus.SelectMany(menu => Messages(menu).Select(message => (menu, message))).Sample(t =>
        {
            var (menu, message) = t;
            var order = new MenuParser(menu).Parse(message);
            foreach (var line in order.Items)
            {
                var item = menu.FindItem(line.MenuItemId);
                Assert.NotNull(item);
                Assert.InRange(line.Quantity, 1, menu.MaxQuantity);
                var size = line.Size is null ? null : menu.FindSize(item, line.Size);
                Assert.Equal(line.Size is null, size is null);
                var options = line.Options.Select(o =>
                {
                    var resolved = menu.FindOption(item, o.Id);
                    Assert.NotNull(resolved);
                    return new PricedOption(resolved, o.Qualifier is null ? null : menu.FindQualifier(o.Qualifier), o.Negated);
                }).ToList();
                Assert.Equal(menu.UnitPrice(item, size, options), line.Price);
            }
        }, iter: 300);
    }

    [Fact]
    public void An_item_named_with_a_quantity_is_read_as_that_item_and_quantity()
    {
        Menus.SelectMany(menu => Gen.Select(Gen.Int[0, menu.Items.Count - 1], Gen.Int[1, menu.MaxQuantity]).Select(t => (menu, t.Item1, t.Item2))).Sample(t =>
        {
            var (menu, index, quantity) = t;
            var item = menu.Items[index];

            var order = new MenuParser(menu).Parse($"{quantity} {item.Name} please");

            var line = Assert.Single(order.Items);
            Assert.Equal(item.Id, line.MenuItemId);
            Assert.Equal(quantity, line.Quantity);
        }, iter: 300);
    }
}
