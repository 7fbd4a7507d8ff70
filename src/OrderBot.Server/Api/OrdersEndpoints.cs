using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderBot.Orders;
using OrderBot.Payments;

namespace OrderBot.Server.Api;

public static class OrdersEndpoints
{
    public static RouteGroupBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapApiGroup("/api/orders", "Orders");
        orders.MapGet("/", ListOrders).WithName("ListOrders");
        orders.MapGet("/events", OrderEvents).WithName("OrderEvents");
        orders.MapPost("/", CreateOrder).WithName("CreateOrder");
        orders.MapGet("/{id}", GetOrder).WithName("GetOrder");
        orders.MapPatch("/{id}/status", ChangeStatus).WithName("ChangeOrderStatus");
        orders.MapDelete("/{id}/cancel-request", RefuseCancellation).WithName("RefuseCancellation");
        return orders;
    }

    /// <summary>Orders placed since a time (default: the last 24 hours), newest first, with their history.</summary>
    public static async Task<Ok<IReadOnlyList<OrderDto>>> ListOrders(
        OrderHandler handler, OrderViews views, TimeProvider time, CancellationToken cancellationToken, DateTimeOffset? since = null, int limit = 500) =>
        TypedResults.Ok(await views.ViewAsync(await handler.GetOrdersSinceAsync((since ?? time.GetUtcNow().AddDays(-1)).UtcDateTime, limit, cancellationToken), cancellationToken));

    /// <summary>Server-sent events: every order created or changed from now on, as it is committed.</summary>
    public static EventStreamResult<OrderDto> OrderEvents(OrderBoardFeed feed, CancellationToken cancellationToken) =>
        new(feed.SubscribeAsync(cancellationToken), "order");

    /// <summary>Places an order; a repeated <c>Idempotency-Key</c> with the same body returns the first order.</summary>
    public static async Task<Created<OrderDto>> CreateOrder(
        CreateOrderBody body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext context,
        OrderHandler handler,
        OrderViews views,
        CancellationToken cancellationToken)
    {
        var placed = await handler.CreateOrderAsync(body.ToRequest(context.User.Identity!.Name!, idempotencyKey), cancellationToken);
        if (placed.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Created($"/api/orders/{placed.OrderId}", await views.ViewAsync(placed.Order, cancellationToken));
    }

    public static async Task<Results<Ok<OrderDto>, NotFound<ProblemDetails>>> GetOrder(string id, OrderHandler handler, OrderViews views, CancellationToken cancellationToken) =>
        await handler.GetOrderAsync(id, cancellationToken) is { } order
            ? TypedResults.Ok(await views.ViewAsync(order, cancellationToken))
            : TypedResults.NotFound(OrderNotFound(id));

    /// <summary>Moves an order along the state machine; 409 when the move is not allowed now or another change won.</summary>
    public static async Task<Results<Ok<OrderDto>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ValidationProblem>> ChangeStatus(
        string id, StatusBody body, HttpContext context, OrderHandler handler, OrderViews views, IPaymentLinks payments, CancellationToken cancellationToken)
    {
        if (!OrderStatusMachine.TryParse(body.Status, out var next))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [OrderStatusMachine.UnknownStatusMessage(body.Status)] });
        }

        // Payments:KitchenSeesUnpaidOnline=false: the kitchen does not start an online order before it is paid.
        if (next != OrderStatus.Cancelled && await handler.GetOrderAsync(id, cancellationToken) is { } current && payments.AwaitingPayment(current))
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "This status change is not allowed.",
                Detail = $"Order {current.Number} awaits its online payment; it can be moved once paid (or cancelled).",
            });
        }

        return await ResultOf(id, await handler.ChangeStatusAsync(id, next, $"api:{context.User.Identity!.Name}", cancellationToken), views, cancellationToken);
    }

    /// <summary>Staff keep a started order going: the customer's request to cancel it is refused (accepting it is a move to cancelled).</summary>
    public static async Task<Results<Ok<OrderDto>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ValidationProblem>> RefuseCancellation(
        string id, HttpContext context, OrderHandler handler, OrderViews views, CancellationToken cancellationToken) =>
        await ResultOf(id, await handler.RefuseCancellationAsync(id, $"api:{context.User.Identity!.Name}", cancellationToken), views, cancellationToken);

    private static async Task<Results<Ok<OrderDto>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ValidationProblem>> ResultOf(
        string id, StatusChangeResult result, OrderViews views, CancellationToken cancellationToken)
    {
        return result.Outcome switch
        {
            StatusChangeOutcome.Changed => TypedResults.Ok(await views.ViewAsync(result.Order!, cancellationToken)),
            StatusChangeOutcome.NotFound => TypedResults.NotFound(OrderNotFound(id)),
            StatusChangeOutcome.Forbidden => TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "This status change is not allowed.", Detail = result.Reason,
            }),
            _ => TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "The order was changed by someone else; reload and retry.", Detail = result.Reason,
            }),
        };
    }

    private static ProblemDetails OrderNotFound(string id) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "Order not found.", Detail = $"There is no order with id '{id}'." };
}
