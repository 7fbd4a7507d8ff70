using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderBot.Orders;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Orders;

/// <summary>The Order Handler's behaviour, run against every storage provider by the subclasses.</summary>
public abstract class OrderHandlerContract(TestDatabase database)
{
    private static readonly OrderBot.Menus.Menu Cafe = TestMenus.Cafe();

    protected virtual TestDatabase Database => database;

    private static OrderItemRequest Latte(int quantity = 1) => new("latte", quantity);

    [Fact]
    public async Task Creating_an_order_prices_it_from_the_menu_and_records_the_pending_status()
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(Cafe);

        var placed = await handler.CreateOrderAsync(customer,
        [
            new OrderItemRequest("Caffe Latte", 2) { Size = "big", Options = [new OptionRequest("oat"), new OptionRequest("shot", Qualifier: "extra")] },
            new OrderItemRequest("croissant", 1) { Options = [new OptionRequest("butter", Negated: true)] },
        ], TestContext.Current.CancellationToken);

        var order = await handler.GetOrderAsync(placed.OrderId, TestContext.Current.CancellationToken);
        Assert.NotNull(order);
        Assert.Equal(OrderStatus.Pending, placed.Status);
        Assert.Equal(customer, order.CustomerId);
        // latte 3.20 + large 0.70 + oat 0.40 + shot 0.80 x (1 + extra 1) = 5.90; croissant without its butter stays 2.10.
        Assert.Equal([5.90m, 2.10m], order.Items.Select(i => i.Price));
        Assert.Equal(2 * 5.90m + 2.10m, order.TotalAmount);
        Assert.Equal(order.TotalAmount, placed.TotalAmount);
        Assert.Equal("EUR", order.Currency);
        Assert.Equal(("latte", "large"), (order.Items[0].MenuItemId, order.Items[0].Size));
        Assert.Contains(order.Items[1].Options, o => o.Id == "butter" && o.Negated);
        var created = Assert.Single(order.History!);
        Assert.Equal((null, OrderStatus.Pending), (created.From, created.To));
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$", order.Number);
    }

    [Fact]
    public async Task An_order_serialises_to_the_seed_shape_with_extra_fields_beside_it()
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(Cafe);
        var placed = await handler.CreateOrderAsync(customer, [Latte(2)], TestContext.Current.CancellationToken);

        var json = JsonSerializer.SerializeToElement(await handler.GetOrderAsync(placed.OrderId, TestContext.Current.CancellationToken), OrderJson.Options);

        string[] seedFields = ["id", "customer_id", "items", "total_amount", "status", "created_at", "updated_at"];
        Assert.All(seedFields, f => Assert.True(json.TryGetProperty(f, out _), f));
        Assert.Equal("pending", json.GetProperty("status").GetString());
        Assert.Equal(6.40m, json.GetProperty("total_amount").GetDecimal());
        var item = json.GetProperty("items")[0];
        Assert.Equal(("latte", 2, 3.20m), (item.GetProperty("name").GetString(), item.GetProperty("quantity").GetInt32(), item.GetProperty("price").GetDecimal()));
        Assert.EndsWith("Z", json.GetProperty("created_at").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_for_an_unknown_customer_fails_clearly_and_stores_nothing()
    {
        var handler = Database.Handler(Cafe);
        var stranger = "+1555" + Random.Shared.Next(1_000_000, 9_999_999);

        var error = await Assert.ThrowsAsync<UnknownCustomerException>(() => handler.CreateOrderAsync(stranger, [Latte()], TestContext.Current.CancellationToken));

        Assert.Equal(stranger, error.CustomerId);
        Assert.Empty((await handler.GetCustomerOrdersAsync(stranger, cancellationToken: TestContext.Current.CancellationToken)).Orders);
    }

    [Theory]
    [InlineData("price", "latte", 1, 0.01)]
    [InlineData("name", "unicorn frappuccino", 1, null)]
    [InlineData("quantity", "latte", 0, null)]
    [InlineData("quantity", "latte", 51, null)]
    [InlineData("price", "latte", 1, -3.2)]
    [InlineData("price", "latte", 1, 3.201)]
    public async Task A_bad_line_is_rejected_naming_the_field_and_nothing_is_stored(string field, string name, int quantity, double? price)
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(Cafe);

        var error = await Assert.ThrowsAsync<OrderValidationException>(() =>
            handler.CreateOrderAsync(customer, [Latte(), new OrderItemRequest(name, quantity, (decimal?)price)], TestContext.Current.CancellationToken));

        Assert.Contains($"items[1].{field}", error.Errors.Keys);
        Assert.Empty((await handler.GetCustomerOrdersAsync(customer, cancellationToken: TestContext.Current.CancellationToken)).Orders);
    }

    [Fact]
    public async Task Special_instructions_are_stored_with_the_order_trimmed_and_blank_ones_are_none()
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(Cafe);

        var noted = await handler.CreateOrderAsync(new OrderRequest(customer, [Latte()]) { SpecialInstructions = "  pickup at 5\nring twice " }, TestContext.Current.CancellationToken);
        var blank = await handler.CreateOrderAsync(new OrderRequest(customer, [Latte()]) { SpecialInstructions = " \t " }, TestContext.Current.CancellationToken);

        Assert.Equal("pickup at 5\nring twice", (await handler.GetOrderAsync(noted.OrderId, TestContext.Current.CancellationToken))!.SpecialInstructions);
        Assert.Null((await handler.GetOrderAsync(blank.OrderId, TestContext.Current.CancellationToken))!.SpecialInstructions);
        var page = await handler.GetCustomerOrdersAsync(customer, cancellationToken: TestContext.Current.CancellationToken);
        // Both orders may carry the same creation tick, so the list's order between them is not what this test checks.
        Assert.Equal(2, page.Orders.Count);
        Assert.Equal("pickup at 5\nring twice", page.Orders.Single(o => o.Id == noted.OrderId).SpecialInstructions);
        Assert.Null(page.Orders.Single(o => o.Id == blank.OrderId).SpecialInstructions);
    }

    [Theory]
    [InlineData(1001, 'a')]
    [InlineData(10, '\0')]
    public async Task Special_instructions_too_long_or_with_control_characters_are_rejected_and_nothing_is_stored(int length, char fill)
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(Cafe);

        var error = await Assert.ThrowsAsync<OrderValidationException>(() => handler.CreateOrderAsync(
            new OrderRequest(customer, [Latte()]) { SpecialInstructions = "note " + new string(fill, length) }, TestContext.Current.CancellationToken));

        Assert.Contains("special_instructions", error.Errors.Keys);
        Assert.Empty((await handler.GetCustomerOrdersAsync(customer, cancellationToken: TestContext.Current.CancellationToken)).Orders);
    }

    [Fact]
    public async Task Without_a_menu_the_callers_price_is_used_and_required()
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(menu: null);

        var placed = await handler.CreateOrderAsync(customer, [new("Pizza", 2, 10.99m), new("Soda", 1, 2.99m)], TestContext.Current.CancellationToken);
        var missing = await Assert.ThrowsAsync<OrderValidationException>(() => handler.CreateOrderAsync(customer, [new("Pizza", 1)], TestContext.Current.CancellationToken));

        Assert.Equal(24.97m, placed.TotalAmount);
        Assert.Contains("items[0].price", missing.Errors.Keys);
    }

    [Fact]
    public async Task Status_changes_follow_the_state_machine_and_are_recorded_with_their_actor()
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(Cafe);
        var placed = await handler.CreateOrderAsync(customer, [Latte()], TestContext.Current.CancellationToken);

        Assert.True(await handler.UpdateOrderStatusAsync(placed.OrderId, "confirmed", TestContext.Current.CancellationToken));
        var preparing = await handler.ChangeStatusAsync(placed.OrderId, OrderStatus.Preparing, "staff:anna", TestContext.Current.CancellationToken);
        var skipped = await handler.ChangeStatusAsync(placed.OrderId, OrderStatus.Delivered, "staff:anna", TestContext.Current.CancellationToken);

        var order = (await handler.GetOrderAsync(placed.OrderId, TestContext.Current.CancellationToken))!;
        Assert.True(preparing.Succeeded);
        Assert.Equal(StatusChangeOutcome.Forbidden, skipped.Outcome);
        Assert.Contains("preparing", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Preparing, order.Status);
        Assert.Equal(3, order.Version);
        Assert.Equal(
            [(null, OrderStatus.Pending, "api"), (OrderStatus.Pending, OrderStatus.Confirmed, "api"), (OrderStatus.Confirmed, OrderStatus.Preparing, "staff:anna")],
            order.History!.Select(h => (h.From, h.To, h.Actor)));
    }

    [Fact]
    public async Task A_forbidden_or_unknown_update_returns_false_and_changes_nothing()
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(Cafe);
        var placed = await handler.CreateOrderAsync(customer, [Latte()], TestContext.Current.CancellationToken);
        await handler.UpdateOrderStatusAsync(placed.OrderId, "cancelled", TestContext.Current.CancellationToken);

        Assert.False(await handler.UpdateOrderStatusAsync(placed.OrderId, "confirmed", TestContext.Current.CancellationToken));
        Assert.False(await handler.UpdateOrderStatusAsync(Guid.CreateVersion7().ToString(), "confirmed", TestContext.Current.CancellationToken));
        Assert.False(await handler.UpdateOrderStatusAsync("not-an-id", "confirmed", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<OrderValidationException>(() => handler.UpdateOrderStatusAsync(placed.OrderId, "teleported", TestContext.Current.CancellationToken));

        var order = (await handler.GetOrderAsync(placed.OrderId, TestContext.Current.CancellationToken))!;
        Assert.Equal((OrderStatus.Cancelled, 2, 2), (order.Status, order.Version, order.History!.Count));
    }

    [Fact]
    public async Task Of_racing_transitions_of_one_order_exactly_one_wins()
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Database.Handler(Cafe);
        var placed = await handler.CreateOrderAsync(customer, [Latte()], TestContext.Current.CancellationToken);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            handler.ChangeStatusAsync(placed.OrderId, OrderStatus.Cancelled, $"racer-{i}", TestContext.Current.CancellationToken))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Outcome, new[] { StatusChangeOutcome.Conflict, StatusChangeOutcome.Forbidden }));
        var order = (await handler.GetOrderAsync(placed.OrderId, TestContext.Current.CancellationToken))!;
        Assert.Equal((OrderStatus.Cancelled, 2, 2), (order.Status, order.Version, order.History!.Count));
    }

    [Fact]
    public async Task A_customers_orders_come_newest_first_in_keyset_pages()
    {
        var customer = await Database.NewCustomerAsync();
        var other = await Database.NewCustomerAsync();
        var clock = TestDatabase.Clock();
        var handler = Database.Handler(Cafe, clock);
        var created = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            created.Add((await handler.CreateOrderAsync(customer, [Latte(i % 3 + 1)], TestContext.Current.CancellationToken)).OrderId);
            await handler.CreateOrderAsync(other, [Latte()], TestContext.Current.CancellationToken);
            clock.Advance(TimeSpan.FromMilliseconds(i % 2 == 0 ? 0 : 5));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await handler.GetCustomerOrdersAsync(customer, 10, cursor, TestContext.Current.CancellationToken);
            Assert.All(page.Orders, o => Assert.Equal(customer, o.CustomerId));
            seen.AddRange(page.Orders.Select(o => o.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(created.OrderByDescending(id => id, StringComparer.Ordinal), seen);
        Assert.Equal(created.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Order_ids_sort_by_creation_time_and_numbers_are_unique()
    {
        var customer = await Database.NewCustomerAsync();
        var clock = TestDatabase.Clock();
        var handler = Database.Handler(Cafe, clock);
        var placed = new List<PlacedOrder>();
        for (var i = 0; i < 20; i++)
        {
            placed.Add(await handler.CreateOrderAsync(customer, [Latte()], TestContext.Current.CancellationToken));
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(placed.Select(p => p.OrderId), placed.Select(p => p.OrderId).Order(StringComparer.Ordinal));
        Assert.Equal(placed.Count, placed.Select(p => p.Number).Distinct().Count());
    }

    [Fact]
    public async Task Upserting_a_customer_creates_it_once_and_refreshes_its_name_and_last_seen()
    {
        var clock = TestDatabase.Clock();
        var customers = Database.Customers(clock);
        var id = "+44" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);

        var first = await customers.UpsertAsync(id, "Ann", TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromHours(1));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => customers.UpsertAsync(id, "Ann B.", TestContext.Current.CancellationToken)));

        var stored = (await customers.GetAsync(id, TestContext.Current.CancellationToken))!;
        Assert.Equal(("Ann B.", first.FirstSeenAt, first.FirstSeenAt.AddHours(1)), (stored.DisplayName, stored.FirstSeenAt, stored.LastSeenAt));
        await using var db = await Database.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await db.Customers.CountAsync(c => c.Id == id, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(101, null)]
    [InlineData(10, "garbage")]
    public async Task Bad_page_arguments_are_validation_errors(int limit, string? cursor)
    {
        var handler = Database.Handler(Cafe);
        await Assert.ThrowsAsync<OrderValidationException>(() => handler.GetCustomerOrdersAsync("anyone", limit, cursor, TestContext.Current.CancellationToken));
    }
}

public sealed class SqliteOrderHandlerTests(SqliteTestDatabase database)
    : OrderHandlerContract(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresOrderHandlerTests(PostgresTestDatabase database)
    : OrderHandlerContract(database), IClassFixture<PostgresTestDatabase>
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
