using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OrderBot.Crm;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Crm;

public sealed class HubSpotDelivererTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_order_upserts_the_order_and_the_contact_and_associates_them_and_a_status_change_upserts_the_order_only()
    {
        await using var hubSpot = await FakeHubSpot.StartAsync();
        var settings = hubSpot.Settings();
        settings["Crm:HubSpot:Pipeline"] = "orders-pipeline";
        settings["Crm:HubSpot:StatusMap:confirmed"] = "stage-confirmed";
        await using var harness = CrmHarness.Create(database, settings);
        var customer = await database.NewCustomerAsync();
        var placed = await harness.Handler.CreateOrderAsync(customer, [new OrderItemRequest("Pizza", 2, 10.99m)], Ct);

        Assert.Equal(1, await harness.Dispatcher.DispatchDueAsync(Ct));
        Assert.True((await harness.Handler.ChangeStatusAsync(placed.OrderId, OrderStatus.Confirmed, "test", Ct)).Succeeded);
        Assert.Equal(1, await harness.Dispatcher.DispatchDueAsync(Ct));

        var requests = hubSpot.Requests;
        Assert.Equal(
        [
            ("POST", "/crm/v3/objects/order/batch/upsert"),
            ("POST", "/crm/v3/objects/contacts/batch/upsert"),
            ("PUT", "/crm/v4/objects/order/1000/associations/default/contact/1001"),
            ("POST", "/crm/v3/objects/order/batch/upsert"),
        ], requests.Select(r => (r.Method, r.Path)));
        Assert.All(requests, r => Assert.Equal($"Bearer {FakeHubSpot.Token}", r.Authorization));
        AssertJson(Upsert(placed.OrderId, "hs_external_order_id", Properties(placed.Number, "pending")), requests[0].Body);
        AssertJson(Upsert(customer, "orderbot_customer_id", new JsonObject { ["phone"] = customer }), requests[1].Body);
        Assert.Equal("", requests[2].Body);
        AssertJson(Upsert(placed.OrderId, "hs_external_order_id", Properties(placed.Number, "stage-confirmed")), requests[3].Body);
        Assert.StartsWith("application/json", requests[0].ContentType, StringComparison.Ordinal);

        Assert.True(hubSpot.Associated("1000", "1001"));
        Assert.Equal("stage-confirmed", hubSpot.Find("order", placed.OrderId)!.Value.Properties["hs_pipeline_stage"]!.GetValue<string>());
        Assert.Equal(CrmSync.Synced, (await harness.SyncStateAsync(placed.OrderId)).State);
    }

    /// <summary>
    /// platforms-2026.md §6: the order guide documents <c>hs_shipping_address_street</c> (its create example sends
    /// "1 Main St") but nothing for mode, payment, tax or tip, so those go only to the custom properties configured for them.
    /// </summary>
    [Fact]
    public async Task A_delivery_order_sends_its_address_to_the_shipping_street_and_payment_tax_and_tip_only_to_the_configured_properties()
    {
        await using var hubSpot = await FakeHubSpot.StartAsync();
        var settings = hubSpot.Settings();
        settings["Crm:HubSpot:OrderFieldProperties:fulfilment_mode"] = "orderbot_fulfilment_mode";
        settings["Crm:HubSpot:OrderFieldProperties:payment_method"] = "orderbot_payment_method";
        settings["Crm:HubSpot:OrderFieldProperties:payment_state"] = "orderbot_payment_state";
        settings["Crm:HubSpot:OrderFieldProperties:tax"] = "orderbot_tax";
        settings["Crm:HubSpot:OrderFieldProperties:tip"] = "orderbot_tip";
        settings["Crm:HubSpot:OrderFieldProperties:delivery_fee"] = "orderbot_delivery_fee";
        await using var harness = CrmHarness.Create(database, settings);
        var shop = OrderBot.Shop.ShopLoader.Parse("""
            {"name": "Test", "timeZone": "UTC",
             "openingHours": {"monday": ["00:00-24:00"], "tuesday": ["00:00-24:00"], "wednesday": ["00:00-24:00"], "thursday": ["00:00-24:00"],
                              "friday": ["00:00-24:00"], "saturday": ["00:00-24:00"], "sunday": ["00:00-24:00"]},
             "fulfilment": ["pickup", "delivery"],
             "deliveryZones": [{"id": "main", "postcodes": ["10115"], "fee": 2.00, "minimumOrder": 5, "deliveryMinutes": 30}],
             "payment": ["cash", "card"], "tax": {"included": false, "rate": 10}, "tips": [10]}
            """, "test");
        var customer = await database.NewCustomerAsync();
        var placed = await harness.HandlerFor(shop).CreateOrderAsync(new OrderRequest(customer, [new OrderItemRequest("Pizza", 2, 10.00m)])
        {
            Fulfilment = new FulfilmentRequest(FulfilmentMode.Delivery) { Address = "1 Main St, 10115 Berlin" },
            PaymentMethod = PaymentMethod.Card,
            TipPercent = 10,
        }, Ct);

        Assert.Equal(1, await harness.Dispatcher.DispatchDueAsync(Ct));

        var sent = JsonNode.Parse(hubSpot.Requests[0].Body)!["inputs"]![0]!["properties"]!.AsObject();
        Assert.Equal(placed.OrderId, JsonNode.Parse(hubSpot.Requests[0].Body)!["inputs"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("1 Main St, 10115 Berlin", sent["hs_shipping_address_street"]!.GetValue<string>());
        Assert.Equal("delivery", sent["orderbot_fulfilment_mode"]!.GetValue<string>());
        Assert.Equal("card", sent["orderbot_payment_method"]!.GetValue<string>());
        Assert.Equal("due", sent["orderbot_payment_state"]!.GetValue<string>());
        Assert.Equal(2.2m, decimal.Parse(sent["orderbot_tax"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2m, decimal.Parse(sent["orderbot_tip"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2m, decimal.Parse(sent["orderbot_delivery_fee"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(sent, p => p.Key.Contains("zone", StringComparison.Ordinal) || p.Key.Contains("subtotal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_order_of_a_customer_erased_before_it_was_sent_reaches_HubSpot_without_a_contact()
    {
        await using var hubSpot = await FakeHubSpot.StartAsync();
        await using var harness = CrmHarness.Create(database, hubSpot.Settings());
        var customer = await database.NewCustomerAsync();
        var placed = await harness.Handler.CreateOrderAsync(customer, [new OrderItemRequest("Pizza", 1, 10.99m)], Ct);

        Assert.NotNull(await harness.Customers.EraseAsync(customer, Ct));
        Assert.Equal(1, await harness.Dispatcher.DispatchDueAsync(Ct));

        Assert.Equal([("POST", "/crm/v3/objects/order/batch/upsert")], hubSpot.Requests.Select(r => (r.Method, r.Path)));
        Assert.DoesNotContain(customer.TrimStart('+'), hubSpot.Requests[0].Body, StringComparison.Ordinal);
        Assert.NotNull(hubSpot.Find("order", placed.OrderId));
    }

    [Fact]
    public async Task A_HubSpot_429_without_Retry_After_waits_for_the_rate_limit_window_and_a_redelivery_changes_nothing()
    {
        var clock = TestDatabase.Clock();
        await using var hubSpot = await FakeHubSpot.StartAsync();
        var limited = 1;
        hubSpot.Intercept = _ => Interlocked.Exchange(ref limited, 0) == 1 ? new RateLimited() : null;
        await using var harness = CrmHarness.Create(database, hubSpot.Settings(), clock);
        var orderId = await harness.PlaceAsync(database);

        await harness.Dispatcher.DispatchDueAsync(Ct);
        var waiting = Assert.Single(await harness.EventsAsync(orderId));
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(10), waiting.NextAttemptAt);
        Assert.Contains("SECONDLY", waiting.LastError, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await harness.Dispatcher.DispatchDueAsync(Ct));
        var delivered = Assert.Single(await harness.EventsAsync(orderId));
        Assert.Equal(OutboxState.Delivered, delivered.State);
        var before = hubSpot.Requests.Count;

        // A redelivery, as after a crash between HubSpot's answer and our commit: the same objects, nothing new.
        Assert.Equal(DeliveryOutcome.Delivered, (await harness.Deliverer.DeliverAsync(delivered, Ct)).Outcome);
        var customer = (await harness.Handler.GetOrderAsync(orderId, Ct))!.CustomerId;
        Assert.Equal(("1000", "1001"), (hubSpot.Find("order", orderId)!.Value.Id, hubSpot.Find("contacts", customer)!.Value.Id));
        Assert.Equal(before + 3, hubSpot.Requests.Count);
        Assert.Equal(2, hubSpot.ObjectCount);
    }

    [Fact]
    public async Task A_rejected_property_value_in_a_207_answer_is_dead_lettered_with_HubSpots_message()
    {
        await using var hubSpot = await FakeHubSpot.StartAsync();
        hubSpot.Intercept = _ => Results.Json(new JsonObject
        {
            ["status"] = "COMPLETE",
            ["results"] = new JsonArray(),
            ["numErrors"] = 1,
            ["errors"] = new JsonArray(new JsonObject { ["status"] = "error", ["category"] = "VALIDATION_ERROR", ["message"] = "Property values were not valid" }),
        }, statusCode: 207);
        await using var harness = CrmHarness.Create(database, hubSpot.Settings());
        var orderId = await harness.PlaceAsync(database);

        await harness.Dispatcher.DispatchDueAsync(Ct);

        var dead = Assert.Single(await harness.EventsAsync(orderId));
        Assert.Equal(OutboxState.Dead, dead.State);
        Assert.Contains("Property values were not valid", dead.LastError, StringComparison.Ordinal);
    }

    private static JsonObject Properties(string number, string stage) => new()
    {
        ["hs_order_name"] = $"Order {number}",
        ["hs_currency_code"] = "USD",
        ["hs_total_price"] = "21.98",
        ["hs_source_store"] = "OrderBot",
        ["hs_pipeline_stage"] = stage,
        ["hs_pipeline"] = "orders-pipeline",
    };

    private static JsonObject Upsert(string id, string idProperty, JsonObject properties) => new()
    {
        ["inputs"] = new JsonArray(new JsonObject { ["id"] = id, ["idProperty"] = idProperty, ["properties"] = properties }),
    };

    private static void AssertJson(JsonNode expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(actual)), $"expected {expected.ToJsonString()}\nactual   {actual}");

    /// <summary>HubSpot's 429 for the per-10-seconds limit: no Retry-After, the window in a header, the policy in the body.</summary>
    private sealed class RateLimited : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = "10000";
            httpContext.Response.Headers["X-HubSpot-RateLimit-Remaining"] = "0";
            return Results.Json(new { status = "error", message = "You have reached your secondly limit.", errorType = "RATE_LIMIT", policyName = "SECONDLY" }, statusCode: 429)
                .ExecuteAsync(httpContext);
        }
    }

    [Theory]
    [InlineData("US.13491208655302741918", null, "US.13491208655302741918", "sheena.n", null)]
    [InlineData("+16505551234", "+16505551234", "US.13491208655302741918", null, "+16505551234")]
    public void The_contact_carries_what_is_known_a_phone_only_when_there_is_one(string customerId, string? phone, string userId, string? username, string? expectedPhone)
    {
        // platforms-2026.md 1.1/1.8: a username user may have no phone number, only the BSUID and a username.
        var hubSpot = new HubSpotOptions { ContactUserIdProperty = "whatsapp_user_id", ContactUsernameProperty = "whatsapp_username" };
        var order = new OrderDetails("o1", "A1", customerId, [], 1m, "EUR", OrderStatus.Pending, DateTime.UnixEpoch, DateTime.UnixEpoch, 1);
        var orderEvent = new OrderEvent("e1", OrderEvent.Created, "o1", 1, DateTime.UnixEpoch, order) { Contact = new CustomerContact(phone, userId, username) };

        var properties = HubSpotDeliverer.ContactProperties(orderEvent, hubSpot);

        Assert.Equal(expectedPhone, properties["phone"]?.GetValue<string>());
        Assert.Equal(userId, properties["whatsapp_user_id"]!.GetValue<string>());
        Assert.Equal(username, properties["whatsapp_username"]?.GetValue<string>());
        Assert.Null(HubSpotDeliverer.ContactProperties(orderEvent, new HubSpotOptions())["whatsapp_user_id"]);
    }
}
