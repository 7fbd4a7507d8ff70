using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OrderBot.Chat;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.WhatsApp;

/// <summary>
/// WhatsApp usernames and business-scoped user ids (platforms-2026.md section 1; issue 16, point 1). Payloads are the
/// documented examples of 1.8 (A: a user with a phone number, B: a username-only user) and the system messages of 1.5,
/// with fresh ids so tests do not share customers.
/// </summary>
public sealed class UsernameTests : IAsyncLifetime
{
    private WhatsAppTestApp _app = null!;

    // The number-change test keeps the Graph API down for several notice attempts: the notice must not be given up in between.
    public async ValueTask InitializeAsync() => _app = await WhatsAppTestApp.StartAsync(("Chat:MaxAttempts", "100"));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string NewUserId() => "US." + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999) + Random.Shared.NextInt64(100_000_000, 999_999_999);

    /// <summary>platforms-2026.md 1.8: the envelope, around the given contacts and messages.</summary>
    private static string Envelope(string contacts, string messages) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
          {{{(contacts.Length > 0 ? $"\"contacts\":{contacts}," : "")}}}"messages":{{{messages}}}}}]}]}
        """;

    /// <summary>platforms-2026.md 1.8 A: a text from a user with a phone number; <c>from</c> and <c>from_user_id</c> both present.</summary>
    private static string PhoneUserText(string waId, string userId, string text, string? id = null) => Envelope(
        $$$"""[{"profile":{"name":"Sheena Nelson"},"wa_id":"{{{waId}}}","user_id":"{{{userId}}}"}]""",
        $$$"""[{"from":"{{{waId}}}","from_user_id":"{{{userId}}}","id":"{{{id ?? MetaPayloads.NewId()}}}","timestamp":"{{{MetaPayloads.Timestamp()}}}","type":"text","text":{"body":"{{{text}}}"}}]""");

    /// <summary>platforms-2026.md 1.8 B: a text from a username-only user: no <c>wa_id</c>, no <c>from</c>.</summary>
    private static string UsernameUserText(string userId, string text, string? id = null) => Envelope(
        $$$"""[{"profile":{"name":"Sheena","username":"sheena.n"},"user_id":"{{{userId}}}"}]""",
        $$$"""[{"from_user_id":"{{{userId}}}","id":"{{{id ?? MetaPayloads.NewId()}}}","timestamp":"{{{MetaPayloads.Timestamp()}}}","type":"text","text":{"body":"{{{text}}}"}}]""");

    private async Task PostAsync(string json) => Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(json)).StatusCode);

    private Task<OrderBot.Customers.Customer?> CustomerAsync(string id) => _app.QueryAsync(db => db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id));

    private async Task<string> PlaceOrderAsync(string customerId)
    {
        var response = await _app.App.Client.SendAsync(
            Request(HttpMethod.Post, "/api/orders", new { customer_id = customerId, items = new[] { new { name = "water", quantity = 1 } } }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_username_only_users_message_is_answered_through_recipient_with_their_bsuid()
    {
        var userId = NewUserId();

        await PostAsync(UsernameUserText(userId, "hi"));
        var reply = await _app.Graph.NthToAsync(userId, 1);

        // platforms-2026.md 1.4: the BSUID goes in "recipient" instead of "to", recipient_type individual.
        Assert.Equal(userId, reply.Body["recipient"]!.GetValue<string>());
        Assert.Null(reply.Body["to"]);
        Assert.Equal("individual", reply.Body["recipient_type"]!.GetValue<string>());
        var customer = await CustomerAsync(userId);
        Assert.NotNull(customer);
        Assert.Equal(userId, customer.WhatsAppUserId);
        Assert.Equal("sheena.n", customer.Username);
        Assert.Null(customer.Phone);
    }

    [Fact]
    public async Task A_phone_users_message_keeps_the_number_as_customer_id_stores_the_bsuid_and_is_answered_to_the_number()
    {
        var waId = WhatsAppTestApp.NewWaId();
        var userId = NewUserId();

        await PostAsync(PhoneUserText(waId, userId, "hi"));
        var reply = await _app.Graph.NthToAsync("+" + waId, 1);

        Assert.Null(reply.Body["recipient"]);
        var customer = await CustomerAsync("+" + waId);
        Assert.NotNull(customer);
        Assert.Equal(userId, customer.WhatsAppUserId);
        Assert.Equal("+" + waId, customer.Phone);
    }

    [Fact]
    public async Task A_message_with_both_ids_merges_the_phone_customer_and_the_username_customer_with_their_orders_and_chat()
    {
        // Before BSUIDs the customer wrote with a phone only; later, as a username user, with the BSUID only (1.2).
        var waId = WhatsAppTestApp.NewWaId();
        var userId = NewUserId();
        await _app.SayAsync(MetaPayloads.Text(waId, "hi"), 1);
        await PostAsync(UsernameUserText(userId, "hi"));
        await _app.Graph.NthToAsync(userId, 1);
        var phoneOrder = await PlaceOrderAsync("+" + waId);
        var userOrder = await PlaceOrderAsync(userId);

        // Then one message carries both (1.8 A): they are one person.
        await PostAsync(PhoneUserText(waId, userId, "hi again"));
        await _app.Graph.NthToAsync("+" + waId, 2);

        Assert.Null(await CustomerAsync(userId));
        var merged = await CustomerAsync("+" + waId);
        Assert.Equal(userId, merged!.WhatsAppUserId);
        Assert.Equal("sheena.n", merged.Username);
        var orders = await _app.QueryAsync(db => db.Orders.Where(o => o.CustomerId == "+" + waId).Select(o => o.Id).ToListAsync());
        Assert.Equal(new[] { phoneOrder, userOrder }.Order(), orders.Order());
        Assert.False(await _app.QueryAsync(db => db.ChatInbox.AnyAsync(m => m.CustomerId == userId)));
        Assert.False(await _app.QueryAsync(db => db.OutboundMessages.AnyAsync(m => m.CustomerId == userId)));
    }

    [Fact]
    public async Task A_number_change_moves_the_customer_their_orders_and_a_waiting_status_notice_to_the_new_number()
    {
        var oldWaId = WhatsAppTestApp.NewWaId();
        var newWaId = WhatsAppTestApp.NewWaId();
        var userId = NewUserId();
        var newUserId = NewUserId();
        await PostAsync(PhoneUserText(oldWaId, userId, "hi"));
        await _app.Graph.NthToAsync("+" + oldWaId, 1);
        var orderId = await PlaceOrderAsync("+" + oldWaId);
        _app.Graph.FailNext(10_000, 503, 2);
        var confirm = await _app.App.Client.SendAsync(Request(HttpMethod.Patch, $"/api/orders/{orderId}/status", new { status = "confirmed" }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        await Eventually.TrueAsync(() => _app.Graph.Failures > 0, "the status notice to fail while the Graph API is down");

        // platforms-2026.md 1.5: from is the old number, system.wa_id the new one, system.user_id the new BSUID; no contacts.
        await PostAsync(Envelope("", $$$"""
            [{"from":"{{{oldWaId}}}","from_user_id":"{{{userId}}}","id":"{{{MetaPayloads.NewId()}}}","timestamp":"{{{MetaPayloads.Timestamp()}}}","type":"system",
              "system":{"body":"User A changed from {{{oldWaId}}} to {{{newWaId}}}","wa_id":"{{{newWaId}}}","user_id":"{{{newUserId}}}","type":"user_changed_number"}}]
            """));
        // An attempt under way when the number changed may still hold the old address: the Graph API stays down until
        // one more attempt than that (SendAttempts tries each) has begun after the change.
        var failures = _app.Graph.Failures;
        await Eventually.TrueAsync(() => _app.Graph.Failures >= failures + 4, "an attempt begun after the number change");
        _app.Graph.FailWith = null;
        var notice = await _app.Graph.NthToAsync("+" + newWaId, 1);

        Assert.Contains(await _app.QueryAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.Number).SingleAsync()), notice.Text, StringComparison.Ordinal);
        Assert.Single(_app.Graph.To("+" + oldWaId));
        Assert.Null(await CustomerAsync("+" + oldWaId));
        var moved = await CustomerAsync("+" + newWaId);
        Assert.Equal(newUserId, moved!.WhatsAppUserId);
        Assert.Equal("+" + newWaId, await _app.QueryAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.CustomerId).SingleAsync()));
    }

    [Fact]
    public async Task A_bsuid_change_keeps_the_customer_and_later_messages_from_the_new_bsuid_reach_the_same_conversation()
    {
        var oldUserId = NewUserId();
        var newUserId = NewUserId();
        await PostAsync(UsernameUserText(oldUserId, "hi"));
        await _app.Graph.NthToAsync(oldUserId, 1);
        var orderId = await PlaceOrderAsync(oldUserId);

        // platforms-2026.md 1.5: user_changed_user_id carries no phone number; system.user_id is the new BSUID.
        await PostAsync(Envelope("", $$$"""
            [{"from_user_id":"{{{oldUserId}}}","id":"{{{MetaPayloads.NewId()}}}","timestamp":"{{{MetaPayloads.Timestamp()}}}","type":"system",
              "system":{"body":"User A changed their user id","user_id":"{{{newUserId}}}","type":"user_changed_user_id"}}]
            """));
        await PostAsync(UsernameUserText(newUserId, "hi"));
        var reply = await _app.Graph.NthToAsync(newUserId, 1);

        Assert.Equal(newUserId, reply.Body["recipient"]!.GetValue<string>());
        var customer = await CustomerAsync(oldUserId);
        Assert.Equal(newUserId, customer!.WhatsAppUserId);
        Assert.Equal(oldUserId, await _app.QueryAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.CustomerId).SingleAsync()));
        Assert.False(await _app.QueryAsync(db => db.Customers.AnyAsync(c => c.Id == newUserId)));
    }

    [Fact]
    public async Task A_phone_number_shared_on_request_is_kept_and_later_replies_go_to_the_number()
    {
        var userId = NewUserId();
        var waId = WhatsAppTestApp.NewWaId();
        await PostAsync(UsernameUserText(userId, "hi"));
        await _app.Graph.NthToAsync(userId, 1);

        // platforms-2026.md 1.6: the answer to REQUEST_CONTACT_INFO is a contacts message with origin contact_request.
        await PostAsync(Envelope($$$"""[{"profile":{"name":"Sheena","username":"sheena.n"},"user_id":"{{{userId}}}"}]""", $$$"""
            [{"from_user_id":"{{{userId}}}","id":"{{{MetaPayloads.NewId()}}}","timestamp":"{{{MetaPayloads.Timestamp()}}}","type":"contacts","origin":"contact_request",
              "contacts":[{"name":{"formatted_name":"Sheena Nelson","first_name":"Sheena"},"phones":[{"phone":"+{{{waId}}}","wa_id":"{{{waId}}}","type":"MOBILE"}]}]}]
            """));
        await PostAsync(UsernameUserText(userId, "menu"));
        var reply = await _app.Graph.NthToAsync("+" + waId, 1);

        Assert.Null(reply.Body["recipient"]);
        Assert.Equal("+" + waId, (await CustomerAsync(userId))!.Phone);
    }

    [Fact]
    public async Task Order_events_carry_what_is_known_of_a_username_only_customer()
    {
        var userId = NewUserId();
        await PostAsync(UsernameUserText(userId, "hi"));
        await _app.Graph.NthToAsync(userId, 1);

        var orderId = await PlaceOrderAsync(userId);

        var payload = await _app.QueryAsync(db => db.OutboxEvents.Where(e => e.OrderId == orderId).Select(e => e.Payload).FirstAsync());
        var contact = JsonNode.Parse(payload)!["contact"]!;
        Assert.Equal(userId, contact["whatsapp_user_id"]!.GetValue<string>());
        Assert.Equal("sheena.n", contact["username"]!.GetValue<string>());
        Assert.Null(contact["phone"]);
    }

    [Theory]
    [InlineData("US.13491208655302741918", null, "US.13491208655302741918")]
    [InlineData("16505551234", "+16505551234", null)]
    public void A_from_that_is_not_all_digits_is_read_as_a_bsuid_not_a_phone_number(string from, string? phone, string? userId)
    {
        // platforms-2026.md 1.2: some threads say from may carry the BSUID (unverified); a non-digit from is no phone.
        var json = Envelope("", $$$"""[{"from":"{{{from}}}","id":"wamid.X1","timestamp":"1749416383","type":"text","text":{"body":"hi"}}]""");

        var payload = OrderBot.Server.WhatsApp.WebhookPayload.Parse(MetaPayloads.Bytes(json), DateTime.UtcNow);

        var sender = payload.Senders["wamid.X1"];
        Assert.Equal(phone, sender.Phone);
        Assert.Equal(userId, sender.UserId);
    }
}
