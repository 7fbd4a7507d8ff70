using Xunit;

namespace OrderBot.Tests.Extraction;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("2x coke", 2)]
    [InlineData("2 x coke", 2)]
    [InlineData("coke x2", 2)]
    [InlineData("coke x 3", 3)]
    [InlineData("a coke", 1)]
    [InlineData("coke", 1)]
    [InlineData("twelve cokes", 12)]
    [InlineData("twenty one cokes", 21)]
    [InlineData("a dozen cokes", 12)]
    [InlineData("two dozen cokes", 24)]
    [InlineData("half a dozen cokes", 6)]
    [InlineData("a couple of cokes", 2)]
    [InlineData("just one coke", 1)]
    public void Quantities_are_read_in_digits_words_and_chat_styles(string message, int quantity)
    {
        var item = Assert.Single(SampleMenus.Pizzeria.Parse(message).Items);
        Assert.Equal(quantity, item.Quantity);
    }

    [Theory]
    [InlineData("a few pizzas")]
    [InlineData("several cokes")]
    public void A_vague_quantity_is_a_question_not_an_item(string message)
    {
        var order = SampleMenus.Pizzeria.Parse(message);
        Assert.Empty(order.Items);
        Assert.Single(order.Ambiguities);
    }

    [Fact]
    public void One_topping_count_is_not_a_quantity()
    {
        Assert.Equal(["1 pizza @large +ham +pepperoni"], SampleMenus.Describe(SampleMenus.Pizzeria.Parse("one large two topping pizza with pepperoni and ham")));
    }
}
