namespace OrderBot.Tests.Conversations;

/// <summary>The bot answers in the customer's language (issue 13): the welcome, the cart summary and its buttons.</summary>
public sealed class ChatLanguageTests
{
    [Fact]
    public async Task A_Spanish_greeting_gets_a_Spanish_welcome_even_on_an_English_menu()
    {
        var result = await ConversationBenchmarkTests.RunAsync("""
            {"id":"es-welcome","menu":"burger-bar.json","steps":[{"say":"hola, buenas tardes"}],"expect":{"orders":[],"replies_contain":["Bienvenido"]}}
            """);

        Assert.True(result.Passed, result.Reason);
        Assert.Contains(result.Transcript, l => l.Contains("¡Hola", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Transcript, l => l.Contains("Welcome to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cart_summary_is_in_Portuguese_for_a_Portuguese_customer()
    {
        var result = await ConversationBenchmarkTests.RunAsync("""
            {"id":"pt-cart","menu":"lanchonete-pt.json","steps":[{"say":"oi, quero 2 coxinhas"},{"tap":"Confirmar"}],
             "expect":{"orders":[{"status":"pending","total":16.00,"items":[{"item":"coxinha","quantity":2,"size":null,"options":[]}]}],"replies_contain":["Seu pedido:","foi feito"]}}
            """);

        Assert.True(result.Passed, result.Reason);
        Assert.Contains(result.Transcript, l => l.Contains("[Confirmar | Alterar | Cancelar]", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Transcript, l => l.Contains("Your order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_size_question_the_menu_and_an_edit_confirmation_are_in_Spanish_for_a_Spanish_customer()
    {
        var result = await ConversationBenchmarkTests.RunAsync("""
            {"id":"es-texts","menu":"taqueria-es.json","steps":[{"say":"menú"},{"say":"una horchata"},{"say":"grande"},{"say":"2 tacos de pastor"},{"say":"que sean 3"}],
             "expect":{"orders":[],"replies_contain":["Este es el menú de","¿De qué tamaño quieres","Listo: 3 × Taco al pastor"]}}
            """);

        Assert.True(result.Passed, result.Reason);
        Assert.DoesNotContain(result.Transcript, l => l.Contains("Which size", StringComparison.Ordinal) || l.Contains("Here is the menu", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("es", "que sean 3", "make that 3")]
    [InlineData("es", "no, son 2 nomás", "no make that 2 only")]
    [InlineData("es", "mejor dos", "actually 2")]
    [InlineData("es", "ya no quiero el agua", "i don't want the agua")]
    [InlineData("es", "y el otro con queso", "make the other one with queso")]
    [InlineData("pt", "na verdade são 2", "make that 2")]
    [InlineData("pt", "não quero mais o suco", "i don't want the suco")]
    [InlineData("pt", "troca o x-burguer por um x-salada", "change the x-burguer to 1 x-salada")]
    public void A_correction_in_Spanish_or_Portuguese_is_read_in_the_dialogues_own_wording(string language, string said, string read)
    {
        var words = OrderBot.Chat.ChatLanguage.For(language).Words;

        Assert.Equal(read, words.Acts.Read(OrderBot.Chat.Dialogue.TextReading.Words(said), words));
    }

    [Theory]
    [InlineData("es", "2 tacos al pastor sin cebolla")]
    [InlineData("es", "no")]
    [InlineData("pt", "quero 2 coxinhas")]
    [InlineData("en", "make that 2")]
    public void A_message_that_opens_with_no_correction_of_its_language_is_read_as_written(string language, string said)
    {
        var words = OrderBot.Chat.ChatLanguage.For(language).Words;

        Assert.Null(words.Acts.Read(OrderBot.Chat.Dialogue.TextReading.Words(said), words));
    }
}
