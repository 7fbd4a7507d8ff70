using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Crm;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Shop;
using OrderBot.Stock;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Orders;

/// <summary>The Order Handler with a shop file and stock marks, run against every storage provider by the subclasses.</summary>
public abstract class ShopOrderContract(TestDatabase database)
{
    private static readonly OrderBot.Menus.Menu Pizza = OrderBot.Menus.MenuLoader.LoadFile(RepositoryFiles.PathOf("samples", "menus", "pizzeria.json"));

    // Friday 2026-12-04 12:00 in New York: the pizzeria is open.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero));

    private static ShopSettings Shop(string? tax = null)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("samples", "shops", "pizzeria.json")))!;
        if (tax is not null)
        {
            json["tax"] = System.Text.Json.Nodes.JsonNode.Parse(tax);
        }

        return ShopLoader.Parse(json.ToJsonString(), "pizzeria");
    }

    private StockList Stock() => new(database.DbFactory, _clock, Pizza);

    private OrderHandler Handler(ShopSettings? shop = null) => new(
        database.DbFactory, _clock, NullLogger<OrderHandler>.Instance, new OutboxWriter([new OutboxDestination("crm", true)], new OutboxSignal(), _clock), Pizza, shop: shop ?? Shop(), stock: Stock());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<OrderItemRequest> Pizzas(int quantity) => [new("pizza", quantity) { Size = "large", Options = [new OptionRequest("pepperoni")] }];

    private async Task<OrderRequest> RequestAsync(int pizzas, FulfilmentRequest? fulfilment, PaymentMethod? payment = null, decimal? tip = null) =>
        new(await database.NewCustomerAsync(), Pizzas(pizzas)) { Fulfilment = fulfilment, PaymentMethod = payment, TipPercent = tip };

    [Fact]
    public async Task A_delivery_in_a_zone_gets_the_zones_fee_and_estimate_and_the_created_event_carries_them()
    {
        var shop = Shop("""{"included": false, "rate": 10}""");
        var queued = await Handler(shop).QueuedOrdersAsync(Ct);
        var placed = await Handler(shop).CreateOrderAsync(
            await RequestAsync(2, new FulfilmentRequest(FulfilmentMode.Delivery) { Address = "350 5th Ave, New York, NY 10118", Postcode = "10001" }, PaymentMethod.Cash, 10), Ct);

        var order = placed.Order;
        Assert.Equal(("midtown", 2.5m), (order.Fulfilment!.Zone, order.Fulfilment.Fee));
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddMinutes(20 + 25 + (4 * queued)), order.Fulfilment.EstimatedAt);
        Assert.Equal(new Payment { Method = PaymentMethod.Cash, State = PaymentState.Due }, order.Payment);
        var subtotal = order.Items.Sum(i => i.Price * i.Quantity);
        Assert.Equal(subtotal, order.Subtotal);
        Assert.Equal(OrderBot.Menus.Money.Round((subtotal + 2.5m) * 0.10m, 2), order.Tax);
        Assert.Equal(OrderBot.Menus.Money.Round(subtotal * 0.10m, 2), order.Tip);
        Assert.Equal(subtotal + 2.5m + order.Tax + order.Tip, order.TotalAmount);

        var stored = await Handler(shop).GetOrderAsync(placed.OrderId, Ct);
        Assert.Equal(order.Fulfilment, stored!.Fulfilment);
        Assert.Equal(order.Payment, stored.Payment);
        await using var db = await database.DbFactory.CreateDbContextAsync(Ct);
        var payload = JsonDocument.Parse((await db.OutboxEvents.SingleAsync(e => e.OrderId == placed.OrderId, Ct)).Payload).RootElement.GetProperty("order");
        Assert.Equal("delivery", payload.GetProperty("fulfilment").GetProperty("mode").GetString());
        Assert.Equal("due", payload.GetProperty("payment").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Each_order_the_kitchen_already_has_adds_four_minutes_to_an_as_soon_as_possible_estimate()
    {
        var handler = Handler();
        var pickup = new FulfilmentRequest(FulfilmentMode.Pickup);
        var before = (await handler.CreateOrderAsync(await RequestAsync(1, pickup), Ct)).Order.Fulfilment!.EstimatedAt;
        var queued = await handler.CreateOrderAsync(await RequestAsync(1, pickup), Ct);
        await handler.ChangeStatusAsync(queued.OrderId, OrderStatus.Confirmed, "staff:test", Ct);

        var after = (await handler.CreateOrderAsync(await RequestAsync(1, pickup), Ct)).Order.Fulfilment!.EstimatedAt;

        Assert.Equal(before!.Value.AddMinutes(4), after);
    }

    [Theory]
    [InlineData("221B Baker Street, London NW1 6XE", null, null, OrderRule.OutsideZone)]
    [InlineData(null, null, null, OrderRule.AddressRequired)]
    [InlineData("350 5th Ave, NY 10118", "10001", 0, OrderRule.BelowMinimum)]
    public async Task A_delivery_outside_the_zones_without_an_address_or_under_the_minimum_is_refused_and_nothing_is_stored(
        string? address, string? postcode, int? _, OrderRule rule)
    {
        var pizzas = rule == OrderRule.BelowMinimum ? 1 : 2;
        var request = await RequestAsync(pizzas, new FulfilmentRequest(FulfilmentMode.Delivery) { Address = address, Postcode = postcode });
        if (rule == OrderRule.BelowMinimum)
        {
            request = request with { Items = [new("garlic bread", 1)] };
        }

        var error = await Assert.ThrowsAsync<OrderRuleException>(() => Handler().CreateOrderAsync(request, Ct));
        Assert.Equal(rule, error.Rule);
        Assert.Empty((await Handler().GetCustomerOrdersAsync(request.CustomerId, cancellationToken: Ct)).Orders);
    }

    [Fact]
    public async Task An_order_while_the_shop_is_closed_is_refused_with_the_next_opening_and_a_scheduled_time_is_checked()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 20, 30, 0, TimeSpan.Zero)); // 15:30 in New York, between lunch and dinner
        var closed = await Assert.ThrowsAsync<OrderRuleException>(async () => await Handler().CreateOrderAsync(await RequestAsync(1, null), Ct));
        Assert.Equal((OrderRule.ShopClosed, new DateTimeOffset(2026, 12, 4, 22, 0, 0, TimeSpan.Zero)), (closed.Rule, closed.NextOpening));

        var at = new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.FromHours(-5));
        var scheduled = await Handler().CreateOrderAsync(await RequestAsync(1, new FulfilmentRequest(FulfilmentMode.Pickup) { RequestedFor = at }), Ct);
        Assert.Equal((at.UtcDateTime, at.UtcDateTime), (scheduled.Order.Fulfilment!.RequestedFor, scheduled.Order.Fulfilment.EstimatedAt));

        var past = await Assert.ThrowsAsync<OrderRuleException>(async () =>
            await Handler().CreateOrderAsync(await RequestAsync(1, new FulfilmentRequest(FulfilmentMode.Pickup) { RequestedFor = at.AddHours(-5) }), Ct));
        Assert.Equal(OrderRule.TimeInThePast, past.Rule);
    }

    [Fact]
    public async Task A_mode_payment_method_or_tip_the_shop_does_not_offer_is_refused_by_rule()
    {
        var pickupOnly = ShopLoader.Parse("""{"name": "P", "timeZone": "UTC", "openingHours": {"friday": ["00:00-24:00"]}, "payment": ["cash"]}""", "p");
        var delivery = await Assert.ThrowsAsync<OrderRuleException>(async () =>
            await Handler(pickupOnly).CreateOrderAsync(await RequestAsync(1, new FulfilmentRequest(FulfilmentMode.Delivery) { Address = "x" }), Ct));
        var online = await Assert.ThrowsAsync<OrderRuleException>(async () =>
            await Handler(pickupOnly).CreateOrderAsync(await RequestAsync(1, null, PaymentMethod.Online), Ct));
        var tip = await Assert.ThrowsAsync<OrderRuleException>(async () => await Handler().CreateOrderAsync(await RequestAsync(1, null, tip: 12), Ct));
        Assert.Equal([OrderRule.ModeNotOffered, OrderRule.PaymentNotAccepted, OrderRule.TipNotOffered], [delivery.Rule, online.Rule, tip.Rule]);
    }

    [Fact]
    public async Task Absurd_fulfilment_input_is_a_validation_error_not_a_stored_order()
    {
        var huge = await RequestAsync(1, new FulfilmentRequest(FulfilmentMode.Delivery) { Address = new string('a', 5000) });
        var error = await Assert.ThrowsAsync<OrderValidationException>(() => Handler().CreateOrderAsync(huge, Ct));
        Assert.Contains("fulfilment.address", error.Errors.Keys);
        var pole = await RequestAsync(1, new FulfilmentRequest(FulfilmentMode.Delivery) { Latitude = 91, Longitude = 0 });
        Assert.Contains("fulfilment.latitude", (await Assert.ThrowsAsync<OrderValidationException>(() => Handler().CreateOrderAsync(pole, Ct))).Errors.Keys);
    }

    [Fact]
    public async Task A_sold_out_item_or_option_is_refused_at_create_and_accepted_again_once_marked_back()
    {
        Assert.True(await Stock().MarkSoldOutAsync(StockKind.Item, "pizza", "test", Ct));
        Assert.True(await Stock().MarkSoldOutAsync(StockKind.Item, "pizza", "test", Ct));
        Assert.True(await Stock().MarkSoldOutAsync(StockKind.Option, "pepperoni", "test", Ct));
        var request = await RequestAsync(1, null);
        var error = await Assert.ThrowsAsync<OrderRuleException>(() => Handler().CreateOrderAsync(request, Ct));
        Assert.True(await Stock().MarkAvailableAsync(StockKind.Option, "pepperoni", Ct));
        Assert.Equal(OrderRule.SoldOut, error.Rule);
        Assert.Equal(["pizza", "pepperoni"], error.SoldOut);

        Assert.True(await Stock().MarkAvailableAsync(StockKind.Item, "pizza", Ct));
        Assert.NotNull(await Handler().CreateOrderAsync(await RequestAsync(1, null), Ct));
        Assert.False(await Stock().MarkSoldOutAsync(StockKind.Item, "no_such_item", "test", Ct));
    }

    [Fact]
    public async Task A_payment_change_is_recorded_with_its_outbox_event_in_one_step()
    {
        var placed = await Handler().CreateOrderAsync(await RequestAsync(2, null, PaymentMethod.Online), Ct);
        Assert.Equal(PaymentState.Pending, placed.Order.Payment!.State);

        var paid = await Handler().RecordPaymentAsync(placed.OrderId, PaymentState.Paid, "cs_test_123", cancellationToken: Ct);

        Assert.Equal(StatusChangeOutcome.Changed, paid.Outcome);
        Assert.Equal(new Payment { Method = PaymentMethod.Online, State = PaymentState.Paid, Reference = "cs_test_123" }, paid.Order!.Payment);
        await using var db = await database.DbFactory.CreateDbContextAsync(Ct);
        Assert.Contains(await db.OutboxEvents.Where(e => e.OrderId == placed.OrderId).Select(e => e.Type).ToListAsync(Ct), t => t == OrderEvent.Payment);
        Assert.Equal(StatusChangeOutcome.NotFound, (await Handler().RecordPaymentAsync(Guid.CreateVersion7().ToString(), PaymentState.Paid, null, cancellationToken: Ct)).Outcome);
    }

    [Fact]
    public async Task A_pickup_order_ends_collected_and_a_delivery_order_ends_delivered()
    {
        var pickup = await Handler().CreateOrderAsync(await RequestAsync(2, new FulfilmentRequest(FulfilmentMode.Pickup)), Ct);
        var delivery = await Handler().CreateOrderAsync(await RequestAsync(2, new FulfilmentRequest(FulfilmentMode.Delivery) { Postcode = "10001", Address = "1 Penn Plaza" }), Ct);
        foreach (var status in new[] { OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.Ready })
        {
            await Handler().ChangeStatusAsync(pickup.OrderId, status, "test", Ct);
            await Handler().ChangeStatusAsync(delivery.OrderId, status, "test", Ct);
        }

        Assert.Equal(StatusChangeOutcome.Forbidden, (await Handler().ChangeStatusAsync(pickup.OrderId, OrderStatus.Shipped, "test", Ct)).Outcome);
        Assert.Equal(OrderStatus.Collected, (await Handler().ChangeStatusAsync(pickup.OrderId, OrderStatus.Collected, "test", Ct)).Order!.Status);
        Assert.Equal(StatusChangeOutcome.Forbidden, (await Handler().ChangeStatusAsync(delivery.OrderId, OrderStatus.Collected, "test", Ct)).Outcome);
        Assert.Equal([OrderStatus.Shipped], (await Handler().GetOrderAsync(delivery.OrderId, Ct))!.NextStatuses);
    }
}

public sealed class SqliteShopOrderTests(SqliteTestDatabase database) : ShopOrderContract(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresShopOrderTests(PostgresTestDatabase database) : ShopOrderContract(database), IClassFixture<PostgresTestDatabase>;
