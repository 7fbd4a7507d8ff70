using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrderBot.Chat;
using OrderBot.Customers;
using OrderBot.Logging;

namespace OrderBot.Server.WhatsApp;

/// <summary>
/// The WhatsApp Cloud API as a chat channel: sends replies through the Graph API's messages endpoint.
/// </summary>
/// <remarks>
/// <c>POST /messages</c> is not idempotent, so no HTTP pipeline retries it (with a slow Graph API one reply once
/// went out 9 times). This class retries at once, up to <see cref="WhatsAppOptions.SendAttempts"/>, only on answers
/// that prove the message was not accepted: 429, an error code Meta documents as transient, or a connection that
/// was never made. A timeout or a dropped connection after the request went out may have been accepted: it is
/// reported as a permanent failure naming that, not sent again blindly.
/// </remarks>
/// <remarks>
/// A customer is addressed by phone number when one is known and by BSUID (<c>recipient</c>) otherwise, from the
/// business number they last wrote to (platforms-2026.md 1.4; several numbers per deployment).
/// </remarks>
public sealed partial class WhatsAppChannel(
    IHttpClientFactory httpClients,
    IOptions<WhatsAppOptions> options,
    CustomerDirectory customers,
    TimeProvider time,
    ILogger<WhatsAppChannel> logger) : IChatChannel
{
    public const string HttpClientName = "whatsapp-graph";

    // Free-form messages reach a customer only within 24 hours of their last message (its timestamp); an hour is
    // kept in hand for clocks and for the time the notice waits in the queue.
    private static readonly TimeSpan FreeFormWindow = TimeSpan.FromHours(23);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    public string Name => WebhookPayload.Channel;

    public async Task<SendResult> SendAsync(string customerId, OutgoingMessage message, CancellationToken cancellationToken) =>
        await SendAsync(await customers.GetAsync(customerId, cancellationToken), customerId, message, cancellationToken);

    public async Task<SendResult> SendAsync(Customer? customer, string customerId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (to, number) = Address(customer, customerId);
        var template = message is StatusNotice notice && time.GetUtcNow().UtcDateTime - notice.LastCustomerMessageAt > FreeFormWindow;
        if (template && string.IsNullOrWhiteSpace(settings.StatusTemplate))
        {
            return SendResult.Failed("the customer's 24-hour window has closed and no WhatsApp:StatusTemplate is configured");
        }

        for (var attempt = 1; ; attempt++)
        {
            var (result, failure) = await PostAsync(number, to, Body(to, message, template), cancellationToken);
            if (failure == DeliveryFailure.WindowClosed && !template && message is StatusNotice && !string.IsNullOrWhiteSpace(settings.StatusTemplate))
            {
                // Meta's clock says the window has closed although ours did not: the template, once.
                template = true;
                continue;
            }

            if (failure != DeliveryFailure.Transient || attempt >= settings.SendAttempts)
            {
                return result;
            }

            await Task.Delay(FirstRetryDelay * (1 << (attempt - 1)), time, cancellationToken);
        }
    }

    /// <summary>
    /// Marks the customer's message read with the typing indicator (platforms-2026.md 3). Best effort: a failure is
    /// logged and never reaches the reply, which the caller sends without waiting for this.
    /// </summary>
    public async Task ShowWorkingAsync(string customerId, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            await ShowWorkingAsync(await customers.GetAsync(customerId, cancellationToken), customerId, messageId, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.NotMarkedRead(logger, Redact.Phone(customerId), e.Message);
        }
    }

    public async Task ShowWorkingAsync(Customer? customer, string customerId, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            var (to, number) = Address(customer, customerId);
            var (result, _) = await PostAsync(number, to, GraphMessages.ReadWithTyping(messageId), cancellationToken);
            if (!result.Sent)
            {
                Log.NotMarkedRead(logger, Redact.Phone(customerId), result.Error);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.NotMarkedRead(logger, Redact.Phone(customerId), e.Message);
        }
    }

    /// <summary>Whom to send to (phone, else BSUID) and from which of our numbers (the one they last wrote to).</summary>
    private (GraphRecipient To, WhatsAppNumberOptions Number) Address(Customer? customer, string customerId)
    {
        var settings = options.Value;
        var phone = customer?.Phone ?? WebhookPayload.Phone(customerId);
        var to = new GraphRecipient(phone, phone is null ? customer?.WhatsAppUserId ?? customerId : null);
        return (to, settings.Number(customer?.ChannelAccount) ?? settings.DefaultNumber!);
    }

    private JsonObject Body(GraphRecipient to, OutgoingMessage message, bool template)
    {
        var settings = options.Value;
        return template && message is StatusNotice notice
            ? GraphMessages.Template(to, settings.StatusTemplate!, settings.TemplateLanguageFor(notice.Language), [notice.OrderNumber, notice.StatusPhrase])
            : GraphMessages.Build(to, message);
    }

    /// <summary>One call; the failure class says whether calling again is safe.</summary>
    private async Task<(SendResult Result, DeliveryFailure? Failure)> PostAsync(
        WhatsAppNumberOptions number, GraphRecipient to, JsonObject body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var who = to.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.ApiVersion}/{number.PhoneNumberId}/messages")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", number.AccessToken);
        using var timeout = new CancellationTokenSource(settings.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage response;
        string answer;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(request, linked.Token);
            answer = await response.Content.ReadAsStringAsync(linked.Token);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            // The connection was never made, so nothing was sent.
            Log.NotConnected(logger, who, e.Message);
            return (SendResult.Transient($"Graph API not reachable: {e.Message}"), DeliveryFailure.Transient);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var what = e is OperationCanceledException ? $"no answer within {settings.RequestTimeout}" : e.Message;
            Log.Uncertain(logger, who, what);
            return (SendResult.Failed($"Graph API: {what}; the message may have been accepted, so it is not sent again"), DeliveryFailure.Permanent);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var id = MessageId(answer);
                Log.Sent(logger, who, id);
                return (SendResult.Ok(id), null);
            }

            var (code, text) = Error(answer);
            Log.Rejected(logger, who, (int)response.StatusCode, code, text);
            var failure = GraphErrors.Classify(code)
                ?? (response.StatusCode == HttpStatusCode.TooManyRequests ? DeliveryFailure.Transient : DeliveryFailure.Permanent);
            var error = $"Graph API {(int)response.StatusCode}{(code is null ? "" : $" code {code}")}: {text}";
            if (failure != DeliveryFailure.Transient && (int)response.StatusCode >= 500 && GraphErrors.Classify(code) is null)
            {
                error += "; the message may have been accepted, so it is not sent again";
            }

            return (failure == DeliveryFailure.Transient ? SendResult.Transient(error) : SendResult.Failed(error), failure);
        }
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
            var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            var details = error.TryGetProperty("error_data", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("details", out var t) ? t.GetString() : null;
            return (code, details is null ? message : $"{message} ({details})");
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

        [LoggerMessage(6103, LogLevel.Warning, "Graph API not reachable for a message to {Customer}; nothing was sent: {Error}")]
        public static partial void NotConnected(ILogger logger, string customer, string error);

        [LoggerMessage(6105, LogLevel.Information, "Could not mark {Customer}'s message read with the typing indicator (the reply is not affected): {Error}")]
        public static partial void NotMarkedRead(ILogger logger, string customer, string? error);

        [LoggerMessage(6104, LogLevel.Error, "A message to {Customer} may or may not have been accepted ({Error}); not sent again to avoid a duplicate")]
        public static partial void Uncertain(ILogger logger, string customer, string error);
    }
}
