using OrderBot.Languages;
using Xunit;

namespace OrderBot.Tests.Languages;

public sealed class LanguageDetectorTests
{
    private static readonly string[] All = ["en", "es", "pt"];

    [Theory]
    [InlineData("hola buenas noches", "es")]
    [InlineData("quiero dos tacos sin cebolla por favor", "es")]
    [InlineData("¿tienen tortas?", "es")]
    [InlineData("olá, quero dois cheeseburgers e uma coca grande", "pt")]
    [InlineData("boa noite, me vê um x-tudo", "pt")]
    [InlineData("obrigado", "pt")]
    [InlineData("pão de queijo", "pt")]
    [InlineData("can I get two large pizzas please", "en")]
    [InlineData("thanks!", "en")]
    public void A_message_is_told_by_the_words_only_one_language_uses(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text, All));
    }

    [Theory]
    [InlineData("2 tacos")]
    [InlineData("ok")]
    [InlineData("pizza")]
    [InlineData("")]
    [InlineData("🍕🍕")]
    public void A_message_without_telling_words_has_no_language(string text)
    {
        Assert.Null(LanguageDetector.Detect(text, All));
    }

    [Fact]
    public void Only_the_candidates_are_considered()
    {
        Assert.Null(LanguageDetector.Detect("hola, quiero dos tacos", ["en"]));
        Assert.Equal("es", LanguageDetector.Detect("hola, quiero dos tacos", ["es", "en"]));
    }

    [Fact]
    public void A_word_two_candidates_share_tells_nothing_between_them()
    {
        // "tres" is Spanish and Portuguese: between those two it tells nothing, against English it tells Spanish.
        Assert.Null(LanguageDetector.Detect("tres", ["es", "pt"]));
        Assert.Equal("es", LanguageDetector.Detect("tres", ["es", "en"]));
    }

    [Fact]
    public void Accents_are_not_needed()
    {
        Assert.Equal("pt", LanguageDetector.Detect("ola, nao quero cebola", All));
        Assert.Equal("es", LanguageDetector.Detect("si, asi esta bien", ["es", "en"]));
    }
}
