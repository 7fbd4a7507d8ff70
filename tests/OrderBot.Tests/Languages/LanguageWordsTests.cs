using OrderBot.Extraction;
using OrderBot.Languages;
using OrderBot.Menus;
using OrderBot.Tests.Extraction;
using Xunit;

namespace OrderBot.Tests.Languages;

/// <summary>The shipped word data, checked through the parser that reads it.</summary>
public sealed class LanguageWordsTests
{
    public static TheoryData<string> Codes => [.. SupportedLanguages.All.Select(l => l.Code)];

    /// <summary>A one-item menu written in <paramref name="code"/>: the item's name is not a word of any language.</summary>
    private static MenuParser Parser(params string[] codes) => new(MenuLoader.Parse(
        $$"""
        { "name": "Test", "currency": "EUR", "languages": [{{string.Join(", ", codes.Select(c => $"\"{c}\""))}}],
          "optionGroups": [ { "id": "extras", "name": "Extras", "options": [
            { "id": "jamon", "name": "Jamón", "price": 1 }, { "id": "acai", "name": "Açaí", "price": 2 } ] } ],
          "items": [ { "id": "zorblat", "name": "Zorblat", "price": 5, "optionGroups": ["extras"] } ] }
        """,
        "test.json"));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_language_has_the_words_the_conversation_reuses(string code)
    {
        var words = SupportedLanguages.Get(code);
        Assert.NotEmpty(words.Yes);
        Assert.NotEmpty(words.No);
        Assert.NotEmpty(words.Greetings);
        Assert.NotEmpty(words.Thanks);
        Assert.Equal(code, LanguageDetector.Detect(words.Greetings[0], [.. SupportedLanguages.All.Select(l => l.Code)]));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_number_word_counts_the_item_after_it(string code)
    {
        var parser = Parser(code);
        var words = SupportedLanguages.Get(code);
        foreach (var (phrase, value) in words.Numbers.Where(n => n.Value is >= 1 and <= 100))
        {
            var order = parser.Parse($"{phrase} zorblats");
            Assert.True(order.Items is [{ } line] && line.Quantity == value, $"'{phrase} zorblats' should be {value} zorblats, was {string.Join(", ", SampleMenus.Describe(order))}");
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Greetings_thanks_and_agreement_are_never_unrecognized(string code)
    {
        var parser = Parser(code);
        var words = SupportedLanguages.Get(code);
        foreach (var phrase in words.Greetings.Concat(words.Thanks).Concat(words.Yes))
        {
            var order = parser.Parse($"{phrase} 2 zorblats");
            Assert.True(order.Unrecognized.Count == 0 && order.Items is [{ Quantity: 2 }], $"'{phrase}': {string.Join(", ", order.Unrecognized)}");
        }
    }

    [Theory]
    [InlineData("es", "dos zorblats con jamón y sin açaí")]
    [InlineData("es", "dos zorblats con jamon y sin acai")]
    [InlineData("pt", "dois zorblats com jamón e sem açaí")]
    [InlineData("pt", "duas zorblat com jamon e sem acai")]
    [InlineData("en", "two zorblats with jamon and no acai")]
    public void Removals_and_additions_are_read_with_or_without_accents(string code, string message)
    {
        var order = Parser(code).Parse(message);
        Assert.Equal(["2 zorblat +jamon -acai"], SampleMenus.Describe(order));
    }

    [Fact]
    public void A_menu_reads_only_the_languages_it_declares()
    {
        Assert.Equal(["3 zorblat"], SampleMenus.Describe(Parser("es").Parse("tres zorblats")));
        var english = Parser("en").Parse("tres zorblats");
        Assert.Equal(["1 zorblat"], SampleMenus.Describe(english));
        Assert.Contains("tres", english.Unrecognized);
    }

    [Fact]
    public void A_menu_in_two_languages_reads_both()
    {
        var parser = Parser("es", "en");
        Assert.Equal(["2 zorblat -jamon"], SampleMenus.Describe(parser.Parse("dos zorblats sin jamón")));
        Assert.Equal(["3 zorblat -jamon"], SampleMenus.Describe(parser.Parse("three zorblats without jamon")));
    }

    [Theory]
    [InlineData("es", "una sin jamón", "1 zorblat -jamon")]
    [InlineData("pt", "uma sem jamón", "1 zorblat -jamon")]
    public void One_said_with_the_article_after_an_item_starts_another_line(string code, string second, string expected)
    {
        var order = Parser(code).Parse($"2 zorblats, {second}");
        Assert.Equal(["1 zorblat", expected], SampleMenus.Describe(order).Order(StringComparer.Ordinal));
    }
}
