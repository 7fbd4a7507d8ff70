using OrderBot.Menus;
using OrderBot.Orders;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Orders;

/// <summary>What a customer may change after placing: the lines while the kitchen has not started, a cancel request after; and options on halves.</summary>
public abstract class OrderChangesContract(TestDatabase database)
{
    private static readonly OrderBot.Menus.Menu Cafe = TestMenus.Cafe();

    private static readonly OrderBot.Menus.Menu Flatbreads = MenuLoader.Parse("""
        {
          "name": "Flatbreads", "currency": "USD",
          "optionGroups": [
            { "id": "toppings", "name": "Toppings", "halves": true, "halfPrice": "half", "options": [
              { "id": "ham", "name": "ham", "price": 2.00 }, { "id": "mushrooms", "name": "mushrooms", "price": 1.00 } ] },
            { "id": "sauces", "name": "Sauces", "options": [ { "id": "chili", "name": "chili oil", "price": 0.50 } ] }
          ],
          "items": [ { "id": "flatbread", "name": "flatbread", "price": 8.00, "optionGroups": ["toppings", "sauces"] } ]
        }
        """, "flatbreads.json");

    protected virtual TestDatabase Database => database;

    private static OrderRequest Request(string customer, params OrderItemRequest[] items) => new(customer, items) { Actor = "customer:test" };

    [Fact]
    public async Task Amending_a_pending_order_replaces_its_lines_and_total_and_keeps_its_number()
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(Cafe);
        var placed = await handler.CreateOrderAsync(Request(customer, new OrderItemRequest("latte", 1) { Size = "large" }), TestContext.Current.CancellationToken);

        var amended = await handler.AmendOrderAsync(
            placed.OrderId,
            Request(customer, new OrderItemRequest("latte", 1) { Size = "large" }, new OrderItemRequest("croissant", 2)),
            TestContext.Current.CancellationToken);

        Assert.Equal(StatusChangeOutcome.Changed, amended.Outcome);
        var stored = await handler.GetOrderAsync(placed.OrderId, TestContext.Current.CancellationToken);
        Assert.Equal((placed.Number, OrderStatus.Pending, 2), (stored!.Number, stored.Status, stored.Version));
        Assert.Equal(["latte", "croissant"], stored.Items.Select(i => i.MenuItemId));
        Assert.Equal(3.90m + 2 * 2.10m, stored.TotalAmount);
    }

    [Fact]
    public async Task A_started_order_or_another_customers_order_is_not_amended()
    {
        var customer = await Database.NewCustomerAsync();
        var stranger = await Database.NewCustomerAsync();
        var handler = Database.Handler(Cafe);
        var placed = await handler.CreateOrderAsync(Request(customer, new OrderItemRequest("croissant", 1)), TestContext.Current.CancellationToken);

        var byStranger = await handler.AmendOrderAsync(placed.OrderId, Request(stranger, new OrderItemRequest("croissant", 5)), TestContext.Current.CancellationToken);
        await handler.ChangeStatusAsync(placed.OrderId, OrderStatus.Confirmed, "staff", TestContext.Current.CancellationToken);
        await handler.ChangeStatusAsync(placed.OrderId, OrderStatus.Preparing, "staff", TestContext.Current.CancellationToken);
        var tooLate = await handler.AmendOrderAsync(placed.OrderId, Request(customer, new OrderItemRequest("croissant", 5)), TestContext.Current.CancellationToken);

        Assert.Equal(StatusChangeOutcome.NotFound, byStranger.Outcome);
        Assert.Equal(StatusChangeOutcome.Forbidden, tooLate.Outcome);
        Assert.Equal(1, (await handler.GetOrderAsync(placed.OrderId, TestContext.Current.CancellationToken))!.Items.Single().Quantity);
    }

    [Fact]
    public async Task A_cancel_request_waits_on_the_order_until_staff_cancel_or_refuse_it()
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(Cafe);
        var first = await handler.CreateOrderAsync(Request(customer, new OrderItemRequest("croissant", 1)), TestContext.Current.CancellationToken);
        var second = await handler.CreateOrderAsync(Request(customer, new OrderItemRequest("croissant", 1)), TestContext.Current.CancellationToken);
        foreach (var id in new[] { first.OrderId, second.OrderId })
        {
            await handler.ChangeStatusAsync(id, OrderStatus.Confirmed, "staff", TestContext.Current.CancellationToken);
            await handler.ChangeStatusAsync(id, OrderStatus.Preparing, "staff", TestContext.Current.CancellationToken);
            Assert.Equal(StatusChangeOutcome.Changed, (await handler.RequestCancellationAsync(id, customer, "customer:test", TestContext.Current.CancellationToken)).Outcome);
        }

        var requested = await handler.GetOrderAsync(first.OrderId, TestContext.Current.CancellationToken);
        await handler.ChangeStatusAsync(first.OrderId, OrderStatus.Cancelled, "staff", TestContext.Current.CancellationToken);
        await handler.RefuseCancellationAsync(second.OrderId, "staff", TestContext.Current.CancellationToken);

        Assert.NotNull(requested!.CancelRequestedAt);
        Assert.Equal(OrderStatus.Preparing, requested.Status);
        Assert.Null((await handler.GetOrderAsync(first.OrderId, TestContext.Current.CancellationToken))!.CancelRequestedAt);
        var refused = await handler.GetOrderAsync(second.OrderId, TestContext.Current.CancellationToken);
        Assert.Equal((OrderStatus.Preparing, (DateTime?)null), (refused!.Status, refused.CancelRequestedAt));
    }

    [Fact]
    public async Task An_option_on_one_half_is_priced_by_its_group_and_kept_with_its_side()
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(Flatbreads);

        var placed = await handler.CreateOrderAsync(Request(customer, new OrderItemRequest("flatbread", 1)
        {
            Options = [new OptionRequest("ham", Half: Halves.Left), new OptionRequest("mushrooms", Half: Halves.Right)],
        }), TestContext.Current.CancellationToken);

        var line = (await handler.GetOrderAsync(placed.OrderId, TestContext.Current.CancellationToken))!.Items.Single();
        Assert.Equal(8.00m + 1.00m + 0.50m, line.Price);
        Assert.Equal([("ham", "left"), ("mushrooms", "right")], line.Options.Select(o => (o.Id, o.Half!)));
    }

    [Theory]
    [InlineData("chili", "left")]
    [InlineData("ham", "top")]
    public async Task A_half_the_menu_does_not_allow_is_rejected_naming_the_option(string option, string half)
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(Flatbreads);

        var error = await Assert.ThrowsAsync<OrderValidationException>(() => handler.CreateOrderAsync(
            Request(customer, new OrderItemRequest("flatbread", 1) { Options = [new OptionRequest(option, Half: half)] }), TestContext.Current.CancellationToken));

        Assert.Contains("items[0].options[0].half", error.Errors.Keys);
    }
}

public sealed class SqliteOrderChangesTests(SqliteTestDatabase database)
    : OrderChangesContract(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresOrderChangesTests(PostgresTestDatabase database)
    : OrderChangesContract(database), IClassFixture<PostgresTestDatabase>
{
    protected override TestDatabase Database
    {
        get
        {
            database.Server.RequireAvailable();
            return database;
        }
    }
}
