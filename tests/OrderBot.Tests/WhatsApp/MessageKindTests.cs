using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderBot.Chat;
using OrderBot.Orders;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.WhatsApp;

/// <summary>
/// Every kind of WhatsApp message handled as a customer would expect (issue 16). Each payload is written here
/// from the documented shape, not from our code; the comment names the section of shared/reference it follows.
/// </summary>
public sealed class MessageKindTests : IAsyncLifetime
{
    private WhatsAppTestApp _app = null!;
    private MetricCollector<long> _messages = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await WhatsAppTestApp.StartAsync();
        _messages = new MetricCollector<long>(_app.App.Services.GetRequiredService<IMeterFactory>(), "OrderBot.WhatsApp", "orderbot.whatsapp.messages");
    }

    public async ValueTask DisposeAsync()
    {
        _messages.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>The envelope of whatsapp-cloud-api.md "Inbound notifications" / platforms-2026.md 1.8, around one message.</summary>
    private static string Envelope(string waId, string message, string phoneNumberId = "106540352242922") => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"{{{phoneNumberId}}}"},
          "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"{{{waId}}}"}],
          "messages":[{{{message}}}]}}]}]}
        """;

    private static string Message(string waId, string id, string type, string content) =>
        $$"""{"from":"{{waId}}","id":"{{id}}","timestamp":"{{MetaPayloads.Timestamp()}}","type":"{{type}}","{{type}}":{{content}}}""";

    private long Counted(string kind) => _messages.GetMeasurementSnapshot().Where(m => Equals(m.Tags["kind"], kind)).Sum(m => m.Value);

    /// <summary>Acknowledged, not stored, counted as <paramref name="kind"/>, and never answered: the customer's next "hi" gets the first reply.</summary>
    private async Task AssertSkippedAsync(HttpResponseMessage response, string customer, string id, string kind)
    {
        var first = await _app.SayAsync(MetaPayloads.Text(customer, "hi"), 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await StoredAsync(id));
        Assert.Contains("Welcome", first.Text, StringComparison.Ordinal);
        Assert.Equal(1, Counted(kind));
    }

    private Task<bool> StoredAsync(string id) => _app.QueryAsync(db => db.ChatInbox.AnyAsync(m => m.MessageId == id));

    [Theory]
    [InlineData("image", """{"id":"1479537139650973","mime_type":"image/jpeg","sha256":"HgY8...=","caption":"2 large lattes"}""")]
    [InlineData("video", """{"id":"1479537139650976","mime_type":"video/mp4","sha256":"aGVsbG8=","caption":"2 large lattes"}""")]
    [InlineData("document", """{"id":"1479537139650977","mime_type":"application/pdf","sha256":"d29ybGQ=","filename":"order.pdf","caption":"2 large lattes"}""")]
    public async Task A_media_caption_is_read_as_the_message_text(string type, string media)
    {
        // whatsapp-cloud-api.md "Inbound notifications": image / video / document carry {id, mime_type, sha256, caption?}.
        var customer = WhatsAppTestApp.NewWaId();

        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(Envelope(customer, Message(customer, MetaPayloads.NewId(), type, media)))).StatusCode);

        var reply = await _app.Graph.NthToAsync("+" + customer, 1);
        Assert.Contains("2 × latte (large)", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_without_a_caption_still_gets_the_text_only_note()
    {
        var customer = WhatsAppTestApp.NewWaId();

        await _app.PostAsync(Envelope(customer, Message(customer, MetaPayloads.NewId(), "image", """{"id":"1479537139650973","mime_type":"image/jpeg","sha256":"HgY8...="}""")));

        Assert.Contains("only read text", (await _app.Graph.NthToAsync("+" + customer, 1)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catalog_carts_note_becomes_the_orders_special_instructions()
    {
        // whatsapp-cloud-api.md "Inbound notifications", catalog cart: order {catalog_id, text, product_items[...]}.
        var customer = WhatsAppTestApp.NewWaId();
        var cart = Message(customer, MetaPayloads.NewId(), "order", """
            {"catalog_id":"194836987003835","text":"pickup at 5, no onions","product_items":[
              {"product_retailer_id":"croissant","quantity":2,"item_price":2.10,"currency":"EUR"}]}
            """);

        await _app.PostAsync(Envelope(customer, cart));
        var summary = await _app.Graph.NthToAsync("+" + customer, 1);
        await _app.SayAsync(MetaPayloads.ButtonReply(customer, summary.Choices.Single(c => c.Title == "Confirm").Id, "Confirm"), 2);

        var order = await _app.QueryAsync(db => db.Orders.SingleAsync(o => o.CustomerId == "+" + customer));
        Assert.Equal("pickup at 5, no onions", order.SpecialInstructions);
    }

    public static TheoryData<string, string> NotConversational => new()
    {
        // Shapes as Meta's webhook reference gives them (not restated in shared/reference: unverified there).
        { "reaction", """{"message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3","emoji":"👍"}""" },
        { "revoke", """{"original_message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3"}""" },
        { "call_permission_reply", """{"response":"accept","is_permanent":false,"expiration_timestamp":1749427200}""" },
        // platforms-2026.md 1.5: a system message of a kind that changes no identity (number and BSUID changes: UsernameTests).
        { "system", """{"body":"Messages are now end-to-end encrypted","type":"encryption_notice"}""" },
    };

    [Theory]
    [MemberData(nameof(NotConversational))]
    public async Task Non_conversational_kinds_are_acknowledged_counted_and_never_answered(string type, string content)
    {
        var customer = WhatsAppTestApp.NewWaId();
        var id = MetaPayloads.NewId();

        var response = await _app.PostAsync(Envelope(customer, Message(customer, id, type, content)));

        await AssertSkippedAsync(response, customer, id, "ignored");
    }

    [Fact]
    public async Task A_call_permission_answer_as_an_interactive_message_is_ignored_too()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var id = MetaPayloads.NewId();

        await _app.PostAsync(Envelope(customer, Message(customer, id, "interactive",
            """{"type":"call_permission_reply","call_permission_reply":{"response":"reject","is_permanent":true}}""")));

        Assert.False(await StoredAsync(id));
        Assert.Equal(1, Counted("ignored"));
    }

    [Theory]
    [InlineData("37.44216251868683", "-122.16153582049394")]
    [InlineData("\"37.44216251868683\"", "\"-122.16153582049394\"")]
    public async Task A_location_pin_is_stored_as_a_location_and_acknowledged(string latitude, string longitude)
    {
        // platforms-2026.md 1.8 E: numbers in Meta's reference, strings in whatsapp-api-js; name and address optional.
        var customer = WhatsAppTestApp.NewWaId();
        var id = MetaPayloads.NewId();
        var pin = Message(customer, id, "location",
            $$"""{"latitude":{{latitude}},"longitude":{{longitude}},"name":"Philz Coffee","address":"101 Forest Ave, Palo Alto, CA 94301"}""");

        await _app.PostAsync(Envelope(customer, pin));

        Assert.Contains("Thanks for the location", (await _app.Graph.NthToAsync("+" + customer, 1)).Text, StringComparison.Ordinal);
        var stored = await _app.QueryAsync(db => db.ChatInbox.Where(m => m.MessageId == id).Select(m => m.Content).SingleAsync());
        Assert.Equal(
            new LocationContent(37.44216251868683, -122.16153582049394, "Philz Coffee", "101 Forest Ave, Palo Alto, CA 94301"),
            JsonSerializer.Deserialize<IncomingContent>(stored, OrderJson.Options));
    }

    [Theory]
    [InlineData("91", "10")]
    [InlineData("-90.5", "10")]
    [InlineData("45", "180.01")]
    [InlineData("\"north\"", "10")]
    [InlineData("null", "10")]
    public async Task A_location_off_the_globe_is_dropped_and_counted(string latitude, string longitude)
    {
        var customer = WhatsAppTestApp.NewWaId();
        var id = MetaPayloads.NewId();

        var response = await _app.PostAsync(Envelope(customer, Message(customer, id, "location", $$"""{"latitude":{{latitude}},"longitude":{{longitude}}}""")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await StoredAsync(id));
        Assert.Equal(1, Counted("invalid"));
    }

    [Fact]
    public async Task A_delivery_for_another_business_number_is_acknowledged_and_ignored()
    {
        // platforms-2026.md 1.8 envelope: value.metadata.phone_number_id names the business number the change is for.
        var customer = WhatsAppTestApp.NewWaId();
        var id = MetaPayloads.NewId();

        var response = await _app.PostAsync(Envelope(customer, Message(customer, id, "text", """{"body":"2 large lattes"}"""), phoneNumberId: "998877665544332"));

        await AssertSkippedAsync(response, customer, id, "other_number");
    }

    [Fact]
    public async Task A_status_for_another_business_number_does_not_touch_our_message()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var welcome = await _app.SayAsync(MetaPayloads.Text(customer, "hi"), 1);
        await Eventually.TrueAsync(() => _app.QueryAsync(db => db.OutboundMessages.AnyAsync(m => m.ProviderMessageId == welcome.Id)), "the welcome stored with its id");
        var status = MetaPayloads.Delivery([], [MetaPayloads.Status(welcome.Id, "failed", customer)]).Replace("106540352242922", "998877665544332", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(status)).StatusCode);

        Assert.Equal(OutboundState.Sent, await _app.QueryAsync(db => db.OutboundMessages.Where(m => m.ProviderMessageId == welcome.Id).Select(m => m.State).SingleAsync()));
        Assert.Equal(1, Counted("other_number_status"));
    }
}
