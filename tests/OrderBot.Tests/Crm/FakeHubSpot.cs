using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Crm;

/// <summary>
/// The part of HubSpot's CRM API the adapter uses, as documented: batch upsert of contacts and orders by a
/// unique id property (answering with HubSpot's object ids and whether each was new), and v4 default
/// associations. Every request is recorded as sent; a wrong token gets 401.
/// </summary>
public sealed class FakeHubSpot : IAsyncDisposable
{
    public const string Token = "pat-test-0123456789";

    private readonly Lock _lock = new();
    private readonly List<Request> _requests = [];
    private readonly Dictionary<(string Type, string Key), (string Id, JsonObject Properties)> _objects = [];
    private readonly HashSet<(string Order, string Contact)> _associations = [];
    private WebApplication? _app;
    private int _nextId = 1000;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Answers a request instead of HubSpot (return null to let it through).</summary>
    public Func<Request, IResult?>? Intercept { get; set; }

    public IReadOnlyList<Request> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeHubSpot> StartAsync()
    {
        var hubSpot = new FakeHubSpot();
        var (app, address) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/crm/v3/objects/{type}/batch/upsert", hubSpot.UpsertAsync);
            app.MapPut("/crm/v4/objects/order/{orderId}/associations/default/contact/{contactId}", hubSpot.AssociateAsync);
        });
        hubSpot._app = app;
        hubSpot.BaseAddress = address;
        return hubSpot;
    }

    public Dictionary<string, string?> Settings() => new()
    {
        ["Crm:Adapter"] = "hubspot",
        ["Crm:HubSpot:BaseUrl"] = BaseAddress.ToString(),
        ["Crm:HubSpot:AccessToken"] = Token,
    };

    public (string Id, JsonObject Properties)? Find(string type, string key)
    {
        lock (_lock)
        {
            return _objects.TryGetValue((type, key), out var found) ? found : null;
        }
    }

    public int ObjectCount
    {
        get
        {
            lock (_lock)
            {
                return _objects.Count;
            }
        }
    }

    public bool Associated(string orderId, string contactId)
    {
        lock (_lock)
        {
            return _associations.Contains((orderId, contactId));
        }
    }

    private async Task<IResult> UpsertAsync(HttpContext context, string type)
    {
        var (request, refusal) = await ReceiveAsync(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var results = new JsonArray();
        foreach (var input in JsonNode.Parse(request.Body)!["inputs"]!.AsArray())
        {
            var key = input!["id"]!.GetValue<string>();
            var properties = input["properties"]!.AsObject();
            lock (_lock)
            {
                var isNew = !_objects.TryGetValue((type, key), out var existing);
                var id = isNew ? (_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture) : existing.Id;
                var merged = existing.Properties?.DeepClone().AsObject() ?? [];
                foreach (var (name, value) in properties)
                {
                    merged[name] = value?.DeepClone();
                }

                merged[input["idProperty"]!.GetValue<string>()] = key;
                _objects[(type, key)] = (id, merged);
                results.Add(new JsonObject { ["id"] = id, ["properties"] = merged.DeepClone(), ["new"] = isNew });
            }
        }

        return Results.Json(new JsonObject { ["status"] = "COMPLETE", ["results"] = results });
    }

    private async Task<IResult> AssociateAsync(HttpContext context, string orderId, string contactId)
    {
        var (_, refusal) = await ReceiveAsync(context);
        if (refusal is not null)
        {
            return refusal;
        }

        lock (_lock)
        {
            _associations.Add((orderId, contactId));
        }

        return Results.Json(new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray() });
    }

    private async Task<(Request Request, IResult? Refusal)> ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new Request(
            context.Request.Method,
            context.Request.Path.Value!,
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType,
            await reader.ReadToEndAsync());
        lock (_lock)
        {
            _requests.Add(request);
        }

        if (request.Authorization != $"Bearer {Token}")
        {
            return (request, Results.Json(new { status = "error", category = "INVALID_AUTHENTICATION" }, statusCode: 401));
        }

        return (request, Intercept?.Invoke(request));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public sealed record Request(string Method, string Path, string Authorization, string? ContentType, string Body);
}
