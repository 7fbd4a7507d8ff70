using System.Net.Http.Json;
using System.Text.Json;
using OrderBot.Orders;

namespace OrderBot.Tests.Support;

/// <summary>JSON over HTTP the way the API speaks it (snake_case), with the test API key.</summary>
public static class ApiClient
{
    public const string Key = "test-key-7c1f-4b9e-a2d3-0f5e8c6b1a77";
    public static readonly JsonSerializerOptions Json = OrderJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static Dictionary<string, string> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string> { ["Api:Keys:tests"] = Key };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, object? body = null, string? key = Key)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    public static async Task<string> NewCustomerAsync(this RunningApp app)
    {
        var id = "+3161" + Random.Shared.Next(1_000_000, 9_999_999);
        var response = await app.Client.SendAsync(Request(HttpMethod.Put, $"/api/customers/{Uri.EscapeDataString(id)}", new { display_name = "Test" }), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return id;
    }
}
