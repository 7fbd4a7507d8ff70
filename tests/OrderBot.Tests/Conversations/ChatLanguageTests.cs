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
}
