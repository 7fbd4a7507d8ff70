using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderBot.Server.WhatsApp;

namespace OrderBot.Tests.WhatsApp;

/// <summary>
/// Several business numbers in one deployment, each tied to a shop (issue 16: "several numbers may be configured, each
/// tied to its shop settings"). The envelope's <c>metadata.phone_number_id</c> (platforms-2026.md 1.8) says which.
/// </summary>
public sealed class SeveralNumbersTests
{
    private static string Delivery(string phoneNumberId, string waId, string text) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783000","phone_number_id":"{{{phoneNumberId}}}"},
          "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"{{{waId}}}"}],
          "messages":[{"from":"{{{waId}}}","id":"{{{MetaPayloads.NewId()}}}","timestamp":"{{{MetaPayloads.Timestamp()}}}","type":"text","text":{"body":"{{{text}}}"}}]}}]}]}
        """;

    [Fact]
    public async Task A_delivery_for_a_second_configured_number_is_answered_from_that_number_with_its_token()
    {
        await using var app = await WhatsAppTestApp.StartAsync(
            ("WhatsApp:Numbers:0:PhoneNumberId", FakeGraphApi.OtherPhoneNumberId),
            ("WhatsApp:Numbers:0:DisplayNumber", "15550783000"),
            ("WhatsApp:Numbers:0:AccessToken", FakeGraphApi.OtherToken),
            ("WhatsApp:Numbers:0:Shop", "harbour-cafe"));
        var second = WhatsAppTestApp.NewWaId();
        var first = WhatsAppTestApp.NewWaId();

        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(Delivery(FakeGraphApi.OtherPhoneNumberId, second, "hi"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(Delivery(FakeGraphApi.PhoneNumberId, first, "hi"))).StatusCode);
        var fromSecond = await app.Graph.NthToAsync("+" + second, 1);
        var fromFirst = await app.Graph.NthToAsync("+" + first, 1);

        // The fake refuses a number's messages sent with another number's token, so the token is checked too.
        Assert.Equal(FakeGraphApi.OtherPhoneNumberId, fromSecond.From);
        Assert.Equal(FakeGraphApi.PhoneNumberId, fromFirst.From);
    }

    [Fact]
    public async Task The_single_number_settings_alone_still_serve_that_number()
    {
        await using var app = await WhatsAppTestApp.StartAsync();
        var customer = WhatsAppTestApp.NewWaId();

        await app.PostAsync(Delivery(FakeGraphApi.PhoneNumberId, customer, "hi"));
        var reply = await app.Graph.NthToAsync("+" + customer, 1);

        Assert.Equal(FakeGraphApi.PhoneNumberId, reply.From);
    }

    [Theory]
    [InlineData("WhatsApp:Numbers:0:Shop", "harbour-cafe", "PhoneNumberId")]
    [InlineData("WhatsApp:Numbers:0:MenuPath", "no/such/menu.json", "MenuPath")]
    public void A_wrong_number_entry_stops_the_start_with_one_line_naming_the_setting(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WhatsApp:PhoneNumberId"] = FakeGraphApi.PhoneNumberId,
            ["WhatsApp:AccessToken"] = FakeGraphApi.Token,
            ["WhatsApp:AppSecret"] = WhatsAppTestApp.AppSecret,
            ["WhatsApp:VerifyToken"] = WhatsAppTestApp.VerifyToken,
            [key] = value,
        };
        if (named != "PhoneNumberId")
        {
            settings["WhatsApp:Numbers:0:PhoneNumberId"] = FakeGraphApi.OtherPhoneNumberId;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddOrderBotWhatsApp(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WhatsAppOptions>>().Value);
        var line = Assert.Single(error.Failures);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Contains("WhatsApp:Numbers", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }
}
