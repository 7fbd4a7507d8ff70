using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Chat;
using OrderBot.Extraction;
using OrderBot.Orders;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Chat;

/// <summary>The conversation on its own: a real SQLite database, the cafe menu, the parser and a fake clock.</summary>
public sealed class ConversationTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _db = new();
    private readonly FakeTimeProvider _clock = TestDatabase.Clock();
    private readonly OrderBot.Menus.Menu _menu = TestMenus.Cafe();
    private Conversation _conversation = null!;
    private OrderHandler _orders = null!;
    private string _customer = "";

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        _orders = _db.Handler(_menu, _clock);
        _conversation = new Conversation(
            new MenuParser(_menu), _orders, _db.Customers(_clock), _menu, _clock,
            Options.Create(new ConversationOptions { CartLifetime = TimeSpan.FromHours(2) }), NullLogger<Conversation>.Instance);
        _customer = "+49" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private async Task<IReadOnlyList<OutgoingMessage>> SendAsync(IncomingContent content)
    {
        await using var db = await _db.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var replies = await _conversation.HandleAsync(
            db, new IncomingMessage("test", Guid.NewGuid().ToString(), _customer, _clock.GetUtcNow().UtcDateTime, content), TestContext.Current.CancellationToken);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return replies;
    }

    private Task<IReadOnlyList<OutgoingMessage>> SayAsync(string text) => SendAsync(new TextContent(text));

    private static string Press(OutgoingMessage message, string title) => message switch
    {
        ButtonsReply b => b.Buttons.Single(x => x.Title == title).Id,
        ListReply l => l.Rows.Single(x => x.Title == title).Id,
        _ => throw new InvalidOperationException($"no choices in: {message.Text}"),
    };

    /// <summary>A conversation whose handler and cart both read the stock list.</summary>
    private (Conversation Conversation, OrderBot.Stock.StockList Stock) WithStock()
    {
        var stock = new OrderBot.Stock.StockList(_db.DbFactory, _clock, _menu);
        var orders = new OrderHandler(_db.DbFactory, _clock, NullLogger<OrderHandler>.Instance, TestDatabase.Outbox(_clock), _menu, stock: stock);
        var conversation = new Conversation(
            new MenuParser(_menu), orders, _db.Customers(_clock), _menu, _clock,
            Options.Create(new ConversationOptions { CartLifetime = TimeSpan.FromHours(2) }), NullLogger<Conversation>.Instance, stock);
        return (conversation, stock);
    }

    [Fact]
    public async Task A_sold_out_item_is_refused_with_available_alternatives_and_the_rest_of_the_message_is_kept()
    {
        var (conversation, stock) = WithStock();
        _conversation = conversation;
        await stock.MarkSoldOutAsync(OrderBot.Stock.StockKind.Item, "croissant", "test", TestContext.Current.CancellationToken);

        var replies = await SayAsync("a croissant and a water");

        Assert.Contains(replies, r => r.Text.Contains("croissant is sold out", StringComparison.Ordinal));
        var cart = replies[^1].Text;
        Assert.Contains("still water", cart, StringComparison.Ordinal);
        Assert.DoesNotContain("croissant", cart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_marked_sold_out_after_it_went_into_the_cart_is_taken_out_on_confirm_and_no_order_is_placed()
    {
        var (conversation, stock) = WithStock();
        _conversation = conversation;
        var summary = (await SayAsync("a croissant and a water"))[^1];
        await stock.MarkSoldOutAsync(OrderBot.Stock.StockKind.Item, "croissant", "test", TestContext.Current.CancellationToken);

        var replies = await SendAsync(new ChoiceContent(Press(summary, "Confirm"), "Confirm"));

        Assert.Contains("croissant is sold out", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("croissant", replies[^1].Text, StringComparison.Ordinal);
        Assert.Empty((await _orders.GetCustomerOrdersAsync(_customer, cancellationToken: TestContext.Current.CancellationToken)).Orders);
    }

    [Fact]
    public async Task An_item_the_handler_refuses_as_sold_out_is_taken_out_with_the_same_words_as_the_carts_own_check()
    {
        // The cart reads no marks here, as in a race where staff mark the item between the chat's check and the commit.
        var stock = new OrderBot.Stock.StockList(_db.DbFactory, _clock, _menu);
        var orders = new OrderHandler(_db.DbFactory, _clock, NullLogger<OrderHandler>.Instance, TestDatabase.Outbox(_clock), _menu, stock: stock);
        _conversation = new Conversation(
            new MenuParser(_menu), orders, _db.Customers(_clock), _menu, _clock,
            Options.Create(new ConversationOptions { CartLifetime = TimeSpan.FromHours(2) }), NullLogger<Conversation>.Instance);
        var summary = (await SayAsync("a croissant and a water"))[^1];
        await stock.MarkSoldOutAsync(OrderBot.Stock.StockKind.Item, "croissant", "test", TestContext.Current.CancellationToken);

        var replies = await SendAsync(new ChoiceContent(Press(summary, "Confirm"), "Confirm"));

        Assert.Contains("croissant is sold out", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("sold out:", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("still water", replies[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("croissant", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_with_sizes_gets_a_size_question_instead_of_a_guess()
    {
        var replies = await SayAsync("2 lattes");

        var question = Assert.IsType<ButtonsReply>(Assert.Single(replies));
        Assert.Equal("Which size would you like for the 2 × latte?", question.Text);
        Assert.Equal(["small", "large"], question.Buttons.Select(b => b.Title));
    }

    [Fact]
    public async Task A_typed_size_answers_the_question()
    {
        await SayAsync("2 lattes");

        var summary = Assert.Single(await SayAsync("large please"));

        Assert.Contains("2 × latte (large) — €7.80", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vague_quantity_is_asked_about_and_not_added()
    {
        var replies = await SayAsync("a few croissants");

        Assert.Contains("How many", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Empty(await _orders.GetCustomerOrdersAsync(_customer, cancellationToken: TestContext.Current.CancellationToken) is { Orders: var o } ? o : []);
    }

    [Fact]
    public async Task Unrecognized_words_are_named_with_the_closest_menu_items()
    {
        var replies = await SayAsync("a croissant, a latey and a stil");

        Assert.Contains("I couldn't find “latey” on the menu. Did you mean latte", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("I couldn't find “stil” on the menu. Did you mean still water?", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("1 × croissant", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_remove_and_make_it_large_edit_the_cart()
    {
        await SayAsync("a small latte and a croissant");
        await SayAsync("add 2 waters");
        var removed = await SayAsync("remove the croissant");
        var resized = await SayAsync("make the latte large");

        Assert.Equal("Removed 1 × croissant.", removed[0].Text);
        var summary = resized[^1].Text;
        Assert.Contains("1 × latte (large) — €3.90", summary, StringComparison.Ordinal);
        Assert.Contains("2 × still water — €3.00", summary, StringComparison.Ordinal);
        Assert.Contains("Total: €6.90", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("croissant", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_twice_places_one_order_and_repeats_its_number()
    {
        var summary = (await SayAsync("a croissant"))[^1];
        var confirm = new ChoiceContent(Press(summary, "Confirm"), "Confirm");

        var first = await SendAsync(confirm);
        var second = await SendAsync(confirm);

        var order = Assert.Single((await _orders.GetCustomerOrdersAsync(_customer, cancellationToken: TestContext.Current.CancellationToken)).Orders);
        Assert.Contains($"Your order {order.Number} is placed", first[0].Text, StringComparison.Ordinal);
        Assert.Contains($"Your order {order.Number} is already placed", second[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_customers_instructions_in_the_cart_are_placed_with_the_order()
    {
        var summary = (await SayAsync("a croissant, pickup at 5"))[^1];
        Assert.Contains("Note: pickup at 5", summary.Text, StringComparison.Ordinal);

        await SendAsync(new ChoiceContent(Press(summary, "Confirm"), "Confirm"));

        var order = Assert.Single((await _orders.GetCustomerOrdersAsync(_customer, cancellationToken: TestContext.Current.CancellationToken)).Orders);
        Assert.Equal("pickup at 5", order.SpecialInstructions);
    }

    [Fact]
    public async Task A_cart_expires_after_its_lifetime_and_its_buttons_go_stale()
    {
        var summary = (await SayAsync("a croissant"))[^1];
        _clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        var replies = await SendAsync(new ChoiceContent(Press(summary, "Confirm"), "Confirm"));

        Assert.Contains("not confirmed in time", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("no longer open", replies[1].Text, StringComparison.Ordinal);
        Assert.Empty((await _orders.GetCustomerOrdersAsync(_customer, cancellationToken: TestContext.Current.CancellationToken)).Orders);
    }

    [Fact]
    public async Task A_cart_within_its_lifetime_is_kept()
    {
        var summary = (await SayAsync("a croissant"))[^1];
        _clock.Advance(TimeSpan.FromHours(1));

        var replies = await SendAsync(new ChoiceContent(Press(summary, "Confirm"), "Confirm"));

        Assert.Contains("is placed", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_cancels_the_latest_order_while_allowed_and_says_why_not_after()
    {
        await SendAsync(new ChoiceContent(Press((await SayAsync("a croissant"))[^1], "Confirm"), "Confirm"));
        var cancelled = await SayAsync("cancel my order");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(new ChoiceContent(Press((await SayAsync("a water"))[^1], "Confirm"), "Confirm"));
        var latest = (await _orders.GetCustomerOrdersAsync(_customer, 1, cancellationToken: TestContext.Current.CancellationToken)).Orders[0];
        foreach (var status in new[] { OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.Ready })
        {
            await _orders.ChangeStatusAsync(latest.Id, status, "staff:test", TestContext.Current.CancellationToken);
        }

        var refused = await SayAsync("cancel");

        Assert.Contains("is cancelled", cancelled[0].Text, StringComparison.Ordinal);
        Assert.Equal($"Sorry, your order {latest.Number} is ready, so it can no longer be cancelled. Please contact the shop.", refused[0].Text);
    }

    [Fact]
    public async Task Status_tells_the_latest_order_status()
    {
        await SendAsync(new ChoiceContent(Press((await SayAsync("a croissant"))[^1], "Confirm"), "Confirm"));

        var status = await SayAsync("Where is my order?");

        Assert.Contains("is received and waiting for the shop to confirm it", status[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_menu_of_a_large_shop_is_paged_within_list_limits()
    {
        var pizzeria = OrderBot.Menus.MenuLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "menus", "pizzeria.json"));

        var open = Assert.IsType<ListReply>(MenuBrowser.Open(pizzeria, ChatTexts.English));
        var drinks = Assert.IsType<ListReply>(MenuBrowser.Choose(pizzeria, open.Rows.Single(r => r.Title == "Drink").Id, ChatTexts.English, out _));
        var more = Assert.IsType<ListReply>(MenuBrowser.Choose(pizzeria, drinks.Rows.Last().Id, ChatTexts.English, out _));

        foreach (var list in new[] { open, drinks, more })
        {
            Assert.InRange(list.Rows.Count(), 1, ChatLimits.MaxListRows);
            Assert.All(list.Rows, r => Assert.InRange(r.Title.Length, 1, ChatLimits.RowTitle));
            Assert.All(list.Rows, r => Assert.InRange(r.Description?.Length ?? 0, 0, ChatLimits.RowDescription));
            Assert.InRange(list.ButtonLabel.Length, 1, ChatLimits.ListButtonLabel);
        }

        Assert.Equal("More…", drinks.Rows.Last().Title);
        Assert.DoesNotContain(more.Rows, r => drinks.Rows.Any(d => d.Id == r.Id));
    }

    [Theory]
    [InlineData("size:{0}:-1:large")]
    [InlineData("size:{0}:99:large")]
    [InlineData("line:{0}:-5")]
    [InlineData("offer:latte:-3")]
    public async Task A_button_id_out_of_range_changes_nothing_and_throws_nothing(string forgedId)
    {
        var question = (await SayAsync("2 lattes"))[^1];
        var cartId = Press(question, "small").Split(':')[1];

        var replies = await SendAsync(new ChoiceContent(string.Format(System.Globalization.CultureInfo.InvariantCulture, forgedId, cartId), "large"));
        var summary = (await SayAsync("small"))[^1];

        Assert.NotEmpty(replies);
        Assert.Contains("• 2 × latte (small)", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("3 ×", summary.Text, StringComparison.Ordinal);
    }
}
