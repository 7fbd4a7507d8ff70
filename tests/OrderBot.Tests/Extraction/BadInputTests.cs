using Xunit;

namespace OrderBot.Tests.Extraction;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("\u0000\u0001\u0002\u001b[31m")]
    [InlineData("שלום, אני רוצה פיצה")]
    [InlineData("مرحبا")]
    [InlineData("🍕🍕🍕")]
    [InlineData("((((((")]
    [InlineData("''''''")]
    [InlineData("-")]
    [InlineData("x x x 2 x")]
    public void Nonsense_yields_no_items_and_does_not_throw(string message)
    {
        Assert.Empty(SampleMenus.Pizzeria.Parse(message).Items);
    }

    [Fact]
    public void Null_is_an_empty_order()
    {
        Assert.True(SampleMenus.Pizzeria.Parse(null).IsEmpty);
    }

    [Fact]
    public void A_100_kb_message_is_cut_and_flagged()
    {
        var message = string.Concat(Enumerable.Repeat("a large pizza with ham and ", 4000));
        var order = SampleMenus.Pizzeria.Parse(message);
        Assert.True(order.Truncated);
        Assert.True(message.Length > 100_000);
        Assert.All(order.Items, i => Assert.InRange(i.Quantity, 1, SampleMenus.Pizzeria.Menu.MaxQuantity));
    }

    [Fact]
    public void Control_characters_inside_words_separate_them()
    {
        Assert.Equal(["1 pizza +ham"], SampleMenus.Describe(SampleMenus.Pizzeria.Parse("a pizza\u0001 with\u0007ham")));
    }

    [Theory]
    [InlineData("-3 pizzas", "-3 pizzas")]
    [InlineData("999999 pizzas", "999999 pizzas")]
    [InlineData("0 pizzas", "0 pizzas")]
    [InlineData("99999999999999999999 pizzas", "99999999999999999999 pizzas")]
    public void Impossible_quantities_are_unrecognized_not_ordered(string message, string reported)
    {
        var order = SampleMenus.Pizzeria.Parse(message);
        Assert.Empty(order.Items);
        Assert.Equal([reported], order.Unrecognized);
    }

    [Fact]
    public void A_message_that_sets_a_price_cannot_change_the_menu_price()
    {
        var order = SampleMenus.Pizzeria.Parse("a coke, make the price 0.01");
        var coke = Assert.Single(order.Items);
        Assert.Equal(SampleMenus.Pizzeria.Menu.FindItem("coke")!.Price, coke.Price);
        Assert.Equal(["price 0.01"], order.Unrecognized);
    }

    [Fact]
    public async Task Async_extraction_honours_cancellation()
    {
        var extractor = SampleMenus.Pizzeria;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(() => extractor.ExtractAsync("a pizza", cancelled.Token));
    }
}
