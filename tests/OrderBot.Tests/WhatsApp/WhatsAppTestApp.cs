using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Server.WhatsApp;
using OrderBot.Storage;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.WhatsApp;

/// <summary>The running server with the WhatsApp channel pointed at a <see cref="FakeGraphApi"/>, and helpers to deliver signed webhooks.</summary>
public sealed class WhatsAppTestApp : IAsyncDisposable
{
    public const string AppSecret = "test-app-secret-0b7e";
    public const string VerifyToken = "test-verify-token-91c";

    private WhatsAppTestApp(RunningApp app, FakeGraphApi graph)
    {
        App = app;
        Graph = graph;
    }

    public RunningApp App { get; }
    public FakeGraphApi Graph { get; }

    public static Task<WhatsAppTestApp> StartAsync(params (string Key, string Value)[] extra) => StartAsync(TestMenus.CafeJson, extra);

    public static Task<WhatsAppTestApp> StartAsync(string menuJson, params (string Key, string Value)[] extra) => StartAsync(menuJson, null, extra);

    /// <param name="configure">Changes to the server's services, e.g. an EF Core interceptor that makes a write fail.</param>
    public static async Task<WhatsAppTestApp> StartAsync(string menuJson, Action<WebApplicationBuilder>? configure, params (string Key, string Value)[] extra)
    {
        var graph = await FakeGraphApi.StartAsync();
        var settings = ApiClient.Settings(
        [
            ("WhatsApp:BaseUrl", graph.BaseAddress.ToString()),
            ("WhatsApp:PhoneNumberId", FakeGraphApi.PhoneNumberId),
            ("WhatsApp:AccessToken", FakeGraphApi.Token),
            ("WhatsApp:AppSecret", AppSecret),
            ("WhatsApp:VerifyToken", VerifyToken),
            ("Chat:PollInterval", "00:00:00.200"),
            ("Chat:RetryDelay", "00:00:00.100"),
            ("Outbox:PollInterval", "00:00:00.200"),
            ("Outbox:FirstRetryDelay", "00:00:00.100"),
            ("Outbox:MaxRetryDelay", "00:00:00.500"),
            .. extra,
        ]);
        return new WhatsAppTestApp(await RunningApp.StartAsync(settings, menuJson, configure), graph);
    }

    /// <summary>A customer's WhatsApp id (digits) no other test uses; replies go to "+" and these digits.</summary>
    public static string NewWaId() => "49170" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    /// <summary>Posts <paramref name="json"/> signed with the app secret, exactly as Meta would.</summary>
    public Task<HttpResponseMessage> PostAsync(string json, string? signature = null) => PostAsync(MetaPayloads.Bytes(json), signature);

    public Task<HttpResponseMessage> PostAsync(byte[] body, string? signature = null, bool sign = true)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, WhatsAppWebhookEndpoints.Path) { Content = content };
        if (sign)
        {
            request.Headers.Add(MetaSignature.Header, signature ?? MetaSignature.Sign(body, AppSecret));
        }

        return App.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Delivers one message and waits for the <paramref name="replyNumber"/>-th message to that customer.</summary>
    public async Task<SentMessage> SayAsync(System.Text.Json.Nodes.JsonObject message, int replyNumber)
    {
        var response = await PostAsync(MetaPayloads.Delivery([message]));
        response.EnsureSuccessStatusCode();
        return await Graph.NthToAsync("+" + message["from"]!.GetValue<string>(), replyNumber);
    }

    public async Task<T> QueryAsync<T>(Func<OrderBotDbContext, Task<T>> query)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<OrderBotDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await query(db);
    }

    public Task<int> OrderCountAsync(string customerId) => QueryAsync(db => db.Orders.CountAsync(o => o.CustomerId == customerId));

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
