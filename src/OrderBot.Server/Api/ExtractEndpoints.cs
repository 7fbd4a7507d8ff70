using Microsoft.AspNetCore.Http.HttpResults;
using OrderBot.Extraction;
using OrderBot.Orders;

namespace OrderBot.Server.Api;

public static class ExtractEndpoints
{
    public static RouteGroupBuilder MapExtract(this IEndpointRouteBuilder app)
    {
        var extract = app.MapApiGroup("/api/extract", "Extraction");
        extract.MapPost("/", Extract).WithName("ExtractOrder");
        return extract;
    }

    /// <summary>Reads an order from a message against the menu; nothing is stored.</summary>
    public static async Task<Ok<ExtractedOrder>> Extract(ExtractBody body, OrderHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.ExtractOrderFromMessageAsync(body.Message ?? "", cancellationToken));
}

public sealed record ExtractBody(string? Message);
