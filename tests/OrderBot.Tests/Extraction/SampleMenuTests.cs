using Xunit;

namespace OrderBot.Tests.Extraction;

public sealed class SampleMenuTests
{
    [Theory]
    [InlineData("pizzeria.json")]
    [InlineData("burger-bar.json")]
    public void Sample_menus_load_through_the_validator(string file)
    {
        var menu = SampleMenus.Load(file);
        Assert.NotEmpty(menu.Items);
        Assert.Equal("USD", menu.Currency);
    }

    [Fact]
    public void Burger_defaults_are_removable_options_of_the_burger()
    {
        var menu = SampleMenus.Load("burger-bar.json");
        var burger = menu.FindItem("burger")!;
        Assert.All(burger.Defaults, id => Assert.NotNull(menu.FindOption(burger, id)));
        Assert.Contains("pickles", burger.Defaults);
    }
}
