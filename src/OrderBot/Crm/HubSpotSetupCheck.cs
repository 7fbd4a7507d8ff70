using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrderBot.Orders;

namespace OrderBot.Crm;

/// <summary>
/// Reads the HubSpot portal's property definitions and order pipelines and says, one line per problem with its fix,
/// what would make the first order fail: an id property that does not exist or is not unique (<c>hasUniqueValue</c>),
/// or a status written to <c>hs_pipeline_stage</c> that is not a stage id. <see cref="FixAsync"/> creates missing
/// custom unique id properties (an existing property can never be made unique).
/// </summary>
public sealed class HubSpotSetupCheck(IHttpClientFactory http, IOptions<CrmOptions> options, string destination)
{
    public const string StageProperty = "hs_pipeline_stage";

    /// <summary>The outbox destination whose HubSpot portal this checks.</summary>
    public string Destination => destination;

    /// <summary>Whether the server checks this portal when it starts.</summary>
    public bool CheckOnStart => HubSpot.CheckOnStart;

    private HubSpotOptions HubSpot => options.Value.Of(destination).HubSpot;

    /// <summary>Where this destination's HubSpot settings are in the configuration, e.g. Crm:HubSpot.</summary>
    public string Settings => options.Value.Configured().First(d => d.Name == destination).Path + ":HubSpot";

    /// <summary>The problems found; empty when the set-up is right. Throws <see cref="HttpRequestException"/> when HubSpot cannot be asked.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await CheckIdPropertyAsync("order", HubSpot.OrderIdProperty, $"{Settings}:{nameof(HubSpotOptions.OrderIdProperty)}", problems, cancellationToken);
        await CheckIdPropertyAsync("contacts", HubSpot.ContactIdProperty, $"{Settings}:{nameof(HubSpotOptions.ContactIdProperty)}", problems, cancellationToken);
        if (HubSpot.StatusProperty == StageProperty)
        {
            await CheckStagesAsync(problems, cancellationToken);
        }

        foreach (var (field, name) in HubSpot.OrderFieldProperties.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var (status, _) = await GetAsync($"crm/v3/properties/order/{name}", cancellationToken);
            if (status == HttpStatusCode.NotFound)
            {
                problems.Add($"Crm:HubSpot:OrderFieldProperties:{field}: HubSpot has no order property '{name}'; create it (a text or number property) " +
                             "on the order object, or remove the entry so the field is not sent.");
            }
        }

        return problems;
    }

    /// <summary>Creates each configured id property that does not exist yet, as a unique text property; returns what it did.</summary>
    public async Task<IReadOnlyList<string>> FixAsync(CancellationToken cancellationToken)
    {
        var done = new List<string>();
        foreach (var (objectType, name, label) in new[]
                 {
                     ("order", HubSpot.OrderIdProperty, "OrderBot order id"),
                     ("contacts", HubSpot.ContactIdProperty, "OrderBot customer id"),
                 })
        {
            var (status, _) = await GetAsync($"crm/v3/properties/{objectType}/{name}", cancellationToken);
            if (status != HttpStatusCode.NotFound)
            {
                continue;
            }

            // Every property needs an existing group; the portal's first group of the object is as good as any.
            var (_, groups) = await GetAsync($"crm/v3/properties/{objectType}/groups", cancellationToken);
            var group = groups?["results"]?.AsArray().Select(g => g?["name"]?.GetValue<string>()).FirstOrDefault(g => g is not null)
                ?? throw new HttpRequestException($"HubSpot lists no property group for {objectType}");
            var property = new JsonObject
            {
                ["name"] = name, ["label"] = label, ["type"] = "string", ["fieldType"] = "text", ["groupName"] = group, ["hasUniqueValue"] = true,
            };
            using var response = await SendAsync(HttpMethod.Post, $"crm/v3/properties/{objectType}", property, cancellationToken);
            await EnsureAsync(response, cancellationToken);
            done.Add($"created the unique {objectType} property '{name}' in group '{group}'");
        }

        return done;
    }

    private async Task CheckIdPropertyAsync(string objectType, string name, string setting, List<string> problems, CancellationToken cancellationToken)
    {
        var (status, property) = await GetAsync($"crm/v3/properties/{objectType}/{name}", cancellationToken);
        if (status == HttpStatusCode.NotFound)
        {
            problems.Add($"{setting}: HubSpot has no {objectType} property '{name}'; run `crm check --fix` to create it as a unique property, or set {setting} to an existing unique one.");
        }
        else if (property?["hasUniqueValue"]?.GetValue<bool>() != true)
        {
            problems.Add($"{setting}: the {objectType} property '{name}' is not unique (hasUniqueValue false), so HubSpot cannot upsert by it; " +
                         $"set {setting} to a new name and run `crm check --fix` to create it (an existing property cannot be made unique).");
        }
    }

    private async Task CheckStagesAsync(List<string> problems, CancellationToken cancellationToken)
    {
        var (_, answer) = await GetAsync("crm/v3/pipelines/order", cancellationToken);
        var pipelines = answer?["results"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        var chosen = string.IsNullOrEmpty(HubSpot.Pipeline) ? pipelines : pipelines.Where(p => p["id"]?.GetValue<string>() == HubSpot.Pipeline).ToList();
        if (!string.IsNullOrEmpty(HubSpot.Pipeline) && chosen.Count == 0)
        {
            problems.Add($"{Settings}:Pipeline: HubSpot has no order pipeline '{HubSpot.Pipeline}'; use one of: {Describe(pipelines)}.");
            return;
        }

        var stages = chosen.SelectMany(p => p["stages"]?.AsArray().OfType<JsonObject>() ?? []).ToList();
        var ids = stages.Select(s => s["id"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var unmapped = Enum.GetValues<OrderStatus>().Select(s => s.ToWireName())
            .Where(status => !ids.Contains(HubSpot.StageOf(status))).ToList();
        if (unmapped.Count > 0)
        {
            problems.Add($"{Settings}:StatusMap: {string.Join(", ", unmapped)} {(unmapped.Count == 1 ? "is" : "are")} not mapped to a stage id of " +
                         $"{(string.IsNullOrEmpty(HubSpot.Pipeline) ? "any order pipeline" : $"pipeline '{HubSpot.Pipeline}'")}; " +
                         $"set {Settings}:StatusMap:<status> to one of: {Describe(stages)}.");
        }
    }

    private static string Describe(IEnumerable<JsonObject> items)
    {
        var described = items.Select(i => $"{i["id"]} ({i["label"]})").ToList();
        return described.Count == 0 ? "(none)" : string.Join(", ", described);
    }

    /// <summary>The status and the JSON answer; 404 is an answer, any other failure throws with HubSpot's words.</summary>
    private async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return (response.StatusCode, null);
        }

        await EnsureAsync(response, cancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(HubSpot.ApiRoot, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", HubSpot.AccessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.CreateClient(CrmOptions.HttpClientName).SendAsync(request, cancellationToken);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(await HttpDelivery.DescribeAsync(response, cancellationToken), null, response.StatusCode);
        }
    }
}
