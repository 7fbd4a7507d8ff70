using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderBot.Chat;

namespace OrderBot.Server.WhatsApp;

/// <summary>
/// Meta's webhook: the GET handshake and the POST deliveries. A delivery is checked (size, signature, JSON),
/// its senders and messages stored by the <see cref="WebhookIntake"/> (together with concurrent deliveries, in one
/// commit) and its statuses applied, and answered once that is committed; the conversation runs afterwards in the
/// <see cref="ChatWorker"/>, well within Meta's latency expectations.
/// </summary>
public static partial class WhatsAppWebhookEndpoints
{
    public const string Path = "/webhooks/whatsapp";

    public static IEndpointRouteBuilder MapWhatsApp(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<WhatsAppOptions>>().Value.IsConfigured)
        {
            return app;
        }

        var webhook = app.MapGroup(Path).WithTags("WhatsApp").ExcludeFromDescription();
        webhook.MapGet("/", Verify).WithName("VerifyWhatsAppWebhook");
        webhook.MapPost("/", ReceiveAsync).WithName("ReceiveWhatsAppWebhook");
        return app;
    }

    /// <summary>Echoes <c>hub.challenge</c> when the mode is subscribe and the verify token matches; 403 otherwise.</summary>
    public static Results<ContentHttpResult, StatusCodeHttpResult> Verify(HttpRequest request, IOptions<WhatsAppOptions> options)
    {
        var query = request.Query;
        return query["hub.mode"] == "subscribe"
            && MetaSignature.TokenMatches(query["hub.verify_token"].FirstOrDefault(), options.Value.VerifyToken!)
            && query["hub.challenge"].FirstOrDefault() is { } challenge
            ? TypedResults.Text(challenge, "text/plain")
            : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }

    public static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request,
        IOptions<WhatsAppOptions> options,
        WebhookIntake intake,
        ChatInbox inbox,
        ReplySender sender,
        WhatsAppMetrics metrics,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = await ReadBodyAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            metrics.Delivery("too_large");
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {settings.MaxBodyBytes} bytes.");
        }

        if (!MetaSignature.IsValid(request.Headers[MetaSignature.Header].FirstOrDefault(), body, settings.AppSecret!))
        {
            metrics.Delivery("bad_signature");
            return Problem(StatusCodes.Status401Unauthorized, $"Missing or wrong {MetaSignature.Header}.");
        }

        WebhookPayload payload;
        try
        {
            payload = WebhookPayload.Parse(body, time.GetUtcNow().UtcDateTime, settings.AllNumbers.Select(n => n.PhoneNumberId!).ToHashSet());
        }
        catch (JsonException)
        {
            metrics.Delivery("bad_json");
            return Problem(StatusCodes.Status400BadRequest, "The body is not valid JSON.");
        }

        var logger = loggers.CreateLogger(typeof(WhatsAppWebhookEndpoints));
        var (_, admitted, recorded) = await intake.RecordAsync(payload, cancellationToken);
        metrics.Delivery("accepted");
        metrics.Messages(recorded, "new");
        metrics.Messages(admitted - recorded, "duplicate");
        metrics.Messages(payload.Messages.Count - admitted, "throttled");
        metrics.Repaired(payload.Repaired);
        foreach (var (kind, count) in payload.Dropped)
        {
            metrics.Messages(count, kind);
        }

        metrics.Messages(payload.OtherNumberStatuses, "other_number_status");
        foreach (var status in payload.Statuses)
        {
            // A failed status with a code we do not know is final: Meta has given up on that message.
            DeliveryFailure? failure = status.State == OutboundState.Failed ? GraphErrors.Classify(status.ErrorCode) ?? DeliveryFailure.Permanent : null;
            if (await sender.UpdateStatusAsync(WebhookPayload.Channel, status.MessageId, status.State, status.Error, failure, cancellationToken) == StatusOutcome.SendingAgain)
            {
                inbox.Notify();
            }
        }

        if (payload.Repaired > 0)
        {
            Log.Repaired(logger, payload.Repaired);
        }

        Log.Received(logger, payload.Messages.Count, recorded, payload.Statuses.Count);
        return TypedResults.Ok();
    }

    /// <summary>The raw bytes, exactly as sent (the signature covers them); null when there are more than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        // An empty body (Content-Length: 0) must not become a zero capacity, which ArrayBufferWriter refuses with a 500.
        var buffer = new ArrayBufferWriter<byte>((int)Math.Max(1, request.ContentLength ?? 16 * 1024));
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(statusCode: status, detail: detail);

    private static partial class Log
    {
        [LoggerMessage(6001, LogLevel.Debug, "WhatsApp delivery: {Messages} messages ({New} new), {Statuses} statuses")]
        public static partial void Received(ILogger logger, int messages, int @new, int statuses);

        [LoggerMessage(6002, LogLevel.Warning, "WhatsApp delivery held {Count} texts with invalid UTF-8 or lone surrogates; stored with U+FFFD in their place")]
        public static partial void Repaired(ILogger logger, int count);
    }
}
