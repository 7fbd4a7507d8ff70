using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderBot.Server.WhatsApp;

namespace OrderBot.Tests.WhatsApp;

public sealed class StatusTemplateLanguageSettingsTests
{
    private static WhatsAppOptions Options(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddOrderBotWhatsApp(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<WhatsAppOptions>>().Value;
    }

    [Fact]
    public void Each_customer_language_gets_its_own_template_code_and_the_old_setting_stays_the_default()
    {
        var options = Options(("WhatsApp:StatusTemplateLanguage", "en_US"), ("WhatsApp:StatusTemplateLanguages:es", "es_MX"), ("WhatsApp:StatusTemplateLanguages:pt", "pt_BR"));

        Assert.Equal("es_MX", options.TemplateLanguageFor("es"));
        Assert.Equal("pt_BR", options.TemplateLanguageFor("pt"));
        Assert.Equal("en_US", options.TemplateLanguageFor("en"));
        Assert.Equal("en_US", options.TemplateLanguageFor(null));
    }

    [Theory]
    [InlineData("xx", "xx_XX")]
    [InlineData("es", "spanish")]
    public void A_template_language_for_an_unknown_language_or_with_a_malformed_code_stops_the_start(string language, string code)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(($"WhatsApp:StatusTemplateLanguages:{language}", code)));

        Assert.Contains("WhatsApp:StatusTemplateLanguages", error.Message, StringComparison.Ordinal);
    }
}
