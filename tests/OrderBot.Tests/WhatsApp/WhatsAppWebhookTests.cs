using System.Net;
using Microsoft.EntityFrameworkCore;
using OrderBot.Chat;

using OrderBot.Tests.Support;

namespace OrderBot.Tests.WhatsApp;

public sealed class WhatsAppWebhookTests : IAsyncLifetime
{
    private WhatsAppTestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WhatsAppTestApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<int> InboxCountAsync(string messageId) => _app.QueryAsync(db => db.ChatInbox.CountAsync(m => m.MessageId == messageId));

    [Fact]
    public async Task The_verification_handshake_echoes_the_challenge_only_for_the_right_token()
    {
        var ct = TestContext.Current.CancellationToken;
        var good = await _app.App.Client.GetAsync($"/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={WhatsAppTestApp.VerifyToken}", ct);
        var wrong = await _app.App.Client.GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess", ct);

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("1158201444", await good.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha1=abc")]
    [InlineData(null)]
    public async Task A_bad_or_missing_signature_is_401_and_nothing_is_recorded(string? signature)
    {
        var message = MetaPayloads.Text(WhatsAppTestApp.NewWaId(), "2 lattes");
        var body = MetaPayloads.Bytes(MetaPayloads.Delivery([message]));

        var response = await _app.PostAsync(body, signature, sign: signature is not null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await InboxCountAsync(message["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_body_signed_for_other_bytes_is_401()
    {
        var original = MetaPayloads.Bytes(MetaPayloads.Delivery([MetaPayloads.Text(WhatsAppTestApp.NewWaId(), "2 lattes")]));
        var tampered = MetaPayloads.Bytes(MetaPayloads.Delivery([MetaPayloads.Text(WhatsAppTestApp.NewWaId(), "20 lattes")]));

        var response = await _app.PostAsync(tampered, OrderBot.Server.WhatsApp.MetaSignature.Sign(original, WhatsAppTestApp.AppSecret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Truncated_json_with_a_valid_signature_is_400()
    {
        var json = MetaPayloads.Delivery([MetaPayloads.Text(WhatsAppTestApp.NewWaId(), "2 lattes")]);

        var response = await _app.PostAsync(json[..(json.Length / 2)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_4_MB_body_is_413()
    {
        var text = new string('x', 4 * 1024 * 1024);
        var response = await _app.PostAsync(MetaPayloads.Delivery([MetaPayloads.Text(WhatsAppTestApp.NewWaId(), text)]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_2_MB_batch_of_1000_messages_is_accepted_and_every_message_is_answered()
    {
        var customers = Enumerable.Range(0, 100).Select(_ => WhatsAppTestApp.NewWaId()).ToList();
        var padding = new string('.', 2000);
        var messages = Enumerable.Range(0, 1000).Select(i => MetaPayloads.Text(customers[i % 100], "hi " + padding)).ToList();
        var json = MetaPayloads.Delivery(messages);
        Assert.InRange(json.Length, 2_000_000, 3_000_000);

        var response = await _app.PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var numbers = customers.Select(c => "+" + c).ToHashSet();
        await _app.Graph.WaitForAsync(s => s.Count(m => numbers.Contains(m.To)) >= 1000, TimeSpan.FromSeconds(120), "1000 welcomes");
        Assert.Equal(1000, await _app.QueryAsync(db => db.ChatInbox.CountAsync(m => numbers.Contains(m.CustomerId) && m.ProcessedAt != null)));
        Assert.All(customers, c => Assert.Equal(10, _app.Graph.To("+" + c).Count));
    }

    [Theory]
    [InlineData("audio")]
    [InlineData("sticker")]
    public async Task Messages_that_are_not_text_get_a_polite_text_only_reply(string type)
    {
        var customer = WhatsAppTestApp.NewWaId();
        var message = type == "audio" ? MetaPayloads.Audio(customer) : MetaPayloads.Sticker(customer);

        var reply = await _app.SayAsync(message, 1);

        Assert.Equal("text", reply.Type);
        Assert.Contains("only read text", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_message_type_and_other_fields_are_accepted_with_200()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var json = MetaPayloads.Delivery([MetaPayloads.Text(customer, "ignored")]).Replace("\"type\":\"text\",\"text\"", "\"type\":\"hologram\",\"hologram\"", StringComparison.Ordinal);
        var accountUpdate = """{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"account_update","value":{"event":"VERIFIED_ACCOUNT"}}]}]}""";

        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(accountUpdate)).StatusCode);
        var reply = await _app.Graph.NthToAsync("+" + customer, 1);
        Assert.Contains("only read text", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_callbacks_update_the_stored_message_and_never_move_it_backwards()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var welcome = await _app.SayAsync(MetaPayloads.Text(customer, "hi"), 1);
        async Task<OutboundState> StateAsync() =>
            await _app.QueryAsync(db => db.OutboundMessages.Where(m => m.ProviderMessageId == welcome.Id).Select(m => m.State).SingleAsync());

        await Eventually.TrueAsync(
            () => _app.QueryAsync(db => db.OutboundMessages.AnyAsync(m => m.ProviderMessageId == welcome.Id)), "the sent message to be stored with its id");

        await _app.PostAsync(MetaPayloads.Delivery([], [MetaPayloads.Status(welcome.Id, "read", customer)]));
        await _app.PostAsync(MetaPayloads.Delivery([], [MetaPayloads.Status(welcome.Id, "delivered", customer), MetaPayloads.Status(welcome.Id, "sent", customer)]));

        Assert.Equal(OutboundState.Read, await StateAsync());
    }
}
