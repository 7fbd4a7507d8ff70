using OrderBot.Extraction;
using OrderBot.Server.Eval;
using Xunit;

namespace OrderBot.Tests.Extraction;

public sealed class PizzaExrTests
{
    private static ExrTree Tree(string text) => ExrTree.Parse(text) ?? throw new ArgumentException(text);

    [Fact]
    public void Trees_match_when_children_differ_only_in_order_at_every_level()
    {
        var a = Tree("(ORDER (PIZZAORDER (NUMBER 1 ) (TOPPING HAM ) (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING CHEESE ) ) ) (DRINKORDER (NUMBER 2 ) (DRINKTYPE COKE ) ) )");
        var b = Tree("(ORDER (DRINKORDER (DRINKTYPE COKE ) (NUMBER 2 ) ) (PIZZAORDER (COMPLEX_TOPPING (TOPPING CHEESE ) (QUANTITY EXTRA ) ) (TOPPING HAM ) (NUMBER 1 ) ) )");
        Assert.True(a.MatchesUnordered(b));
    }

    [Fact]
    public void Trees_differ_on_a_value_a_missing_child_or_a_repeated_child()
    {
        var a = Tree("(ORDER (PIZZAORDER (NUMBER 1 ) (TOPPING HAM ) ) )");
        Assert.False(a.MatchesUnordered(Tree("(ORDER (PIZZAORDER (NUMBER 2 ) (TOPPING HAM ) ) )")));
        Assert.False(a.MatchesUnordered(Tree("(ORDER (PIZZAORDER (NUMBER 1 ) ) )")));
        Assert.False(a.MatchesUnordered(Tree("(ORDER (PIZZAORDER (NUMBER 1 ) (TOPPING HAM ) (TOPPING HAM ) ) )")));
        Assert.False(a.MatchesUnordered(Tree("(ORDER (PIZZAORDER (NUMBER 1 ) (NOT (TOPPING HAM ) ) ) )")));
    }

    [Theory]
    [InlineData("(ORDER (PIZZAORDER (NUMBER 1 )")]
    [InlineData("ORDER")]
    [InlineData("(ORDER ) )")]
    [InlineData("")]
    public void Malformed_trees_parse_to_null(string text)
    {
        Assert.Null(ExrTree.Parse(text));
    }

    [Fact]
    public void Orders_convert_to_exr_with_number_always_present_and_qualified_or_removed_options()
    {
        var order = new ExtractedOrder
        {
            Items =
            [
                new ExtractedItem("pizza", "Pizza", 1, 10m, "regular",
                [
                    new ExtractedOption("cheese", "Cheese", "toppings", Negated: true, Qualifier: "extra"),
                    new ExtractedOption("thin-crust", "Thin Crust", "crust", Negated: false, Qualifier: null),
                    new ExtractedOption("olive-oil", "Olive Oil", "toppings", Negated: false, Qualifier: "light"),
                ]),
                new ExtractedItem("diet-coke", "Diet Coke", 2, 2m, null,
                [
                    new ExtractedOption("can", "Can", "container", false, null),
                    new ExtractedOption("2-liter", "2 liter", "volume", false, null),
                ]),
            ],
        };
        var exr = PizzaExr.ToExr(order, id => id == "pizza" ? "pizza" : "drink");
        var expected = Tree(
            "(ORDER (PIZZAORDER (NUMBER 1 ) (SIZE REGULARSIZE ) (NOT (COMPLEX_TOPPING (QUANTITY EXTRA ) (TOPPING CHEESE ) ) ) (STYLE THIN_CRUST ) " +
            "(COMPLEX_TOPPING (QUANTITY LIGHT ) (TOPPING OLIVE_OIL ) ) ) (DRINKORDER (NUMBER 2 ) (DRINKTYPE DIET_COKE ) (CONTAINERTYPE CAN ) (VOLUME 2 LITER ) ) )");
        Assert.True(exr.MatchesUnordered(expected), exr.ToString());
    }

    [Fact]
    public void Example_files_accept_any_split_prefix_and_report_bad_lines()
    {
        string[] lines =
        [
            """{"test.SRC": "a coke", "test.EXR": "(ORDER (DRINKORDER (NUMBER 1 ) (DRINKTYPE COKE ) ) )"}""",
            """{"train.SRC": "a pizza", "train.EXR": "(ORDER (PIZZAORDER (NUMBER 1 ) ) )"}""",
            """{"dev.SRC": "broken"}""",
            "not json",
        ];
        var (examples, problems) = PizzaExample.ReadLines(lines);
        Assert.Equal(["a coke", "a pizza"], examples.Select(e => e.Source));
        Assert.Equal(2, problems.Count);

        var evaluation = PizzaEvaluation.Run(examples, SampleMenus.Pizzeria);
        Assert.Equal(2, evaluation.Overall.Matched);
        Assert.Equal(1, evaluation.BySubset.Single(s => s.Name == "drinks").Total);
    }
}
