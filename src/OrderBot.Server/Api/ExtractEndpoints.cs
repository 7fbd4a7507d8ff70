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
    public static async Task<Results<Ok<ExtractedOrder>, ValidationProblem>> Extract(ExtractBody body, OrderHandler handler, CancellationToken cancellationToken) =>
        body.Message is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["message"] = ["is required: the customer's message as a string"] })
            : TypedResults.Ok(await handler.ExtractOrderFromMessageAsync(body.Message, cancellationToken));
}

/// <summary>A misspelt field would otherwise read as an empty message and answer 200 with nothing.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record ExtractBody(string? Message);
