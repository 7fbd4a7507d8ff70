using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Crm;

/// <summary>
/// The part of HubSpot's CRM API the adapter uses, as documented: batch upsert of contacts and orders by a
/// unique id property (answering with HubSpot's object ids and whether each was new), and v4 default
/// associations. Every request is recorded as sent; a wrong token gets 401. It also serves the set-up reads
/// (platforms-2026.md, section 6): property definitions with <c>hasUniqueValue</c>, property groups, property creation,
/// and order pipelines with their stages, seeded as a standard portal (HubSpot's <c>phone</c> is not unique).
/// </summary>
public sealed class FakeHubSpot : IAsyncDisposable
{
    private static readonly string[] PropertyRequiredFields = ["name", "label", "type", "fieldType", "groupName"];
    public const string Token = "pat-test-0123456789";

    private readonly Lock _lock = new();
    private readonly List<Request> _requests = [];
    private readonly Dictionary<(string Type, string Key), (string Id, JsonObject Properties)> _objects = [];
    private readonly HashSet<(string Order, string Contact)> _associations = [];
    private readonly Dictionary<(string Type, string Name), JsonObject> _properties = new()
    {
        [("contacts", "phone")] = Property("phone", "Phone Number", "contactinformation", unique: false),
        [("contacts", "email")] = Property("email", "Email", "contactinformation", unique: false),
        [("order", "hs_external_order_id")] = Property("hs_external_order_id", "External order ID", "orderinformation", unique: true),
        [("order", "hs_pipeline_stage")] = Property("hs_pipeline_stage", "Order stage", "orderinformation", unique: false),
    };

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
            app.MapGet("/crm/v3/properties/{type}/groups", hubSpot.GroupsAsync);
            app.MapGet("/crm/v3/properties/{type}/{name}", hubSpot.GetPropertyAsync);
            app.MapPost("/crm/v3/properties/{type}", hubSpot.CreatePropertyAsync);
            app.MapGet("/crm/v3/pipelines/{type}", hubSpot.PipelinesAsync);
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

    /// <summary>The order pipeline of a portal, with UUID ids as seen in the wild (section 6; the id format is unverified as a rule).</summary>
    public static JsonObject Pipeline { get; } = new()
    {
        ["id"] = "14a2e10e-5471-408a-906e-c51f3b04369e", ["label"] = "Ecommerce pipeline", ["displayOrder"] = 0, ["archived"] = false,
        ["stages"] = new JsonArray(
            Stage("4b27b500-f031-4927-9811-68a0b525cbae", "Checkout pending", 0, "OPEN"),
            Stage("5d0e1f5a-2c0b-4d44-9d1e-0f3e7c7d8a11", "Order confirmed", 1, "OPEN"),
            Stage("6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Preparing", 2, "OPEN"),
            Stage("7b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e", "Ready", 3, "OPEN"),
            Stage("8c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f", "Shipped", 4, "OPEN"),
            Stage("9d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f70", "Delivered", 5, "CLOSED"),
            Stage("ae5f6a7b-8c9d-4e0f-8a1b-3c4d5e6f7081", "Cancelled", 6, "CLOSED")),
    };

    /// <summary>Our statuses, in enum order, to the seeded pipeline's stage ids.</summary>
    public static Dictionary<string, string?> StageSettings() =>
        Enum.GetValues<OrderBot.Orders.OrderStatus>().Zip(Pipeline["stages"]!.AsArray())
            .ToDictionary(p => $"Crm:HubSpot:StatusMap:{p.First.ToString().ToLowerInvariant()}", p => (string?)p.Second!["id"]!.GetValue<string>());

    public JsonObject? PropertyDefinition(string type, string name)
    {
        lock (_lock)
        {
            return _properties.GetValueOrDefault((type, name))?.DeepClone().AsObject();
        }
    }

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

    private async Task<IResult> GroupsAsync(HttpContext context, string type)
    {
        var (_, refusal) = await ReceiveAsync(context);
        var name = type == "contacts" ? "contactinformation" : $"{type}information";
        return refusal ?? Results.Json(new JsonObject
        {
            ["results"] = new JsonArray(new JsonObject { ["name"] = name, ["label"] = "Information", ["displayOrder"] = 0, ["archived"] = false }),
        });
    }

    private async Task<IResult> GetPropertyAsync(HttpContext context, string type, string name)
    {
        var (_, refusal) = await ReceiveAsync(context);
        return refusal ?? (PropertyDefinition(type, name) is { } property
            ? Results.Json(property)
            : Results.Json(new { status = "error", message = $"Unable to find property with name: {name}", category = "OBJECT_NOT_FOUND" }, statusCode: 404));
    }

    private async Task<IResult> CreatePropertyAsync(HttpContext context, string type)
    {
        var (request, refusal) = await ReceiveAsync(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var body = JsonNode.Parse(request.Body)!.AsObject();
        if (PropertyRequiredFields.FirstOrDefault(required => body[required] is null) is { } missing)
        {
            return Results.Json(new { status = "error", message = $"{missing} is required", category = "VALIDATION_ERROR" }, statusCode: 400);
        }

        var name = body["name"]!.GetValue<string>();
        lock (_lock)
        {
            if (_properties.ContainsKey((type, name)))
            {
                return Results.Json(new { status = "error", message = $"A property named '{name}' already exists.", category = "OBJECT_ALREADY_EXISTS" }, statusCode: 409);
            }

            var created = Property(name, body["label"]!.GetValue<string>(), body["groupName"]!.GetValue<string>(), body["hasUniqueValue"]?.GetValue<bool>() ?? false);
            created["hubspotDefined"] = false;
            _properties[(type, name)] = created;
            return Results.Json(created.DeepClone(), statusCode: 201);
        }
    }

    private async Task<IResult> PipelinesAsync(HttpContext context, string type)
    {
        var (_, refusal) = await ReceiveAsync(context);
        return refusal ?? Results.Json(new JsonObject { ["results"] = type == "order" ? new JsonArray(Pipeline.DeepClone()) : new JsonArray() });
    }

    private static JsonObject Property(string name, string label, string group, bool unique) => new()
    {
        ["name"] = name, ["label"] = label, ["type"] = "string", ["fieldType"] = "text", ["groupName"] = group, ["description"] = "",
        ["options"] = new JsonArray(), ["hasUniqueValue"] = unique, ["hubspotDefined"] = true, ["calculated"] = false,
        ["hidden"] = false, ["formField"] = true, ["archived"] = false,
    };

    private static JsonObject Stage(string id, string label, int order, string state) => new()
    {
        ["id"] = id, ["label"] = label, ["displayOrder"] = order, ["archived"] = false,
        ["metadata"] = new JsonObject { ["state"] = state }, ["writePermissions"] = "CRM_PERMISSIONS_ENFORCEMENT",
    };

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
