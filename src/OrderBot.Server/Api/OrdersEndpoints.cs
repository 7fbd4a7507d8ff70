using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderBot.Orders;

namespace OrderBot.Server.Api;

public static class OrdersEndpoints
{
    public static RouteGroupBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapApiGroup("/api/orders", "Orders");
        orders.MapPost("/", CreateOrder).WithName("CreateOrder");
        orders.MapGet("/{id}", GetOrder).WithName("GetOrder");
        orders.MapPatch("/{id}/status", ChangeStatus).WithName("ChangeOrderStatus");
        return orders;
    }

    /// <summary>Places an order; a repeated <c>Idempotency-Key</c> with the same body returns the first order.</summary>
    public static async Task<Created<OrderDetails>> CreateOrder(
        CreateOrderBody body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext context,
        OrderHandler handler,
        CancellationToken cancellationToken)
    {
        var placed = await handler.CreateOrderAsync(body.ToRequest(context.User.Identity!.Name!, idempotencyKey), cancellationToken);
        if (placed.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        var order = await handler.GetOrderAsync(placed.OrderId, cancellationToken);
        return TypedResults.Created($"/api/orders/{placed.OrderId}", order);
    }

    public static async Task<Results<Ok<OrderDetails>, NotFound<ProblemDetails>>> GetOrder(string id, OrderHandler handler, CancellationToken cancellationToken) =>
        await handler.GetOrderAsync(id, cancellationToken) is { } order
            ? TypedResults.Ok(order)
            : TypedResults.NotFound(OrderNotFound(id));

    /// <summary>Moves an order along the state machine; 409 when the move is not allowed now or another change won.</summary>
    public static async Task<Results<Ok<OrderDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ValidationProblem>> ChangeStatus(
        string id, StatusBody body, HttpContext context, OrderHandler handler, CancellationToken cancellationToken)
    {
        if (!OrderStatusMachine.TryParse(body.Status, out var next))
        {
            var known = string.Join(", ", Enum.GetValues<OrderStatus>().Select(s => s.ToWireName()));
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"'{body.Status}' is not a status; use one of {known}"] });
        }

        var result = await handler.ChangeStatusAsync(id, next, $"api:{context.User.Identity!.Name}", cancellationToken);
        return result.Outcome switch
        {
            StatusChangeOutcome.Changed => TypedResults.Ok((await handler.GetOrderAsync(id, cancellationToken))!),
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
