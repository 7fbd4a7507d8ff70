using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderBot.Crm;

namespace OrderBot.Server.Api;

public static class CrmEndpoints
{
    public static RouteGroupBuilder MapCrm(this IEndpointRouteBuilder app)
    {
        var crm = app.MapApiGroup("/api/crm", "CRM");
        crm.MapGet("/dead-letters", DeadLetters).WithName("ListDeadLetters");
        crm.MapPost("/dead-letters/{id}/replay", Replay).WithName("ReplayDeadLetter");
        crm.MapPost("/dead-letters/replay", ReplayAll).WithName("ReplayAllDeadLetters");
        crm.MapGet("/webhook", Webhook).WithName("GetWebhookDestination");
        crm.MapPost("/webhook/resume", ResumeWebhook).WithName("ResumeWebhookDestination");
        return crm;
    }

    /// <summary>Whether events go to the webhook receiver: "disabled" after it answered 410 Gone, with the reason.</summary>
    public static Ok<WebhookDestinationDto> Webhook(WebhookDestinationState state) => TypedResults.Ok(WebhookDestinationDto.From(state));

    /// <summary>Sends to the webhook receiver again after it was fixed; the events that waited go out in order.</summary>
    public static Ok<WebhookDestinationDto> ResumeWebhook(WebhookDestinationState state, OutboxSignal signal)
    {
        if (state.Enable())
        {
            signal.Notify();
        }

        return TypedResults.Ok(WebhookDestinationDto.From(state));
    }

    /// <summary>Events that could not be delivered, with the reason; the order's later events wait behind them.</summary>
    public static async Task<Ok<IReadOnlyList<DeadLetterDto>>> DeadLetters(OutboxStore outbox, CancellationToken cancellationToken, int limit = 100) =>
        TypedResults.Ok<IReadOnlyList<DeadLetterDto>>((await outbox.ListAsync(deadOnly: true, Math.Clamp(limit, 1, 1000), cancellationToken))
            .Select(DeadLetterDto.From).ToList());

    /// <summary>Sends one dead (or skipped) event again, now.</summary>
    public static async Task<Results<Accepted, NotFound<ProblemDetails>>> Replay(string id, OutboxStore outbox, OutboxSignal signal, CancellationToken cancellationToken)
    {
        if (!await outbox.ReplayAsync(id, cancellationToken))
        {
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "No such dead letter.", Detail = $"No dead or skipped event has id '{id}'." });
        }

        signal.Notify();
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Ok<ReplayedDto>> ReplayAll(OutboxStore outbox, OutboxSignal signal, CancellationToken cancellationToken)
    {
        var count = await outbox.ReplayAllDeadAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Ok(new ReplayedDto(count));
    }
}

public sealed record DeadLetterDto(string Id, string Destination, string OrderId, int OrderVersion, string Type, int Attempts, string? Reason, DateTime CreatedAt)
{
    public static DeadLetterDto From(OutboxEvent e) => new(e.Id, e.Destination, e.OrderId, e.OrderVersion, e.Type, e.Attempts, e.LastError, e.CreatedAt);
}

public sealed record ReplayedDto(int Replayed);

public sealed record WebhookDestinationDto(string State, string? Reason, DateTimeOffset? DisabledAt)
{
    public static WebhookDestinationDto From(WebhookDestinationState state) =>
        new(state.DisabledReason is null ? "active" : "disabled", state.DisabledReason, state.DisabledAt);
}
