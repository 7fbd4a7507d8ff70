using Microsoft.EntityFrameworkCore;
using OrderBot.Chat;
using OrderBot.Orders;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Chat;

public sealed class StoredCartTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task A_cart_is_stored_and_read_back_with_its_lines_prices_and_options()
    {
        var ct = TestContext.Current.CancellationToken;
        var customer = await database.NewCustomerAsync();
        var line = new OrderLine("flatbread", 2, 9.50m, "flatbread", "large", [new OrderLineOption("ham", "ham", "toppings", false, "extra") { Half = "left" }]);
        await using (var db = await database.DbFactory.CreateDbContextAsync(ct))
        {
            db.ConversationStates.Add(new ConversationState { CustomerId = customer, Channel = "test", Cart = [line] });
            await db.SaveChangesAsync(ct);
        }

        await using var after = await database.DbFactory.CreateDbContextAsync(ct);
        var cart = (await after.ConversationStates.AsNoTracking().SingleAsync(s => s.CustomerId == customer, ct)).Cart;

        Assert.Equal(line with { Options = [] }, cart.Single() with { Options = [] });
        Assert.Equal(line.Options, cart.Single().Options);
    }

    [Fact]
    public async Task A_cart_saved_when_its_lines_had_a_unit_price_keeps_its_prices()
    {
        var ct = TestContext.Current.CancellationToken;
        var customer = await database.NewCustomerAsync();
        await using (var db = await database.DbFactory.CreateDbContextAsync(ct))
        {
            db.ConversationStates.Add(new ConversationState { CustomerId = customer, Channel = "test" });
            await db.SaveChangesAsync(ct);
            // The JSON a cart line was written as before carts held order lines.
            const string old = """[{"menu_item_id":"latte","name":"latte","quantity":2,"unit_price":3.90,"size":"large","options":[{"id":"oat","name":"oat milk","group":"milk","negated":false}],"line_total":7.80}]""";
            await db.Database.ExecuteSqlAsync($"UPDATE chat_conversations SET cart = {old} WHERE customer_id = {customer}", ct);
        }

        await using var after = await database.DbFactory.CreateDbContextAsync(ct);
        var line = (await after.ConversationStates.AsNoTracking().SingleAsync(s => s.CustomerId == customer, ct)).Cart.Single();

        Assert.Equal(("latte", "latte", 2, 3.90m, "large", 7.80m), (line.MenuItemId, line.Name, line.Quantity, line.Price, line.Size, line.LineTotal));
        Assert.Equal([new OrderLineOption("oat", "oat milk", "milk", false, null)], line.Options);
    }
}
