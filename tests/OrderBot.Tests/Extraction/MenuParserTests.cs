using OrderBot.Extraction;
using Xunit;

namespace OrderBot.Tests.Extraction;

public sealed class MenuParserTests
{
    private static string[] Read(string message) => SampleMenus.Describe(SampleMenus.Pizzeria.Parse(message));

    [Fact]
    public void Reads_the_issue_example_with_a_split_quantity_and_a_drink()
    {
        Assert.Equal(
            ["1 pizza @large +pepperoni", "1 pizza @large +extra:cheese +pepperoni", "1 diet-coke"],
            Read("hi can i get 2 large pepperoni pizzas, one with extra cheese, and a diet coke pls"));
    }

    [Fact]
    public void A_name_split_by_an_option_still_names_its_item_and_an_unnamed_one_is_asked_about()
    {
        var burgers = SampleMenus.BurgerBar;

        Assert.Equal(["1 vanilla-shake +malt"], SampleMenus.Describe(burgers.Parse("a vanilla malt shake")));
        Assert.Equal(["2 chocolate-shake @large +malt"], SampleMenus.Describe(burgers.Parse("2 chocolate large shakes with malt")));
        // "and a" starts a line when the item before cannot take what follows: fries take no malt.
        Assert.Equal(["1 fries", "1 vanilla-shake +malt"], SampleMenus.Describe(burgers.Parse("fries and a vanilla malt shake")));
        var unnamed = burgers.Parse("a malt shake");
        Assert.Empty(unnamed.Items);
        Assert.Contains("which item?", Assert.Single(unnamed.Ambiguities), StringComparison.Ordinal);
        Assert.Empty(burgers.Parse("a vanilla and chocolate malt shake").Items);
    }

    [Fact]
    public void Removal_scope_covers_every_topping_after_no()
    {
        Assert.Equal(["1 pizza -onions -peppers"], Read("a pizza with no peppers or onions"));
    }

    [Fact]
    public void Removal_ends_at_with_and_at_a_qualified_option()
    {
        Assert.Equal(["1 pizza +olives -pineapple"], Read("one pizza without pineapple and with olives"));
        Assert.Equal(["1 pizza +chicken +extra:cheese -ham"], Read("one pizza with chicken no ham please oh and extra cheese"));
    }

    [Fact]
    public void Removal_can_apply_to_a_qualified_option_and_a_style()
    {
        Assert.Equal(["1 pizza +bacon -extra:cheese"], Read("a pizza with bacon and no extra cheese"));
        Assert.Equal(["1 pizza +ham -thin-crust"], Read("a ham pizza but i don't want it on thin crust"));
    }

    [Fact]
    public void Avoid_and_hold_the_remove_options()
    {
        Assert.Equal(["1 pizza +ham +pesto -olives"], Read("i'll have one pie along with pesto and ham but avoid olives"));
        Assert.Equal(["1 pizza +pesto -bacon"], Read("i need a pizza with pesto hold the bacon"));
    }

    [Fact]
    public void Drink_containers_and_volumes_are_read()
    {
        Assert.Equal(["3 coke +20-floz +can"], Read("three 20 fl ounce coke cans"));
        Assert.Equal(["2 sprite +can"], Read("two cans of sprite"));
    }

    [Fact]
    public void An_item_left_out_is_inferred_from_its_options()
    {
        Assert.Equal(["2 pizza +margherita", "1 garlic-bread"], Read("2x margherita + 1x garlic bread"));
        Assert.Equal(["2 pizza @large +chicken +tuna -ham"], Read("can i get two large with tuna and chicken skip the ham though"));
    }

    [Fact]
    public void Several_sub_orders_split_on_numbers_and_items()
    {
        Assert.Equal(
            ["2 dr-pepper", "1 fanta", "4 pepsi @small"],
            Read("could i please have two dr pepper drinks one fanta drink and four pepsi drinks the small size"));
    }

    [Fact]
    public void Shared_attributes_after_both_apply_to_the_line()
    {
        Assert.Equal(["2 coke @large"], Read("two cokes, both large"));
    }

    [Fact]
    public void Extra_large_is_a_size_and_extra_cheese_a_qualified_topping()
    {
        Assert.Equal(["1 pizza @extra-large +extra:cheese"], Read("an extra large pizza with extra cheese"));
    }

    [Fact]
    public void Several_styles_can_apply_to_one_pizza()
    {
        Assert.Equal(["2 pizza @medium +meat-lover +thin-crust"], Read("i want two medium thin crust meat lovers pizzas"));
    }

    [Fact]
    public void Typos_plurals_case_and_emoji_are_tolerated()
    {
        Assert.Equal(["1 pizza +pepperoni +pineapple"], Read("PIZZA 🍕 with Peperonni and pinapples pls 😀"));
    }

    [Fact]
    public void A_correction_changes_the_last_quantity()
    {
        Assert.Equal(["3 pizza"], Read("a pizza, actually make that 3"));
    }

    [Fact]
    public void Pickup_and_table_instructions_are_not_items()
    {
        var order = SampleMenus.Pizzeria.Parse("2 pizzas pickup at 5");
        Assert.Equal(["2 pizza"], SampleMenus.Describe(order));
        Assert.Equal("pickup at 5", order.SpecialInstructions);
        Assert.Equal("to table 4", SampleMenus.Pizzeria.Parse("a coke to table 4 please").SpecialInstructions);
    }

    [Fact]
    public void Unknown_products_are_reported_never_invented()
    {
        var order = SampleMenus.Pizzeria.Parse("i want a lasagna and a coke");
        Assert.Equal(["1 coke"], SampleMenus.Describe(order));
        Assert.Equal(["lasagna"], order.Unrecognized);
    }

    [Fact]
    public void Price_is_the_menu_unit_price_with_size_and_options()
    {
        var menu = SampleMenus.Pizzeria.Menu;
        var item = Assert.Single(SampleMenus.Pizzeria.Parse("a large pizza with ham and extra cheese").Items);
        var pizza = menu.FindItem("pizza")!;
        var expected = 11.99m + 3.00m + 1.50m + (1.50m * 2);
        Assert.Equal(expected, item.Price);
        Assert.Equal(pizza.Name, item.Name);
    }

    [Fact]
    public async Task The_async_interface_returns_the_same_result_as_parse()
    {
        var parser = SampleMenus.Pizzeria;
        foreach (var message in new[] { "two medium pizzas with ham", "a large pepperoni and a diet coke, no ice", "hello there" })
        {
            var parsed = parser.Parse(message);
            var extracted = await parser.ExtractAsync(message, TestContext.Current.CancellationToken);

            Assert.Equal(ExtractionJson.Serialize(parsed), ExtractionJson.Serialize(extracted));
        }
    }

    [Fact]
    public void Json_uses_the_seed_shape_in_snake_case()
    {
        var json = ExtractionJson.Serialize(SampleMenus.Pizzeria.Parse("a diet coke"));
        Assert.StartsWith("{\"items\":[{\"name\":\"Diet Coke\",\"quantity\":1,\"price\":1.99,\"menu_item_id\":\"diet-coke\"", json, StringComparison.Ordinal);
        Assert.Contains("\"special_instructions\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"extractor\":\"parser\"", json, StringComparison.Ordinal);
    }
}
