using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderBot.Chat;

namespace OrderBot.Server.Api;

/// <summary>Conversations handed to a person: the board lists them, staff answer the customer and hand them back to the bot.</summary>
public static class HandoverEndpoints
{
    public static RouteGroupBuilder MapHandovers(this IEndpointRouteBuilder app)
    {
        var handovers = app.MapApiGroup("/api/handovers", "Handovers");
        handovers.MapGet("/", List).WithName("ListHandovers");
        handovers.MapPost("/{customerId}/replies", Reply).WithName("ReplyToCustomer");
        handovers.MapPost("/{customerId}/hand-back", HandBack).WithName("HandBackToBot");
        return handovers;
    }

    public static async Task<Ok<IReadOnlyList<HandoverCard>>> List(StaffHandover handover, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handover.OpenAsync(cancellationToken));

    /// <summary>Sends a staff member's text to the customer on their channel (WhatsApp or the web chat).</summary>
    public static async Task<Results<Accepted, NotFound<ProblemDetails>, ValidationProblem>> Reply(
        string customerId, StaffReplyBody body, HttpContext context, StaffHandover handover, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > ChatLimits.TextBody)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"is required and at most {ChatLimits.TextBody} characters"] });
        }

        return await handover.ReplyAsync(customerId, body.Text, context.User.Identity?.Name ?? "staff", cancellationToken)
            ? TypedResults.Accepted((string?)null)
            : TypedResults.NotFound(NotHandedOver(customerId));
    }

    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> HandBack(string customerId, StaffHandover handover, CancellationToken cancellationToken) =>
        await handover.HandBackAsync(customerId, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound(NotHandedOver(customerId));

    private static ProblemDetails NotHandedOver(string customerId) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No conversation is waiting for a person.",
        Detail = $"The conversation with '{customerId}' is not handed over to staff.",
    };
}

/// <param name="Text">What the customer reads, as sent by staff.</param>
public sealed record StaffReplyBody([property: Required] string Text);
