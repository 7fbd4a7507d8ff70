using System.Net;
using Microsoft.Extensions.Logging;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Server.Staff;

/// <summary>No API keys and no staff users: requests from this machine get in, but only when "this machine" is true.</summary>
public sealed class LoopbackModeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "shop.example.com")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    public async Task A_request_that_came_through_a_proxy_is_not_let_in_as_local(string header, string value)
    {
        await using var app = await RunningApp.StartAsync();
        var proxied = Request(HttpMethod.Get, "/api/menu", key: null);
        proxied.Headers.Add(header, value);

        var response = await app.Client.SendAsync(proxied, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(Request(HttpMethod.Get, "/api/menu", key: null), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_server_listening_on_a_public_address_refuses_the_mode_and_says_so_at_start()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string> { ["urls"] = "http://127.0.0.1:0;http://0.0.0.0:0" });

        var response = await app.Client.SendAsync(Request(HttpMethod.Get, "/api/menu", key: null), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var line = Assert.Single(app.Logs.Entries, e => e.Message.Contains("loopback-only mode is refused", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
    }

    [Fact]
    public async Task The_loopback_mode_says_so_at_start()
    {
        await using var app = await RunningApp.StartAsync();

        Assert.Single(app.Logs.Entries, e => e.Message.StartsWith("No API keys and no staff users: only requests from this machine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Once_a_staff_user_exists_local_requests_need_a_sign_in_too()
    {
        await using var app = await RunningApp.StartAsync();
        await app.AddStaffAsync();

        var response = await app.Client.SendAsync(Request(HttpMethod.Get, "/api/menu", key: null), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
