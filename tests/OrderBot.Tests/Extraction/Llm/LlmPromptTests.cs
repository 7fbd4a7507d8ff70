using OrderBot.Extraction.Llm;
using Xunit;

namespace OrderBot.Tests.Extraction.Llm;

public sealed class LlmPromptTests
{
    [Theory]
    [InlineData("quiero dos tacos al pastor", "Spanish")]
    [InlineData("2 tacos al pastor", "Spanish")]
    public void The_prompt_names_the_language_of_a_message_on_a_spanish_menu(string message, string language)
    {
        var menu = SampleMenus.Load("taqueria-es.json");
        Assert.StartsWith($"The customer writes in {language}.", LlmPrompt.CustomerLanguage(menu, message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("olá, quero dois x-tudo", "Portuguese")]
    [InlineData("hi, two pizzas please", "Portuguese")]
    public void A_language_the_menu_does_not_declare_is_never_named(string message, string language)
    {
        var menu = SampleMenus.Load("lanchonete-pt.json");
        Assert.StartsWith($"The customer writes in {language}.", LlmPrompt.CustomerLanguage(menu, message), StringComparison.Ordinal);
    }
}
