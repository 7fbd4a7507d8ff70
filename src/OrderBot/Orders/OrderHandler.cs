using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderBot.Extraction;
using OrderBot.Logging;
using OrderBot.Menus;
using OrderBot.Outbox;
using OrderBot.Shop;
using OrderBot.Stock;
using OrderBot.Storage;

namespace OrderBot.Orders;

/// <summary>
/// Creates, reads and moves orders. Every write is one transaction (one SaveChanges), which also holds the
/// change's outbox events and, for a status change, the customer's notice (<see cref="ICustomerNotices"/>); prices come
/// from the menu when one is configured; status changes go through <see cref="Order.TryMoveTo"/>.
/// </summary>
public sealed partial class OrderHandler(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    TimeProvider time,
    ILogger<OrderHandler> logger,
    OutboxWriter outbox,
    Menu? menu = null,
    OrderFeed? feed = null,
    OrderMetrics? metrics = null,
    IOrderExtractor? extractor = null,
    ShopSettings? shop = null,
    StockList? stock = null,
    ICustomerNotices? notices = null)
{
    private readonly ShopSettings _shop = shop ?? ShopSettings.None;

    public const int MaxPageSize = 100;
    private const int NumberAttempts = 5;

    // Without an injected extractor the handler reads messages with the menu's own parser, built on first use.
    private readonly Lazy<IOrderExtractor?> _extractor = new(() => extractor ?? (menu is null ? null : new MenuParser(menu)));

    /// <summary>The menu orders are priced from, if any.</summary>
    public Menu? Menu => menu;

    /// <summary>The shop's rules orders are checked against (<see cref="ShopSettings.None"/> without a shop file).</summary>
    public ShopSettings Shop => _shop;

    /// <summary>The specification's form: stores a new pending order for an existing customer.</summary>
    /// <inheritdoc cref="CreateOrderAsync(OrderRequest, CancellationToken)"/>
    public Task<PlacedOrder> CreateOrderAsync(string customerId, IReadOnlyList<OrderItemRequest> items, CancellationToken cancellationToken = default) =>
        CreateOrderAsync(new OrderRequest(customerId, items), cancellationToken);

    /// <summary>Stores a new pending order for an existing customer, or returns the first one for a repeated idempotency key.</summary>
    /// <exception cref="OrderValidationException">A field is invalid; nothing was stored.</exception>
    /// <exception cref="UnknownCustomerException">The customer does not exist; nothing was stored.</exception>
    /// <exception cref="IdempotencyKeyReusedException">The key was used before for a different request; nothing was stored.</exception>
    public async Task<PlacedOrder> CreateOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        var currency = menu?.Currency ?? "USD";
        var minorUnits = menu?.MinorUnits ?? 2;
        var lines = OrderRequestValidator.BuildLines(request, menu, currency, minorUnits, out var specialInstructions);
        var idempotency = IdempotencyFor(request);
        if (idempotency is not null && await FindReplayAsync(idempotency, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        await RefuseSoldOutAsync(lines, cancellationToken);
        var queued = _shop.IsConfigured && request.Fulfilment is { RequestedFor: null } ? await QueuedOrdersAsync(cancellationToken) : 0;
        var (fulfilment, payment, price) = ShopOrderRules.Apply(request, _shop, Order.Total(lines, minorUnits), minorUnits, time.GetUtcNow(), queued);
        var order = Order.Place(
            OrderIdentity.New(time), request.CustomerId, currency, minorUnits, lines, request.Actor, time.GetUtcNow().UtcDateTime, specialInstructions,
            fulfilment, payment, price);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // Everything written here is added, never modified afterwards: scanning for changes would find nothing.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Orders.Add(order);
            if (idempotency is not null)
            {
                db.IdempotentOrderRequests.Add(new IdempotentOrderRequest
                {
                    Key = idempotency.Key, Fingerprint = idempotency.Fingerprint, OrderId = order.Id, CreatedAt = order.CreatedAt,
                });
            }

            var wakeDispatcher = outbox.Append(db, order, OrderEvent.Created, request.Actor);
            try
            {
                await db.CommitAsync(cancellationToken);
                if (wakeDispatcher)
                {
                    outbox.Committed();
                }

                break;
            }
            catch (DbUpdateException e) when (e.IsForeignKeyViolation())
            {
                throw new UnknownCustomerException(request.CustomerId);
            }
            catch (DbUpdateException e) when (idempotency is not null && e.IsUniqueViolation("idempotent_order_requests"))
            {
                // A concurrent request with the same key committed first: answer with its order.
                return await FindReplayAsync(idempotency, cancellationToken) ?? throw new InvalidOperationException("idempotency row vanished", e);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation("number") && attempt < NumberAttempts)
            {
                // Six random characters collide about once per thousand orders at a million orders; draw again.
                order.Renumber(OrderIdentity.NewNumber());
            }
        }

        Log.OrderCreated(logger, order.Id, order.Number, Redact.Phone(request.CustomerId), order.Items.Count, order.TotalAmount, order.Currency);
        metrics?.Created(request.Actor);
        var placed = PlacedOrder.From(order);
        feed?.Publish(placed.Order);
        return placed;
    }

    /// <summary>
    /// Reads order details from a customer's message with the configured extractor (the menu-driven parser
    /// by default). Never throws for bad text: what cannot be mapped to the menu is returned as unrecognized.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither an extractor nor a menu is configured.</exception>
    public Task<ExtractedOrder> ExtractOrderFromMessageAsync(string message, CancellationToken cancellationToken = default) =>
        (_extractor.Value ?? throw new InvalidOperationException("Extraction needs a menu or an IOrderExtractor."))
            .ExtractAsync(message ?? "", cancellationToken);

    /// <summary>The order with its status history, or null when there is none with that id.</summary>
    public async Task<OrderDetails?> GetOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        if (!OrderIdentity.LooksLikeId(orderId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().Include(o => o.History).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        return order is null ? null : OrderDetails.From(order, withHistory: true);
    }

    /// <summary>
    /// The specification's boolean form: true when the order moved to <paramref name="status"/>; false, with the
    /// order unchanged, for an unknown order, a forbidden transition or a lost race (the reason is logged).
    /// </summary>
    /// <exception cref="OrderValidationException">The status name is not a known status.</exception>
    public async Task<bool> UpdateOrderStatusAsync(string orderId, string status, CancellationToken cancellationToken = default)
    {
        if (!OrderStatusMachine.TryParse(status, out var next))
        {
            throw OrderValidationException.For("status", OrderStatusMachine.UnknownStatusMessage(status));
        }

        var result = await ChangeStatusAsync(orderId, next, "api", cancellationToken);
        return result.Succeeded;
    }

    /// <summary>Moves an order along the state machine and says exactly what happened.</summary>
    public async Task<StatusChangeResult> ChangeStatusAsync(
        string orderId, OrderStatus next, string actor, CancellationToken cancellationToken = default)
    {
        if (!OrderIdentity.LooksLikeId(orderId))
        {
            return Rejected(orderId, StatusChangeOutcome.NotFound, null, "no order has this id");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The history comes along so the result (and the live feed) can show the whole order without reading it again.
        var order = await db.Orders.Include(o => o.History).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return Rejected(orderId, StatusChangeOutcome.NotFound, null, "no order has this id");
        }

        var from = order.Status;
        if (!order.TryMoveTo(next, actor, time.GetUtcNow().UtcDateTime, out var reason))
        {
            return Rejected(orderId, StatusChangeOutcome.Forbidden, OrderDetails.From(order, withHistory: false), reason!);
        }

        var told = notices is not null && await notices.AddAsync(db, order, actor, cancellationToken);
        if (await CommitChangeAsync(db, order, OrderEvent.StatusChanged, actor, cancellationToken) is { } lost)
        {
            return lost;
        }

        if (told)
        {
            notices!.Committed();
        }

        Log.StatusChanged(logger, order.Id, from.ToWireName(), next.ToWireName(), actor);
        metrics?.StatusChanged(next);
        return Published(order);
    }

    /// <summary>
    /// Commits a change of an existing order with its outbox event (and whatever else the caller added), in one
    /// transaction; the conflict result when another change of the order won the race, else null.
    /// </summary>
    private async Task<StatusChangeResult?> CommitChangeAsync(OrderBotDbContext db, Order order, string eventType, string actor, CancellationToken cancellationToken)
    {
        var wakeDispatcher = outbox.Append(db, order, eventType, actor);
        try
        {
            await db.CommitAsync(cancellationToken);
            if (wakeDispatcher)
            {
                outbox.Committed();
            }

            return null;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation("outbox_events") || e.IsUniqueViolation("cause"))
        {
            // The loser of a race fails on the order's version, or on its event's (order, version) key or its notice's cause
            // (which names the order and version too) when that insert ran first.
            return Rejected(order.Id, StatusChangeOutcome.Conflict, null, "another change of this order was saved first");
        }
    }

    /// <summary>The changed order as the caller and the live feed see it.</summary>
    private StatusChangeResult Published(Order order)
    {
        var changed = OrderDetails.From(order, withHistory: true);
        feed?.Publish(changed);
        return new StatusChangeResult(StatusChangeOutcome.Changed, changed, null);
    }

    /// <summary>
    /// Replaces a pending or confirmed order's lines with <paramref name="request"/>'s (priced by the menu, validated as
    /// for a new order): one transaction with its <see cref="OrderEvent.Amended"/> event. The customer must own the order.
    /// </summary>
    /// <exception cref="OrderValidationException">A line is invalid; nothing was changed.</exception>
    public async Task<StatusChangeResult> AmendOrderAsync(string orderId, OrderRequest request, CancellationToken cancellationToken = default)
    {
        var currency = menu?.Currency ?? "USD";
        var minorUnits = menu?.MinorUnits ?? 2;
        var lines = OrderRequestValidator.BuildLines(request, menu, currency, minorUnits, out _);
        if (!OrderIdentity.LooksLikeId(orderId))
        {
            return Rejected(orderId, StatusChangeOutcome.NotFound, null, "no order has this id");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.History).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null || order.CustomerId != request.CustomerId)
        {
            return Rejected(orderId, StatusChangeOutcome.NotFound, null, "no order of this customer has this id");
        }

        await RefuseSoldOutAsync(lines, cancellationToken);
        var price = ShopOrderRules.Reprice(order, _shop, Order.Total(lines, minorUnits), minorUnits);
        if (!order.TryAmend(lines, minorUnits, price, time.GetUtcNow().UtcDateTime, out var reason))
        {
            return Rejected(orderId, StatusChangeOutcome.Forbidden, OrderDetails.From(order, withHistory: false), reason!);
        }

        if (await CommitChangeAsync(db, order, OrderEvent.Amended, request.Actor, cancellationToken) is { } lost)
        {
            return lost;
        }

        Log.OrderAmended(logger, order.Id, order.Version, order.Items.Count, order.TotalAmount, request.Actor);
        return Published(order);
    }

    /// <summary>
    /// Opens a customer's cancel request on a started order (<paramref name="customerId"/> must own it) or, with
    /// <paramref name="customerId"/> null, lets staff refuse the open one: one transaction with its outbox event.
    /// </summary>
    public Task<StatusChangeResult> RequestCancellationAsync(string orderId, string customerId, string actor, CancellationToken cancellationToken = default) =>
        SetCancelRequestAsync(orderId, customerId, true, actor, cancellationToken);

    /// <summary>Staff keep the order going: the customer's cancel request is closed.</summary>
    public Task<StatusChangeResult> RefuseCancellationAsync(string orderId, string actor, CancellationToken cancellationToken = default) =>
        SetCancelRequestAsync(orderId, null, false, actor, cancellationToken);

    private async Task<StatusChangeResult> SetCancelRequestAsync(string orderId, string? customerId, bool requested, string actor, CancellationToken cancellationToken)
    {
        if (!OrderIdentity.LooksLikeId(orderId))
        {
            return Rejected(orderId, StatusChangeOutcome.NotFound, null, "no order has this id");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.History).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null || (customerId is not null && order.CustomerId != customerId))
        {
            return Rejected(orderId, StatusChangeOutcome.NotFound, null, "no order of this customer has this id");
        }

        if (!order.TrySetCancelRequest(requested, time.GetUtcNow().UtcDateTime, out var reason))
        {
            return Rejected(orderId, StatusChangeOutcome.Forbidden, OrderDetails.From(order, withHistory: false), reason!);
        }

        if (await CommitChangeAsync(db, order, OrderEvent.CancelRequestChanged, actor, cancellationToken) is { } lost)
        {
            return lost;
        }

        Log.CancelRequest(logger, order.Id, requested, actor);
        return Published(order);
    }

    /// <summary>
    /// Records a payment state change (a provider's webhook: paid, failed, refunded) with its <see cref="OrderEvent.Payment"/>
    /// outbox event, in one transaction. <paramref name="reference"/> null keeps the reference already stored.
    /// </summary>
    public async Task<StatusChangeResult> RecordPaymentAsync(
        string orderId, PaymentState state, string? reference, string actor = "payments", CancellationToken cancellationToken = default)
    {
        if (!OrderIdentity.LooksLikeId(orderId))
        {
            return Rejected(orderId, StatusChangeOutcome.NotFound, null, "no order has this id");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.History).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return Rejected(orderId, StatusChangeOutcome.NotFound, null, "no order has this id");
        }

        if (!order.TryRecordPayment(state, reference, time.GetUtcNow().UtcDateTime, out var reason))
        {
            return Rejected(orderId, StatusChangeOutcome.Forbidden, OrderDetails.From(order, withHistory: false), reason!);
        }

        if (await CommitChangeAsync(db, order, OrderEvent.Payment, actor, cancellationToken) is { } lost)
        {
            return lost;
        }

        Log.PaymentRecorded(logger, order.Id, state, actor);
        return Published(order);
    }

    /// <summary>The orders the kitchen has on its hands (confirmed or being prepared): they lengthen an as-soon-as-possible estimate.</summary>
    public async Task<int> QueuedOrdersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Orders.CountAsync(o => o.Status == OrderStatus.Confirmed || o.Status == OrderStatus.Preparing, cancellationToken);
    }

    /// <summary>Refuses lines whose item or option staff marked sold out, naming them.</summary>
    private async Task RefuseSoldOutAsync(IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken)
    {
        if (stock is null)
        {
            return;
        }

        var marks = await stock.SoldOutIdsAsync(cancellationToken);
        var soldOut = lines.Where(l => l.MenuItemId is { } id && marks.Items.Contains(id)).Select(l => l.MenuItemId!)
            .Concat(lines.SelectMany(l => l.Options).Where(o => !o.Negated && marks.Options.Contains(o.Id)).Select(o => o.Id))
            .Distinct().ToList();
        if (soldOut.Count > 0)
        {
            throw new OrderRuleException(OrderRule.SoldOut, "items", $"sold out: {string.Join(", ", soldOut)}") { SoldOut = soldOut };
        }
    }

    /// <summary>A customer's orders, newest first, <paramref name="limit"/> at a time.</summary>
    /// <param name="cursor">The <see cref="OrderPage.NextCursor"/> of the previous page, or null for the first.</param>
    public async Task<OrderPage> GetCustomerOrdersAsync(
        string customerId, int limit = 20, string? cursor = null, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw OrderValidationException.For("limit", $"must be between 1 and {MaxPageSize}");
        }

        if (cursor is not null && !OrderIdentity.LooksLikeId(cursor))
        {
            throw OrderValidationException.For("cursor", "is not a cursor returned by a previous page");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId);
        if (cursor is not null)
        {
            query = query.Where(o => string.Compare(o.Id, cursor) < 0);
        }

        var orders = await query.OrderByDescending(o => o.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var page = orders.Take(limit).Select(o => OrderDetails.From(o, withHistory: false)).ToList();
        return new OrderPage(page, orders.Count > limit ? page[^1].Id : null);
    }

    /// <summary>Orders placed since <paramref name="sinceUtc"/>, newest first, with their history: the staff board.</summary>
    public async Task<IReadOnlyList<OrderDetails>> GetOrdersSinceAsync(DateTime sinceUtc, int limit = 500, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 1000)
        {
            throw OrderValidationException.For("limit", "must be between 1 and 1000");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().Include(o => o.History)
            .Where(o => o.CreatedAt >= sinceUtc)
            .OrderByDescending(o => o.CreatedAt)
            .Take(limit)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return orders.Select(o => OrderDetails.From(o, withHistory: true)).ToList();
    }

    private StatusChangeResult Rejected(string orderId, StatusChangeOutcome outcome, OrderDetails? order, string reason)
    {
        Log.StatusChangeRejected(logger, orderId, outcome, reason);
        metrics?.Rejected(outcome);
        return new StatusChangeResult(outcome, order, reason);
    }

    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Information, "Order {OrderId} ({Number}) created for {Customer}: {Lines} lines, {Total} {Currency}")]
        public static partial void OrderCreated(ILogger logger, string orderId, string number, string customer, int lines, decimal total, string currency);

        [LoggerMessage(1002, LogLevel.Information, "Order {OrderId} moved from {From} to {To} by {Actor}")]
        public static partial void StatusChanged(ILogger logger, string orderId, string from, string to, string actor);

        [LoggerMessage(1003, LogLevel.Information, "Status change of order {OrderId} rejected ({Outcome}): {Reason}")]
        public static partial void StatusChangeRejected(ILogger logger, string orderId, StatusChangeOutcome outcome, string reason);

        [LoggerMessage(1005, LogLevel.Information, "Cancel request on order {OrderId} set to {Requested} by {Actor}")]
        public static partial void CancelRequest(ILogger logger, string orderId, bool requested, string actor);

        [LoggerMessage(1006, LogLevel.Information, "Payment of order {OrderId} recorded as {State} by {Actor}")]
        public static partial void PaymentRecorded(ILogger logger, string orderId, PaymentState state, string actor);

        [LoggerMessage(1004, LogLevel.Information, "Order {OrderId} amended to version {Version} by {Actor}: {Lines} lines, {Total}")]
        public static partial void OrderAmended(ILogger logger, string orderId, int version, int lines, decimal total, string actor);
    }
}
