using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderBot.Customers;
using OrderBot.Orders;

namespace OrderBot.Server.Api;

public static class CustomersEndpoints
{
    public static RouteGroupBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        var customers = app.MapApiGroup("/api/customers", "Customers");
        customers.MapGet("/{id}/orders", GetOrders).WithName("GetCustomerOrders");
        customers.MapPut("/{id}", Upsert).WithName("UpsertCustomer");
        customers.MapDelete("/{id}", Erase).WithName("EraseCustomer");
        return customers;
    }

    /// <summary>The customer's orders, newest first; follow <c>next_cursor</c> for older ones.</summary>
    public static async Task<Ok<OrderPage>> GetOrders(
        string id, OrderHandler handler, CancellationToken cancellationToken, int limit = 20, string? cursor = null) =>
        TypedResults.Ok(await handler.GetCustomerOrdersAsync(id, limit, cursor, cancellationToken));

    /// <summary>Creates or renames a customer; a name with control characters (NUL, line breaks, escapes) is refused.</summary>
    public static async Task<Results<Ok<CustomerDto>, ValidationProblem>> Upsert(string id, CustomerBody body, CustomerDirectory customers, CancellationToken cancellationToken) =>
        body.DisplayName is { } name && name.Any(char.IsControl)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["display_name"] = ["must not contain control characters"] })
            : TypedResults.Ok(CustomerDto.From(await customers.UpsertAsync(id, body.DisplayName, cancellationToken)));

    /// <summary>Erasure: personal data removed, the customer's orders kept under an anonymous id for the books.</summary>
    public static async Task<Results<Ok<ErasedCustomerDto>, NotFound<ProblemDetails>>> Erase(string id, CustomerDirectory customers, CancellationToken cancellationToken) =>
        await customers.EraseAsync(id, cancellationToken) is { } anonymousId
            ? TypedResults.Ok(new ErasedCustomerDto(id, anonymousId))
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Customer not found.", Detail = $"There is no customer '{id}'." });
}
