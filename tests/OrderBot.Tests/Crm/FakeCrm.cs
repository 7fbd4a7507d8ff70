using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderBot.Crm;
using OrderBot.Outbox;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Crm;

/// <summary>
/// A webhook receiver that keeps the documented contract: rejects a bad signature, applies each event id
/// once, ignores versions older than the newest it has. <see cref="Intercept"/> answers in its place
/// (an outage, a 429, a 400) before anything is applied.
/// </summary>
public sealed class FakeCrm : IAsyncDisposable
{
    public const string Secret = "fake-crm-secret-0123456789";

    private readonly Lock _lock = new();
    private readonly List<Received> _requests = [];
    private readonly List<Received> _applied = [];
    private readonly List<Received> _older = [];
    private readonly Dictionary<string, Received> _orders = [];
    private readonly TimeProvider _clock;
    private WebApplication? _app;

    private FakeCrm(TimeProvider clock) => _clock = clock;

    public Uri Url { get; private set; } = null!;

    /// <summary>Answers a request instead of the receiver (return null to let it through).</summary>
    public Func<Received, Task<IResult?>>? Intercept { get; set; }

    public IReadOnlyList<Received> Requests => Snapshot(_requests);
    public IReadOnlyList<Received> Applied => Snapshot(_applied);
    public IReadOnlyList<Received> OlderIgnored => Snapshot(_older);

    public IReadOnlyDictionary<string, Received> Orders
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, Received>(_orders);
            }
        }
    }

    public static async Task<FakeCrm> StartAsync(TimeProvider? clock = null)
    {
        var crm = new FakeCrm(clock ?? TimeProvider.System);
        var (app, address) = await LoopbackServer.StartAsync(app => app.MapPost("/events", crm.ReceiveAsync));
        crm._app = app;
        crm.Url = new Uri(address, "events");
        return crm;
    }

    /// <summary>A webhook adapter's settings pointing here.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Crm:Adapter"] = "webhook",
        ["Crm:Webhook:Url"] = Url.ToString(),
        ["Crm:Webhook:Secret"] = Secret,
    };

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var json = JsonNode.Parse(body)!;
        var received = new Received(
            request.Headers["Idempotency-Key"].ToString(),
            json["event_id"]!.GetValue<string>(),
            json["order_id"]!.GetValue<string>(),
            json["order_version"]!.GetValue<int>(),
            json["order"]!["status"]!.GetValue<string>(),
            json["type"]!.GetValue<string>(),
            _clock.GetUtcNow());
        lock (_lock)
        {
            _requests.Add(received);
        }

        if (!WebhookSignature.Verify(body, Secret, request.Headers[WebhookSignature.Header]))
        {
            return Results.Unauthorized();
        }

        if (Intercept is { } intercept && await intercept(received) is { } answer)
        {
            return answer;
        }

        lock (_lock)
        {
            if (_applied.Any(a => a.IdempotencyKey == received.IdempotencyKey))
            {
                return Results.Ok();
            }

            if (_orders.TryGetValue(received.OrderId, out var newest) && newest.Version >= received.Version)
            {
                _older.Add(received);
                return Results.Ok();
            }

            _orders[received.OrderId] = received;
            _applied.Add(received);
        }

        return Results.Ok();
    }

    private List<Received> Snapshot(List<Received> list)
    {
        lock (_lock)
        {
            return [.. list];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public sealed record Received(string IdempotencyKey, string EventId, string OrderId, int Version, string Status, string Type, DateTimeOffset At);
}
