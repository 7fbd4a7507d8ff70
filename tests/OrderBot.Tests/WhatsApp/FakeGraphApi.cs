using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.WhatsApp;

/// <summary>A message the bot sent, as the Graph API received it.</summary>
/// <param name="To">The phone number in <c>to</c>, or the BSUID in <c>recipient</c> when there was no <c>to</c> (platforms-2026.md 1.4).</param>
/// <param name="From">The phone_number_id in the path: which of our numbers sent it.</param>
public sealed record SentMessage(string To, string Id, JsonObject Body, string From = FakeGraphApi.PhoneNumberId)
{
    /// <summary>The <c>context.message_id</c> the message quotes, if any (platforms-2026.md 3).</summary>
    public string? ReplyTo => Body["context"]?["message_id"]?.GetValue<string>();

    public string Type => Body["type"]!.GetValue<string>();

    /// <summary>The text a customer reads: a text body or an interactive message's body; a template's name.</summary>
    public string Text => Type switch
    {
        "text" => Body["text"]!["body"]!.GetValue<string>(),
        "interactive" => Body["interactive"]!["body"]!["text"]!.GetValue<string>(),
        _ => $"[{Type} {Body[Type]?["name"]}]",
    };

    /// <summary>Reply button ids and titles, or list rows, of an interactive message.</summary>
    public IReadOnlyList<(string Id, string Title)> Choices => Type != "interactive"
        ? []
        : Body["interactive"]!["type"]!.GetValue<string>() == "button"
            ? Body["interactive"]!["action"]!["buttons"]!.AsArray().Select(b => (b!["reply"]!["id"]!.GetValue<string>(), b["reply"]!["title"]!.GetValue<string>())).ToList()
            : Body["interactive"]!["action"]!["sections"]!.AsArray().SelectMany(s => s!["rows"]!.AsArray())
                .Select(r => (r!["id"]!.GetValue<string>(), r["title"]!.GetValue<string>())).ToList();
}

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers like the Graph API's messages endpoint and keeps what it got.
/// Tests wait on conditions over the received messages; <see cref="FailWith"/> imitates an outage.
/// </summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    public const string PhoneNumberId = "106540352242922";
    public const string Token = "test-access-token-5d1";

    /// <summary>A second business number of the same account, with a token of its own.</summary>
    public const string OtherPhoneNumberId = "106540352242999";
    public const string OtherToken = "test-access-token-other-77";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private readonly ConcurrentQueue<SentMessage> _reads = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _counter;

    private FakeGraphApi(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>While set, every send is answered with this status (and an error body with <see cref="FailCode"/>) and not recorded.</summary>
    public int? FailWith { get; set; }

    /// <summary>The Graph error code of a <see cref="FailWith"/> answer (default 2, "temporarily unavailable"); null sends a body without one.</summary>
    public int? FailCode { get; set; } = 2;

    /// <summary>When above 0, only this many further sends fail with <see cref="FailWith"/>; later ones succeed.</summary>
    public int FailTimes { get; set; }

    /// <summary>How long an accepted send's answer takes: the message is recorded (Meta accepted it) before the wait.</summary>
    public TimeSpan AnswerDelay { get; set; }

    private int _failures;
    private int _failTimesLeft;

    /// <summary>Makes the next <paramref name="times"/> sends fail with <paramref name="status"/> and <paramref name="code"/>.</summary>
    public void FailNext(int times, int status, int? code)
    {
        FailCode = code;
        FailTimes = times;
        Volatile.Write(ref _failTimesLeft, times);
        FailWith = status;
    }

    /// <summary>Sends refused because of <see cref="FailWith"/>.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public IReadOnlyList<SentMessage> Sent => _sent.ToList();

    /// <summary>Mark-as-read calls (<c>"status":"read"</c>), kept apart from messages; <see cref="To"/> is empty on them.</summary>
    public IReadOnlyList<SentMessage> Reads => _reads.ToList();

    /// <summary>While set, mark-as-read calls are answered with this status (they never affect <see cref="FailWith"/>).</summary>
    public int? FailReadsWith { get; set; }

    /// <summary>Waits until a mark-as-read call for <paramref name="wamid"/> arrived.</summary>
    public async Task<SentMessage> ReadAsync(string wamid)
    {
        await Eventually.TrueAsync(() => Task.FromResult(_reads.Any(r => r.Body["message_id"]?.GetValue<string>() == wamid)), $"a read receipt for {wamid}");
        return _reads.First(r => r.Body["message_id"]?.GetValue<string>() == wamid);
    }

    public static async Task<FakeGraphApi> StartAsync()
    {
        FakeGraphApi? fake = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.MapPost("/{version}/{phone}/messages", (string version, string phone, HttpRequest request) =>
            fake!.ReceiveAsync(phone, request)));
        return fake = new FakeGraphApi(app, address);
    }

    private async Task<IResult> ReceiveAsync(string phone, HttpRequest request)
    {
        var token = phone switch { PhoneNumberId => Token, OtherPhoneNumberId => OtherToken, _ => null };
        if (token is null || request.Headers.Authorization != $"Bearer {token}")
        {
            return Results.Json(new { error = new { message = "Invalid OAuth access token.", type = "OAuthException", code = 190 } }, statusCode: 401);
        }

        var body = (await JsonSerializer.DeserializeAsync<JsonObject>(request.Body))!;
        if (body["status"]?.GetValue<string>() == "read")
        {
            // platforms-2026.md 3: mark as read (+ typing indicator) answers {"success": true}.
            _reads.Enqueue(new SentMessage("", "", body, phone));
            return FailReadsWith is { } readStatus
                ? Results.Json(new { error = new { message = "Service temporarily unavailable", type = "OAuthException", code = 2 } }, statusCode: readStatus)
                : Results.Json(new { success = true });
        }

        if (FailWith is { } status && (FailTimes == 0 || Interlocked.Decrement(ref _failTimesLeft) >= 0))
        {
            Interlocked.Increment(ref _failures);
            return FailCode is { } code
                ? Results.Json(new { error = new { message = "Service temporarily unavailable", type = "OAuthException", code, fbtrace_id = "AbC" } }, statusCode: status)
                : Results.Text("<html><body>Bad gateway</body></html>", "text/html", statusCode: status);
        }

        var id = $"wamid.fake{Interlocked.Increment(ref _counter):D6}";
        // platforms-2026.md 1.4: a BSUID goes in "recipient"; when both are present "to" wins.
        var to = (body["to"] ?? body["recipient"])!.GetValue<string>();
        _sent.Enqueue(new SentMessage(to, id, body, phone));
        _arrived.Release();
        if (AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(AnswerDelay);
        }

        return body["to"] is not null
            ? Results.Json(new { messaging_product = "whatsapp", contacts = new[] { new { input = to, wa_id = to.TrimStart('+') } }, messages = new[] { new { id } } })
            : Results.Json(new { messaging_product = "whatsapp", contacts = new[] { new { input = to, user_id = to } }, messages = new[] { new { id } } });
    }

    public IReadOnlyList<SentMessage> To(string customer) => Sent.Where(m => m.To == customer).ToList();

    /// <summary>Waits until <paramref name="condition"/> holds over what was sent; fails the test with what arrived when it does not in time.</summary>
    public async Task<IReadOnlyList<SentMessage>> WaitForAsync(Func<IReadOnlyList<SentMessage>, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var sent = Sent;
            if (condition(sent))
            {
                return sent;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                Assert.Fail($"Timed out waiting for {what ?? "messages"}; got {sent.Count}: " + string.Join(" | ", sent.TakeLast(5).Select(s => $"{s.To}: {s.Text}")));
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits for the <paramref name="count"/>-th message to <paramref name="customer"/> and returns it.</summary>
    public async Task<SentMessage> NthToAsync(string customer, int count) =>
        (await WaitForAsync(s => s.Count(m => m.To == customer) >= count, what: $"message {count} to {customer}")).Where(m => m.To == customer).ElementAt(count - 1);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
