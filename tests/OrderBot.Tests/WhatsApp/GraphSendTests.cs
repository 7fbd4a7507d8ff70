using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OrderBot.Chat;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.WhatsApp;

/// <summary>
/// Sending through the Graph API (issue 16): <c>POST /messages</c> is not idempotent, so it is sent again only when an
/// answer proves it was not accepted; <c>failed</c> status webhooks decide what happens next by their error code
/// (platforms-2026.md section 2); the 24-hour window starts at the customer's message's timestamp.
/// </summary>
public sealed class GraphSendTests
{
    private static Task<OutboundMessage> ReplyAsync(WhatsAppTestApp app, string customer) =>
        app.QueryAsync(db => db.OutboundMessages.AsNoTracking().OrderBy(m => m.Id).FirstAsync(m => m.CustomerId == "+" + customer));

    private static async Task<OutboundMessage> SettledReplyAsync(WhatsAppTestApp app, string customer, OutboundState state)
    {
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.OutboundMessages.AnyAsync(m => m.CustomerId == "+" + customer && m.State == state)), $"a reply {state}");
        return await ReplyAsync(app, customer);
    }

    [Fact]
    public async Task A_graph_api_answering_after_the_timeout_gets_the_reply_once_and_it_is_not_sent_again()
    {
        await using var app = await WhatsAppTestApp.StartAsync(("WhatsApp:RequestTimeout", "00:00:01"), ("WhatsApp:SendAttempts", "3"));
        app.Graph.AnswerDelay = TimeSpan.FromSeconds(3);
        var customer = WhatsAppTestApp.NewWaId();

        await app.PostAsync(MetaPayloads.Delivery([MetaPayloads.Text(customer, "hi")]));
        var reply = await SettledReplyAsync(app, customer, OutboundState.Failed);

        Assert.Single(app.Graph.To("+" + customer));
        Assert.Contains("may have been accepted", reply.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, null)]
    [InlineData(503, 131000)]
    [InlineData(500, 2)]
    [InlineData(400, 130429)]
    public async Task An_answer_proving_the_message_was_not_accepted_is_retried(int status, int? code)
    {
        await using var app = await WhatsAppTestApp.StartAsync(("WhatsApp:SendAttempts", "3"));
        app.Graph.FailNext(2, status, code);
        var customer = WhatsAppTestApp.NewWaId();

        var welcome = await app.SayAsync(MetaPayloads.Text(customer, "hi"), 1);

        Assert.Contains("Welcome", welcome.Text, StringComparison.Ordinal);
        Assert.Equal(2, app.Graph.Failures);
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(502, null)]
    [InlineData(500, 131031)]
    [InlineData(403, 368)]
    public async Task A_server_error_without_a_transient_code_or_a_permanent_code_is_not_sent_again(int status, int? code)
    {
        await using var app = await WhatsAppTestApp.StartAsync(("WhatsApp:SendAttempts", "3"), ("Chat:MaxAttempts", "5"));
        app.Graph.FailNext(100, status, code);
        var customer = WhatsAppTestApp.NewWaId();

        await app.PostAsync(MetaPayloads.Delivery([MetaPayloads.Text(customer, "hi")]));
        var reply = await SettledReplyAsync(app, customer, OutboundState.Failed);

        Assert.Equal(1, app.Graph.Failures);
        Assert.Equal(1, reply.Attempts);
    }

    /// <summary>platforms-2026.md 1.8 C: a failed status, with the code and Meta's details text.</summary>
    private static JsonObject Failed(string wamid, string customer, int code, string message, string details) => new()
    {
        ["id"] = wamid, ["status"] = "failed", ["timestamp"] = MetaPayloads.Timestamp(), ["recipient_id"] = customer,
        ["errors"] = new JsonArray(new JsonObject
        {
            ["code"] = code, ["title"] = message, ["message"] = message,
            ["error_data"] = new JsonObject { ["details"] = details },
            ["href"] = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
        }),
    };

    [Fact]
    public async Task A_reply_that_fails_later_with_a_transient_code_is_sent_again()
    {
        await using var app = await WhatsAppTestApp.StartAsync();
        var customer = WhatsAppTestApp.NewWaId();
        var welcome = await app.SayAsync(MetaPayloads.Text(customer, "hi"), 1);
        await SettledReplyAsync(app, customer, OutboundState.Sent);

        await app.PostAsync(MetaPayloads.Delivery([], [Failed(welcome.Id, customer, 131000, "Something went wrong", "Message failed to send because of an unknown error.")]));

        var again = await app.Graph.NthToAsync("+" + customer, 2);
        Assert.Equal(welcome.Text, again.Text);
    }

    [Theory]
    [InlineData(131031, "Business Account locked")]
    [InlineData(368, "Temporarily blocked for policies violations")]
    [InlineData(190, "Access token has expired")]
    [InlineData(132001, "Template name does not exist in the translation")]
    public async Task A_reply_that_fails_later_with_a_permanent_code_fails_at_once_with_the_code_and_metas_text(int code, string message)
    {
        await using var app = await WhatsAppTestApp.StartAsync();
        var customer = WhatsAppTestApp.NewWaId();
        var welcome = await app.SayAsync(MetaPayloads.Text(customer, "hi"), 1);
        await SettledReplyAsync(app, customer, OutboundState.Sent);

        await app.PostAsync(MetaPayloads.Delivery([], [Failed(welcome.Id, customer, code, message, "See the error code reference.")]));

        var reply = await ReplyAsync(app, customer);
        Assert.Equal(OutboundState.Failed, reply.State);
        Assert.Equal($"{code} {message}: See the error code reference.", reply.Error);
        Assert.Null(await app.QueryAsync(db => db.OutboundMessages.FirstOrDefaultAsync(m => m.CustomerId == "+" + customer && m.State == OutboundState.Pending)));
    }

    private static async Task<(string OrderId, string Number)> OrderCroissantAsync(WhatsAppTestApp app, string customer, long? sentAt = null)
    {
        JsonObject At(JsonObject message)
        {
            if (sentAt is { } seconds)
            {
                message["timestamp"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return message;
        }

        var summary = await app.SayAsync(At(MetaPayloads.Text(customer, "a croissant")), 1);
        await app.SayAsync(At(MetaPayloads.ButtonReply(customer, summary.Choices.Single(c => c.Title == "Confirm").Id, "Confirm")), 2);
        var order = await app.QueryAsync(db => db.Orders.SingleAsync(o => o.CustomerId == "+" + customer));
        var response = await app.App.Client.SendAsync(ApiClient.Request(HttpMethod.Patch, $"/api/orders/{order.Id}/status", new { status = "confirmed" }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (order.Id, order.Number);
    }

    [Fact]
    public async Task A_status_notice_refused_later_for_the_closed_window_goes_out_once_as_the_template()
    {
        await using var app = await WhatsAppTestApp.StartAsync(("WhatsApp:StatusTemplate", "order_update"));
        var customer = WhatsAppTestApp.NewWaId();
        var (_, number) = await OrderCroissantAsync(app, customer);
        var notice = await app.Graph.NthToAsync("+" + customer, 3);
        Assert.Equal("text", notice.Type);
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.OutboundMessages.AnyAsync(m => m.ProviderMessageId == notice.Id)), "the notice stored with its id");

        // platforms-2026.md 1.8 C, verbatim apart from the ids.
        var reEngagement = Failed(notice.Id, customer, 131047, "Re-engagement message",
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");
        await app.PostAsync(MetaPayloads.Delivery([], [reEngagement]));
        await app.PostAsync(MetaPayloads.Delivery([], [reEngagement.DeepClone().AsObject()]));
        var template = await app.Graph.NthToAsync("+" + customer, 4);
        // Outcomes are saved once a round of sends is back: a status for a message not stored yet is not ours to apply.
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.OutboundMessages.AnyAsync(m => m.ProviderMessageId == template.Id)), "the template stored with its id");
        await app.PostAsync(MetaPayloads.Delivery([], [Failed(template.Id, customer, 131047, "Re-engagement message", "again")]));

        Assert.Equal("template", template.Type);
        Assert.Equal([number, "is confirmed"], template.Body["template"]!["components"]![0]!["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()));
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.OutboundMessages.AnyAsync(m => m.CustomerId == "+" + customer && m.State == OutboundState.Failed && m.Error!.StartsWith("131047"))), "the template failed for good");
        Assert.Equal(4, app.Graph.To("+" + customer).Count);
    }

    [Fact]
    public async Task The_24_hour_window_starts_at_the_customers_message_timestamp_not_when_it_was_handled()
    {
        await using var app = await WhatsAppTestApp.StartAsync(("WhatsApp:StatusTemplate", "order_update"));
        var customer = WhatsAppTestApp.NewWaId();
        // Meta delivered these late (say, after an outage of ours): written 25 hours ago, handled now.
        var written = DateTimeOffset.UtcNow.AddHours(-25).ToUnixTimeSeconds();

        await OrderCroissantAsync(app, customer, written);

        Assert.Equal("template", (await app.Graph.NthToAsync("+" + customer, 3)).Type);
    }
}
