using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrderBot.Chat;
using OrderBot.Logging;

namespace OrderBot.Server.WhatsApp;

/// <summary>
/// The WhatsApp Cloud API as a chat channel: sends replies through the Graph API's messages endpoint.
/// Transient failures (429, 5xx, timeouts) are retried by the HTTP client's resilience handler; what is
/// still failing comes back as a transient result and the reply sender tries again later.
/// </summary>
public sealed partial class WhatsAppChannel(
    IHttpClientFactory httpClients,
    IOptions<WhatsAppOptions> options,
    TimeProvider time,
    ILogger<WhatsAppChannel> logger) : IChatChannel
{
    public const string HttpClientName = "whatsapp-graph";

    // Free-form messages reach a customer only within 24 hours of their last message. An hour is kept in hand
    // for the delay between their message and its handling, and for clocks.
    private static readonly TimeSpan FreeFormWindow = TimeSpan.FromHours(23);

    // Codes that no retry can fix: the 24-hour window closed (131047), undeliverable (131026),
    // unsupported message type (131051), invalid parameter (100), recipient not on WhatsApp (131030).
    private static readonly HashSet<int> PermanentCodes = [131047, 131026, 131051, 100, 131030, 131009, 131008];

    public string Name => WebhookPayload.Channel;

    public async Task<SendResult> SendAsync(string customerId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        JsonObject body;
        if (message is StatusNotice notice && time.GetUtcNow().UtcDateTime - notice.LastCustomerMessageAt > FreeFormWindow)
        {
            if (string.IsNullOrWhiteSpace(settings.StatusTemplate))
            {
                return SendResult.Failed("the customer's 24-hour window has closed and no WhatsApp:StatusTemplate is configured");
            }

            body = GraphMessages.Template(customerId, settings.StatusTemplate, settings.StatusTemplateLanguage, [notice.OrderNumber, notice.StatusPhrase]);
        }
        else
        {
            body = GraphMessages.Build(customerId, message);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.ApiVersion}/{settings.PhoneNumberId}/messages")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var id = MessageId(answer);
            Log.Sent(logger, Redact.Phone(customerId), id);
            return SendResult.Ok(id);
        }

        var (code, text) = Error(answer);
        Log.Rejected(logger, Redact.Phone(customerId), (int)response.StatusCode, code, text);
        var permanent = code is { } c
            ? PermanentCodes.Contains(c)
            : response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout) && (int)response.StatusCode < 500;
        var error = $"Graph API {(int)response.StatusCode}{(code is null ? "" : $" code {code}")}: {text}";
        return permanent ? SendResult.Failed(error) : SendResult.Transient(error);
    }

    private static string? MessageId(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
                ? messages[0].GetProperty("id").GetString()
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static (int? Code, string Message) Error(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var error = json.RootElement.GetProperty("error");
            int? code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
            return (code, error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return (null, body.Length > 200 ? body[..200] : body);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(6101, LogLevel.Debug, "Sent a WhatsApp message to {Customer}: {MessageId}")]
        public static partial void Sent(ILogger logger, string customer, string? messageId);

        [LoggerMessage(6102, LogLevel.Warning, "Graph API refused a message to {Customer}: HTTP {Status}, code {Code}: {Error}")]
        public static partial void Rejected(ILogger logger, string customer, int status, int? code, string error);
    }
}
