using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OrderBot.Server.Eval.Payments;

/// <summary>One <c>POST /v1/checkout/sessions</c> as the fake received it.</summary>
public sealed record SessionRequest(string? Authorization, string? IdempotencyKey, IReadOnlyDictionary<string, string> Form);

/// <summary>
/// The Stripe endpoints OrderBot calls, as platforms-2026.md §5 documents them: <c>POST /v1/checkout/sessions</c>, form
/// encoded with the secret key as Bearer and an <c>Idempotency-Key</c> (a key seen before returns the same session), and
/// webhook events signed as Stripe signs them. Shared by the tests and the conversation benchmark, whose conversations
/// with online payment run against it.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake_51Hx0000000000";
    public const string WebhookSecret = "whsec_test_fake_0c9d8e7f6a5b4c3d";

    private readonly ConcurrentQueue<SessionRequest> _requests = new();
    private readonly ConcurrentDictionary<string, JsonObject> _byKey = new();
    private int _failures;
    private int _sessions;
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;
    public IReadOnlyList<SessionRequest> Requests => _requests.ToList();

    /// <summary>Sessions made, by id, as returned.</summary>
    public ConcurrentDictionary<string, JsonObject> Sessions { get; } = new();

    /// <summary>The next <paramref name="times"/> session requests get a 500, as during an outage.</summary>
    public void FailNext(int times) => Interlocked.Exchange(ref _failures, times);

    /// <summary>Starts on a free 127.0.0.1 port.</summary>
    public static async Task<FakeStripe> StartAsync(CancellationToken cancellationToken = default)
    {
        var stripe = new FakeStripe();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/checkout/sessions", stripe.CreateSessionAsync);
        await app.StartAsync(cancellationToken);
        stripe._app = app;
        stripe.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return stripe;
    }

    /// <summary>The settings that point OrderBot's stripe provider here.</summary>
    public (string Key, string Value)[] Settings() =>
    [
        ("Payments:Provider", "stripe"),
        ("Payments:Stripe:SecretKey", SecretKey),
        ("Payments:Stripe:WebhookSecret", WebhookSecret),
        ("Payments:Stripe:ApiBase", BaseAddress.ToString()),
        ("Payments:Stripe:SuccessUrl", "https://shop.example/paid?session_id={CHECKOUT_SESSION_ID}"),
    ];

    private async Task<IResult> CreateSessionAsync(HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        var received = new SessionRequest(request.Headers.Authorization.FirstOrDefault(), request.Headers["Idempotency-Key"].FirstOrDefault(), form);
        _requests.Enqueue(received);
        if (received.Authorization != "Bearer " + SecretKey)
        {
            return Error(401, "authentication_error", "Invalid API Key provided.");
        }

        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            return Error(500, "api_error", "Something went wrong on Stripe's end.");
        }

        if (received.IdempotencyKey is { } key && _byKey.TryGetValue(key, out var earlier))
        {
            return Results.Text(earlier.ToJsonString(), "application/json");
        }

        var id = $"cs_test_{Interlocked.Increment(ref _sessions):D4}{Guid.NewGuid():N}";
        var lines = form.Keys.Where(k => k.EndsWith("][quantity]", StringComparison.Ordinal)).Count();
        var total = Enumerable.Range(0, lines).Sum(i =>
            long.Parse(form[$"line_items[{i}][price_data][unit_amount]"]) * long.Parse(form[$"line_items[{i}][quantity]"]));
        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["url"] = $"https://checkout.stripe.com/c/pay/{id}",
            ["status"] = "open",
            ["payment_status"] = "unpaid",
            ["mode"] = form.GetValueOrDefault("mode"),
            ["expires_at"] = long.Parse(form["expires_at"]),
            ["amount_total"] = total,
            ["currency"] = form.GetValueOrDefault("line_items[0][price_data][currency]"),
            ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
            ["metadata"] = new JsonObject(form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
                .Select(f => KeyValuePair.Create(f.Key["metadata[".Length..^1], (JsonNode?)f.Value))),
            ["payment_intent"] = null,
            ["livemode"] = false,
        };
        Sessions[id] = session;
        if (received.IdempotencyKey is { } newKey)
        {
            _byKey[newKey] = session;
        }

        return Results.Text(session.ToJsonString(), "application/json");
    }

    private static IResult Error(int status, string type, string message) =>
        Results.Text(new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["message"] = message } }.ToJsonString(), "application/json", statusCode: status);

    /// <summary>An event envelope as §5 shows it, around a copy of <paramref name="session"/> changed by <paramref name="change"/>.</summary>
    public static string Event(string type, JsonObject session, Action<JsonObject>? change = null, string? id = null)
    {
        var copy = session.DeepClone().AsObject();
        change?.Invoke(copy);
        return new JsonObject
        {
            ["id"] = id ?? "evt_" + Guid.NewGuid().ToString("N"),
            ["object"] = "event",
            ["api_version"] = "2026-10-28.endive",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = copy },
        }.ToJsonString();
    }

    /// <summary>
    /// <c>Stripe-Signature</c> built from the rule in platforms-2026.md §5 (not with Stripe.net's helper):
    /// <c>t={unix seconds},v1=</c> lower-case hex of HMAC-SHA256 keyed with the secret's UTF-8 bytes over <c>"{t}.{raw body}"</c>.
    /// </summary>
    public static string Sign(string body, string secret = WebhookSecret, DateTimeOffset? at = null)
    {
        var t = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
