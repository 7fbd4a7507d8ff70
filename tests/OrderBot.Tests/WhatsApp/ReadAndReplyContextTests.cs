using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OrderBot.Chat;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.WhatsApp;

/// <summary>
/// The read receipt with typing indicator, and replies quoting the message they answer (platforms-2026.md section 3;
/// issue 16, "Mark incoming messages read with the typing indicator ... send replies with context.message_id").
/// </summary>
public sealed class ReadAndReplyContextTests : IAsyncLifetime
{
    private WhatsAppTestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WhatsAppTestApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Each_message_is_marked_read_with_the_typing_indicator_in_one_call_of_the_documented_shape()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var message = MetaPayloads.Text(customer, "hi");

        await _app.SayAsync(message, 1);
        var read = await _app.Graph.ReadAsync(message["id"]!.GetValue<string>());

        // platforms-2026.md 3: POST /<phone-number-id>/messages with exactly these fields.
        var expected = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["status"] = "read",
            ["message_id"] = message["id"]!.GetValue<string>(),
            ["typing_indicator"] = new JsonObject { ["type"] = "text" },
        };
        Assert.True(JsonNode.DeepEquals(expected, read.Body), read.Body.ToJsonString());
        Assert.Equal(FakeGraphApi.PhoneNumberId, read.From);
    }

    [Fact]
    public async Task A_failing_read_call_loses_nothing_and_the_reply_still_goes_out()
    {
        _app.Graph.FailReadsWith = 500;
        var customer = WhatsAppTestApp.NewWaId();
        var message = MetaPayloads.Text(customer, "hi");

        var welcome = await _app.SayAsync(message, 1);
        await _app.Graph.ReadAsync(message["id"]!.GetValue<string>());

        Assert.Contains("Welcome", welcome.Text, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => _app.QueryAsync(db => db.OutboundMessages.AnyAsync(m => m.ProviderMessageId == welcome.Id && m.State == OutboundState.Sent)),
            "the welcome recorded as sent");
    }

    [Fact]
    public async Task A_reply_quotes_the_message_it_answers_when_the_customer_wrote_again_before_it_was_answered()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var first = MetaPayloads.Text(customer, "hi");
        var second = MetaPayloads.Text(customer, "menu");

        // Both in one delivery: the first is answered while the second already waits.
        (await _app.PostAsync(MetaPayloads.Delivery([first, second]))).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => _app.QueryAsync(async db =>
                await db.ChatInbox.CountAsync(m => m.CustomerId == "+" + customer && m.ProcessedAt != null) == 2
                && !await db.OutboundMessages.AnyAsync(m => m.CustomerId == "+" + customer && m.State == OutboundState.Pending)),
            "both messages answered");
        var sent = _app.Graph.To("+" + customer);

        Assert.Equal(first["id"]!.GetValue<string>(), sent[0].ReplyTo);
        Assert.All(sent.Skip(1), m => Assert.Null(m.ReplyTo));
    }
}
