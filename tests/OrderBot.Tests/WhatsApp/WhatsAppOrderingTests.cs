using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderBot.Chat;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.WhatsApp;

public sealed class WhatsAppOrderingTests : IAsyncLifetime
{
    private WhatsAppTestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WhatsAppTestApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string Choice(SentMessage message, string title) => message.Choices.Single(c => c.Title == title).Id;

    [Fact]
    public async Task A_customer_goes_from_hello_to_a_confirmed_order()
    {
        var customer = WhatsAppTestApp.NewWaId();

        var welcome = await _app.SayAsync(MetaPayloads.Text(customer, "Hi"), 1);
        var summary = await _app.SayAsync(MetaPayloads.Text(customer, "2 large lattes and a croissant"), 2);
        var placed = await _app.SayAsync(MetaPayloads.ButtonReply(customer, Choice(summary, "Confirm"), "Confirm"), 3);

        Assert.Contains("Welcome to Test Cafe", welcome.Text, StringComparison.Ordinal);
        Assert.Equal(["See the menu", "My order status"], welcome.Choices.Select(c => c.Title));
        Assert.Contains("2 × latte (large) — €7.80", summary.Text, StringComparison.Ordinal);
        Assert.Contains("1 × croissant — €2.10", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Total: €9.90", summary.Text, StringComparison.Ordinal);
        Assert.Equal(["Confirm", "Change", "Cancel"], summary.Choices.Select(c => c.Title));
        var order = await _app.QueryAsync(db => db.Orders.SingleAsync(o => o.CustomerId == "+" + customer));
        Assert.Equal(9.90m, order.TotalAmount);
        Assert.Contains($"Your order {order.Number} is placed. Total: €9.90", placed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cart_can_be_edited_before_confirming()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var replies = 0;
        Task<SentMessage> Say(System.Text.Json.Nodes.JsonObject message, int count = 1) => _app.SayAsync(message, replies += count);

        var sizeQuestion = await Say(MetaPayloads.Text(customer, "a latte and a croissant"));
        var afterSize = await Say(MetaPayloads.ButtonReply(customer, Choice(sizeQuestion, "large"), "large"));
        var afterAdd = await Say(MetaPayloads.Text(customer, "add a water"));
        var afterRemove = await Say(MetaPayloads.Text(customer, "remove the croissant"), 2);
        var afterResize = await Say(MetaPayloads.Text(customer, "make it small"), 2);
        var placed = await Say(MetaPayloads.Text(customer, "confirm"));

        Assert.Contains("Which size", sizeQuestion.Text, StringComparison.Ordinal);
        Assert.Equal(["small", "large"], sizeQuestion.Choices.Select(c => c.Title));
        Assert.Contains("1 × latte (large) — €3.90", afterSize.Text, StringComparison.Ordinal);
        Assert.Contains("1 × still water — €1.50", afterAdd.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("croissant", afterRemove.Text, StringComparison.Ordinal);
        Assert.Contains("1 × latte (small) — €2.70", afterResize.Text, StringComparison.Ordinal);
        Assert.Contains("Total: €4.20", afterResize.Text, StringComparison.Ordinal);
        Assert.Contains("Total: €4.20", placed.Text, StringComparison.Ordinal);
        var order = await _app.QueryAsync(db => db.Orders.SingleAsync(o => o.CustomerId == "+" + customer));
        Assert.Equal(["latte:small", "water:"], order.Items.Select(i => $"{i.MenuItemId}:{i.Size}").Order());
    }

    [Fact]
    public async Task The_same_delivery_three_times_makes_one_order_and_one_reply()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var summary = await _app.SayAsync(MetaPayloads.Text(customer, "a croissant"), 1);
        var confirm = MetaPayloads.Delivery([MetaPayloads.ButtonReply(customer, Choice(summary, "Confirm"), "Confirm")]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _app.PostAsync(confirm)));
        var placed = await _app.Graph.NthToAsync("+" + customer, 2);
        var status = await _app.SayAsync(MetaPayloads.Text(customer, "status"), 3);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains("is placed", placed.Text, StringComparison.Ordinal);
        Assert.Contains("waiting for the shop", status.Text, StringComparison.Ordinal);
        Assert.Equal(1, await _app.OrderCountAsync("+" + customer));
    }

    [Fact]
    public async Task Confirm_pressed_twice_creates_one_order()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var summary = await _app.SayAsync(MetaPayloads.Text(customer, "3 croissants"), 1);

        var first = await _app.SayAsync(MetaPayloads.ButtonReply(customer, Choice(summary, "Confirm"), "Confirm"), 2);
        var second = await _app.SayAsync(MetaPayloads.ButtonReply(customer, Choice(summary, "Confirm"), "Confirm"), 3);

        var order = await _app.QueryAsync(db => db.Orders.SingleAsync(o => o.CustomerId == "+" + customer));
        Assert.Contains($"Your order {order.Number} is placed", first.Text, StringComparison.Ordinal);
        Assert.Contains($"Your order {order.Number} is already placed", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catalog_cart_maps_retailer_ids_to_menu_items_and_names_unknown_ones()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var message = MetaPayloads.CatalogOrder(customer, ("croissant", 2, 2.10m), ("latte:large", 1, 3.90m), ("di9ozbzfi4", 1, 7.99m));

        var unknown = await _app.SayAsync(message, 1);
        var summary = await _app.Graph.NthToAsync("+" + customer, 2);

        Assert.Contains("di9ozbzfi4", unknown.Text, StringComparison.Ordinal);
        Assert.Contains("2 × croissant — €4.20", summary.Text, StringComparison.Ordinal);
        Assert.Contains("1 × latte (large) — €3.90", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Total: €8.10", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_menu_is_an_interactive_list_within_whatsapp_limits()
    {
        var customer = WhatsAppTestApp.NewWaId();

        var menu = await _app.SayAsync(MetaPayloads.Text(customer, "menu"), 1);
        var coffee = await _app.SayAsync(MetaPayloads.ListReply(customer, Choice(menu, "Coffee"), "Coffee"), 2);
        var added = await _app.SayAsync(MetaPayloads.ListReply(customer, Choice(coffee, "latte"), "latte"), 3);

        Assert.Equal("list", menu.Body["interactive"]!["type"]!.GetValue<string>());
        Assert.InRange(menu.Choices.Count, 1, 10);
        Assert.All(menu.Choices.Concat(coffee.Choices), c => Assert.InRange(c.Title.Length, 1, 24));
        Assert.Contains("Which size", added.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_change_by_staff_notifies_the_customer_even_after_a_graph_api_outage()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var order = await OrderCroissantAsync(customer);

        var confirmed = await ChangeStatusAsync(order.Id, "confirmed");
        var notified = await _app.Graph.NthToAsync("+" + customer, 3);
        _app.Graph.FailWith = 503;
        var preparing = await ChangeStatusAsync(order.Id, "preparing");
        await Eventually.TrueAsync(
            () => _app.QueryAsync(db => db.OutboundMessages.AnyAsync(m => m.CustomerId == "+" + customer && m.Attempts >= 1 && m.State == OutboundState.Pending)),
            "a failed notification attempt during the outage");
        _app.Graph.FailWith = null;
        var afterOutage = await _app.Graph.NthToAsync("+" + customer, 4);

        Assert.Equal(HttpStatusCode.OK, confirmed);
        Assert.Equal(HttpStatusCode.OK, preparing);
        Assert.Equal($"Update on your order {order.Number}: it is confirmed.", notified.Text);
        Assert.Equal($"Update on your order {order.Number}: it is being prepared.", afterOutage.Text);
        Assert.True(_app.Graph.Failures > 0);
    }

    [Fact]
    public async Task After_the_24_hour_window_a_status_change_goes_out_as_the_configured_template()
    {
        await using var app = await WhatsAppTestApp.StartAsync(("WhatsApp:StatusTemplate", "order_update"), ("WhatsApp:StatusTemplateLanguage", "de"));
        var customer = WhatsAppTestApp.NewWaId();
        var order = await OrderCroissantAsync(app, customer);
        Assert.Equal(1, await LastWroteAsync(app, customer, TimeSpan.FromHours(25)));

        Assert.Equal(HttpStatusCode.OK, await ChangeStatusAsync(app, order.Id, "confirmed"));
        var notice = await app.Graph.NthToAsync("+" + customer, 3);

        Assert.Equal("template", notice.Type);
        var template = notice.Body["template"]!;
        Assert.Equal("order_update", template["name"]!.GetValue<string>());
        Assert.Equal("de", template["language"]!["code"]!.GetValue<string>());
        Assert.Equal([order.Number, "is confirmed"], template["components"]![0]!["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task After_the_24_hour_window_a_Spanish_customer_gets_the_template_in_the_Spanish_language_code_with_a_Spanish_status()
    {
        // platforms-2026.md and Meta's template message: one template name, approved per language; "language.code" picks the translation.
        await using var app = await WhatsAppTestApp.StartAsync(
            TestMenus.MultilingualCafeJson,
            ("WhatsApp:StatusTemplate", "order_update"), ("WhatsApp:StatusTemplateLanguage", "en_US"), ("WhatsApp:StatusTemplateLanguages:es", "es_MX"));
        var customer = WhatsAppTestApp.NewWaId();
        var summary = await app.SayAsync(MetaPayloads.Text(customer, "hola, quiero un croissant por favor"), 1);
        await app.SayAsync(MetaPayloads.ButtonReply(customer, Choice(summary, "Confirmar"), "Confirmar"), 2);
        var order = await app.QueryAsync(db => db.Orders.SingleAsync(o => o.CustomerId == "+" + customer));
        Assert.Equal(1, await LastWroteAsync(app, customer, TimeSpan.FromHours(25)));

        Assert.Equal(HttpStatusCode.OK, await ChangeStatusAsync(app, order.Id, "confirmed"));
        var notice = await app.Graph.NthToAsync("+" + customer, 3);

        Assert.Equal("es", await app.QueryAsync(db => db.Customers.Where(c => c.Id == "+" + customer).Select(c => c.Language).SingleAsync()));
        Assert.Equal("template", notice.Type);
        var template = notice.Body["template"]!;
        Assert.Equal("order_update", template["name"]!.GetValue<string>());
        Assert.Equal("es_MX", template["language"]!["code"]!.GetValue<string>());
        Assert.Equal([order.Number, "está confirmado"], template["components"]![0]!["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Within_the_window_a_Portuguese_customer_is_told_of_a_status_change_in_Portuguese()
    {
        await using var app = await WhatsAppTestApp.StartAsync(TestMenus.MultilingualCafeJson);
        var customer = WhatsAppTestApp.NewWaId();
        var summary = await app.SayAsync(MetaPayloads.Text(customer, "oi, quero um croissant por favor"), 1);
        await app.SayAsync(MetaPayloads.ButtonReply(customer, Choice(summary, "Confirmar"), "Confirmar"), 2);
        var order = await app.QueryAsync(db => db.Orders.SingleAsync(o => o.CustomerId == "+" + customer));

        Assert.Equal(HttpStatusCode.OK, await ChangeStatusAsync(app, order.Id, "confirmed"));
        var notice = await app.Graph.NthToAsync("+" + customer, 3);

        Assert.Equal($"Novidades do seu pedido {order.Number}: ele está confirmado.", notice.Text);
    }

    [Fact]
    public async Task After_the_24_hour_window_without_a_template_the_status_notice_fails_with_the_reason()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var order = await OrderCroissantAsync(customer);
        Assert.Equal(1, await LastWroteAsync(_app, customer, TimeSpan.FromHours(25)));

        Assert.Equal(HttpStatusCode.OK, await ChangeStatusAsync(order.Id, "confirmed"));

        await Eventually.TrueAsync(
            () => _app.QueryAsync(db => db.OutboundMessages.AnyAsync(m => m.CustomerId == "+" + customer && m.Cause!.StartsWith("event:") && m.State == OutboundState.Failed
                && m.Error!.Contains("24-hour window"))),
            "the notice failed with its reason");
        Assert.Equal(2, _app.Graph.To("+" + customer).Count);
        Assert.Contains(_app.App.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains($"(event:{order.Id}:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifty_customers_ordering_at_once_each_get_only_their_own_replies()
    {
        var customers = Enumerable.Range(1, 50).Select(q => (WaId: WhatsAppTestApp.NewWaId(), Quantity: q)).ToList();

        await Task.WhenAll(customers.Select(c => _app.PostAsync(MetaPayloads.Delivery([MetaPayloads.Text(c.WaId, $"{c.Quantity} croissants")]))));
        var summaries = await Task.WhenAll(customers.Select(c => _app.Graph.NthToAsync("+" + c.WaId, 1)));
        await Task.WhenAll(customers.Zip(summaries).Select(p =>
            _app.PostAsync(MetaPayloads.Delivery([MetaPayloads.ButtonReply(p.First.WaId, Choice(p.Second, "Confirm"), "Confirm")]))));
        var placed = await Task.WhenAll(customers.Select(c => _app.Graph.NthToAsync("+" + c.WaId, 2)));

        foreach (var ((waId, quantity), index) in customers.Select((c, i) => (c, i)))
        {
            Assert.Contains($"{quantity} × croissant — ", summaries[index].Text, StringComparison.Ordinal);
            var order = await _app.QueryAsync(db => db.Orders.SingleAsync(o => o.CustomerId == "+" + waId));
            Assert.Equal(quantity * 2.10m, order.TotalAmount);
            Assert.Contains(order.Number, placed[index].Text, StringComparison.Ordinal);
            Assert.Equal(2, _app.Graph.To("+" + waId).Count);
        }
    }

    [Fact]
    public async Task Erasing_a_customer_removes_their_chat_messages_and_conversation()
    {
        var customer = WhatsAppTestApp.NewWaId();
        await OrderCroissantAsync(customer);

        var erased = await _app.App.Client.SendAsync(ApiClient.Request(HttpMethod.Delete, $"/api/customers/%2B{customer}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var id = "+" + customer;
        Assert.Equal(0, await _app.QueryAsync(db => db.ChatInbox.CountAsync(m => m.CustomerId == id)));
        Assert.Equal(0, await _app.QueryAsync(db => db.OutboundMessages.CountAsync(m => m.CustomerId == id)));
        Assert.Equal(0, await _app.QueryAsync(db => db.ConversationStates.CountAsync(m => m.CustomerId == id)));
        Assert.Equal(0, await _app.OrderCountAsync(id));
    }

    /// <summary>Orders a croissant and confirms it: two replies to the customer, one order.</summary>
    private Task<OrderBot.Orders.Order> OrderCroissantAsync(string customer) => OrderCroissantAsync(_app, customer);

    private static async Task<OrderBot.Orders.Order> OrderCroissantAsync(WhatsAppTestApp app, string customer)
    {
        var summary = await app.SayAsync(MetaPayloads.Text(customer, "a croissant"), 1);
        await app.SayAsync(MetaPayloads.ButtonReply(customer, Choice(summary, "Confirm"), "Confirm"), 2);
        return await app.QueryAsync(db => db.Orders.SingleAsync(o => o.CustomerId == "+" + customer));
    }

    /// <summary>Moves the customer's last message back beyond WhatsApp's 24-hour window.</summary>
    /// <summary>Moves the customer's messages (their Meta timestamps) <paramref name="ago"/> into the past; returns the conversations changed.</summary>
    private static Task<int> LastWroteAsync(WhatsAppTestApp app, string customer, TimeSpan ago) =>
        app.QueryAsync(async db =>
        {
            await db.ChatInbox.Where(m => m.CustomerId == "+" + customer).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTime.UtcNow - ago));
            return await db.ConversationStates.Where(s => s.CustomerId == "+" + customer).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, DateTime.UtcNow - ago));
        });

    private Task<HttpStatusCode> ChangeStatusAsync(string orderId, string status) => ChangeStatusAsync(_app, orderId, status);

    private static async Task<HttpStatusCode> ChangeStatusAsync(WhatsAppTestApp app, string orderId, string status)
    {
        var response = await app.App.Client.SendAsync(
            ApiClient.Request(HttpMethod.Patch, $"/api/orders/{orderId}/status", new { status }), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
