using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderBot.Crm;
using OrderBot.Outbox;

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
        crm.MapGet("/destinations", Destinations).WithName("ListCrmDestinations");
        crm.MapPost("/destinations/{name}/resume", ResumeDestination).WithName("ResumeCrmDestination");
        return crm;
    }

    /// <summary>
    /// Whether events go to the webhook receivers: "disabled" while one answered 410 Gone, with its name and reason
    /// (the first such destination; <c>/api/crm/destinations</c> lists each).
    /// </summary>
    public static Ok<WebhookDestinationDto> Webhook(IEnumerable<WebhookDestinationState> states) => TypedResults.Ok(WebhookDestinationDto.From(states));

    /// <summary>Sends to every disabled webhook receiver again after it was fixed; the events that waited go out in order.</summary>
    public static Ok<WebhookDestinationDto> ResumeWebhook(IEnumerable<WebhookDestinationState> states, OutboxSignal signal)
    {
        var all = states.ToList();
        var resumed = false;
        foreach (var state in all)
        {
            resumed |= state.Enable();
        }

        if (resumed)
        {
            signal.Notify();
        }

        return TypedResults.Ok(WebhookDestinationDto.From(all));
    }

    /// <summary>Each configured CRM destination with its adapter, and whether it takes events now.</summary>
    public static Ok<IReadOnlyList<CrmDestinationDto>> Destinations(
        Microsoft.Extensions.Options.IOptions<CrmOptions> options, IEnumerable<WebhookDestinationState> states) =>
        TypedResults.Ok<IReadOnlyList<CrmDestinationDto>>(options.Value.Configured()
            .Select(d => CrmDestinationDto.From(d, states.FirstOrDefault(s => s.Destination == d.Name))).ToList());

    /// <summary>Sends to one webhook destination again after its receiver was fixed; its events that waited go out in order.</summary>
    public static Results<Ok<CrmDestinationDto>, NotFound<ProblemDetails>> ResumeDestination(
        string name, Microsoft.Extensions.Options.IOptions<CrmOptions> options, IEnumerable<WebhookDestinationState> states, OutboxSignal signal)
    {
        var state = states.FirstOrDefault(s => s.Destination == name);
        if (state is null)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = 404, Title = "No such webhook destination.", Detail = $"No CRM destination named '{name}' sends to a webhook receiver.",
            });
        }

        if (state.Enable())
        {
            signal.Notify();
        }

        return TypedResults.Ok(CrmDestinationDto.From(options.Value.Configured().First(d => d.Name == name), state));
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

/// <param name="Destination">The disabled destination's name; null while all are active.</param>
public sealed record WebhookDestinationDto(string State, string? Reason, DateTimeOffset? DisabledAt, string? Destination)
{
    public static WebhookDestinationDto From(IEnumerable<WebhookDestinationState> states) =>
        states.FirstOrDefault(s => s.DisabledReason is not null) is { } disabled
            ? new("disabled", disabled.DisabledReason, disabled.DisabledAt, disabled.Destination)
            : new("active", null, null, null);
}

/// <param name="State">"active", "disabled" (a webhook receiver answered 410 Gone) or "not_configured" (adapter none).</param>
public sealed record CrmDestinationDto(string Name, string Adapter, string State, string? Reason, DateTimeOffset? DisabledAt)
{
    public static CrmDestinationDto From(CrmDestination destination, WebhookDestinationState? webhook) => new(
        destination.Name,
        destination.Options.Adapter.ToString().ToLowerInvariant(),
        destination.Options.Adapter == CrmAdapter.None ? "not_configured" : webhook?.DisabledReason is null ? "active" : "disabled",
        webhook?.DisabledReason,
        webhook?.DisabledAt);
}
