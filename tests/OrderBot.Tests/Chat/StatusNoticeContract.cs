using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderBot.Chat;
using OrderBot.Orders;
using OrderBot.Shop;
using OrderBot.Storage;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Chat;

/// <summary>
/// A status change and the customer's notice commit in one transaction (the notice is an <c>chat_outbound</c> row for the
/// chat worker to send, like a reply); run on every storage provider by the subclasses.
/// </summary>
public abstract class StatusNoticeContract(TestDatabase database)
{
    private const string Served = "test-channel";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual TestDatabase Database => database;

    [Fact]
    public async Task A_staff_status_change_commits_the_customers_notice_with_it_in_their_language()
    {
        var customer = await ChattingCustomerAsync(language: "pt");
        var handler = Handler(Messages());
        var placed = await handler.CreateOrderAsync(Request(customer), Ct);

        var changed = await handler.ChangeStatusAsync(placed.OrderId, OrderStatus.Confirmed, "staff:anna", Ct);

        Assert.Equal(StatusChangeOutcome.Changed, changed.Outcome);
        var notice = Assert.Single(await NoticesAsync(customer));
        Assert.Equal((Served, OutboundState.Pending, $"event:{placed.OrderId}:2"), (notice.Channel, notice.State, notice.Cause));
        var sent = Assert.IsType<StatusNotice>(JsonSerializer.Deserialize<OutgoingMessage>(notice.Payload, OrderJson.Options));
        Assert.Equal(("pt", placed.Number), (sent.Language, sent.OrderNumber));
        Assert.StartsWith($"Novidades do seu pedido {placed.Number}", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_change_that_loses_its_race_leaves_no_notice_of_its_own()
    {
        var customer = await ChattingCustomerAsync();
        var messages = Messages();
        var winner = Handler(messages);
        var placed = await winner.CreateOrderAsync(Request(customer), Ct);
        // While the loser has read the order and added its notice, but not yet committed, another change of the order commits.
        var loser = Handler(new Meanwhile(messages, () => winner.ChangeStatusAsync(placed.OrderId, OrderStatus.Cancelled, "staff:ben", Ct)));

        var lost = await loser.ChangeStatusAsync(placed.OrderId, OrderStatus.Confirmed, "staff:anna", Ct);

        Assert.Equal(StatusChangeOutcome.Conflict, lost.Outcome);
        Assert.Equal(OrderStatus.Cancelled, (await winner.GetOrderAsync(placed.OrderId, Ct))!.Status);
        var notice = Assert.Single(await NoticesAsync(customer));
        var sent = Assert.IsType<StatusNotice>(JsonSerializer.Deserialize<OutgoingMessage>(notice.Payload, OrderJson.Options));
        Assert.Contains("cancelled", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_customers_own_cancellation_is_not_announced_to_them()
    {
        var customer = await ChattingCustomerAsync();
        var handler = Handler(Messages());
        var placed = await handler.CreateOrderAsync(Request(customer), Ct);

        var cancelled = await handler.ChangeStatusAsync(placed.OrderId, OrderStatus.Cancelled, Conversation.CustomerActorPrefix + Served, Ct);

        Assert.Equal(StatusChangeOutcome.Changed, cancelled.Outcome);
        Assert.Empty(await NoticesAsync(customer));
    }

    [Fact]
    public async Task A_customer_who_never_chatted_gets_no_notice_and_the_change_commits()
    {
        var customer = await Database.NewCustomerAsync();
        var handler = Handler(Messages());
        var placed = await handler.CreateOrderAsync(Request(customer), Ct);

        var changed = await handler.ChangeStatusAsync(placed.OrderId, OrderStatus.Confirmed, "api", Ct);

        Assert.Equal(StatusChangeOutcome.Changed, changed.Outcome);
        Assert.Empty(await NoticesAsync(customer));
    }

    [Fact]
    public async Task A_customer_on_a_channel_this_process_does_not_serve_gets_no_notice_and_a_warning_is_logged()
    {
        var customer = await ChattingCustomerAsync(channel: "elsewhere");
        var logs = new LogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var handler = Handler(Messages(factory.CreateLogger<CustomerMessages>()));
        var placed = await handler.CreateOrderAsync(Request(customer), Ct);

        var changed = await handler.ChangeStatusAsync(placed.OrderId, OrderStatus.Confirmed, "staff:anna", Ct);

        Assert.Equal(StatusChangeOutcome.Changed, changed.Outcome);
        Assert.Empty(await NoticesAsync(customer));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("elsewhere", StringComparison.Ordinal));
    }

    private static OrderRequest Request(string customer) => new(customer, [new OrderItemRequest("croissant", 1)]) { Actor = "api" };

    private CustomerMessages Messages(ILogger<CustomerMessages>? logger = null) =>
        new(Database.DbFactory, [new QuietChannel()], new ChatWorkerSignal(), ShopSettings.None, TimeProvider.System, logger ?? NullLogger<CustomerMessages>.Instance);

    private OrderHandler Handler(ICustomerNotices notices) =>
        new(Database.DbFactory, TimeProvider.System, NullLogger<OrderHandler>.Instance, TestDatabase.Outbox(), TestMenus.Cafe(), notices: notices);

    /// <summary>A stored customer with a conversation on <paramref name="channel"/>, as the chat leaves one.</summary>
    private async Task<string> ChattingCustomerAsync(string? language = null, string channel = Served)
    {
        var customer = await Database.NewCustomerAsync();
        await using var db = await Database.DbFactory.CreateDbContextAsync(Ct);
        var now = DateTime.UtcNow;
        db.ConversationStates.Add(new ConversationState { CustomerId = customer, Channel = channel, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync(Ct);
        await db.Customers.Where(c => c.Id == customer).ExecuteUpdateAsync(s => s.SetProperty(c => c.Language, language), Ct);
        return customer;
    }

    private async Task<List<OutboundMessage>> NoticesAsync(string customer)
    {
        await using var db = await Database.DbFactory.CreateDbContextAsync(Ct);
        return await db.OutboundMessages.AsNoTracking().Where(m => m.CustomerId == customer).ToListAsync(Ct);
    }

    /// <summary>The channel the notices are for; nothing is sent in these tests.</summary>
    private sealed class QuietChannel : IChatChannel
    {
        public string Name => Served;

        public Task<SendResult> SendAsync(string customerId, OutgoingMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("these tests send nothing");
    }

    /// <summary>Adds the notice as <paramref name="inner"/> does, then lets <paramref name="meanwhile"/> commit a change of its own.</summary>
    private sealed class Meanwhile(ICustomerNotices inner, Func<Task> meanwhile) : ICustomerNotices
    {
        public async Task<bool> AddAsync(OrderBotDbContext db, Order order, string actor, CancellationToken cancellationToken)
        {
            var added = await inner.AddAsync(db, order, actor, cancellationToken);
            await meanwhile();
            return added;
        }

        public void Committed() => inner.Committed();
    }
}

public sealed class SqliteStatusNoticeTests(SqliteTestDatabase database)
    : StatusNoticeContract(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresStatusNoticeTests(PostgresTestDatabase database)
    : StatusNoticeContract(database), IClassFixture<PostgresTestDatabase>
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
