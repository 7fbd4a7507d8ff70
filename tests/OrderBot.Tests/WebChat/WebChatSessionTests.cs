using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Chat;
using OrderBot.Server.WebChat;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.WebChat;

public sealed class WebChatSessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewSession() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static HttpRequestMessage Message(string session, string text = "hi", object? body = null)
    {
        var request = Request(HttpMethod.Post, "/api/chat/messages", body ?? new { text }, key: null);
        request.Headers.Add(WebChatEndpoints.SessionHeader, session);
        return request;
    }

    [Fact]
    public void The_customer_id_is_opaque_and_sessions_differing_in_case_are_different_customers()
    {
        var session = "AbCdEfGhIjKlMnOpQrStUv";

        var customer = WebChatEndpoints.CustomerOf(session)!;

        Assert.DoesNotContain(session, customer, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(customer, WebChatEndpoints.CustomerOf(session.ToLowerInvariant()));
        Assert.NotEqual(customer, WebChatEndpoints.CustomerOf(session.ToUpperInvariant()));
        Assert.Equal(customer, WebChatEndpoints.CustomerOf(session));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("AbCdEfGhIjKlMnOpQrStU!")]
    public async Task A_session_that_is_not_a_128_bit_secret_is_refused(string session)
    {
        await using var app = await RunningApp.StartAsync(Settings());

        var response = await app.Client.SendAsync(Message(session), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_new_session_per_message_does_not_escape_the_per_address_limit()
    {
        await using var app = await RunningApp.StartAsync(Settings(("WebChat:MessagesPerMinutePerAddress", "5")));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await app.Client.SendAsync(Message(NewSession()), Ct)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5).Append(HttpStatusCode.TooManyRequests), statuses);
    }

    [Fact]
    public async Task One_session_is_limited_on_its_own_and_all_sessions_together_too()
    {
        await using var app = await RunningApp.StartAsync(Settings(("WebChat:MessagesPerMinute", "2"), ("WebChat:MessagesPerMinuteTotal", "4")));
        var session = NewSession();

        var one = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            one.Add((await app.Client.SendAsync(Message(session), Ct)).StatusCode);
        }

        var others = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            others.Add((await app.Client.SendAsync(Message(NewSession()), Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], one);
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], others);
    }

    [Fact]
    public async Task A_chat_body_over_the_api_limit_is_refused_unread()
    {
        await using var app = await RunningApp.StartAsync(Settings(("Api:MaxBodyBytes", "4096")));

        var response = await app.Client.SendAsync(Message(NewSession(), body: new { text = new string('a', 100_000) }), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_idle_session_is_evicted_from_memory_but_one_with_an_open_page_stays()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var hub = new WebChatHub(time, Options.Create(new WebChatOptions { IdleSessionLifetime = TimeSpan.FromMinutes(30) }));
        hub.Post("web-idle", new TextReply("hello"));
        using var reading = new CancellationTokenSource();
        var open = hub.ReadAsync("web-open", reading.Token).GetAsyncEnumerator(reading.Token);
        var first = open.MoveNextAsync();
        hub.Post("web-open", new TextReply("hello"));
        Assert.True(await first);

        time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(1, hub.Count);
        await reading.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await open.MoveNextAsync());
        await open.DisposeAsync();
        time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(0, hub.Count);
    }
}
