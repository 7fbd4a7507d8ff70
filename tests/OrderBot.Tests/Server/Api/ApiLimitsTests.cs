using System.Net;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Server.Api;

public sealed class ApiLimitsTests
{
    [Fact]
    public async Task Past_the_rate_limit_the_api_answers_429_with_retry_after()
    {
        await using var app = await RunningApp.StartAsync(Settings(("Api:PermitsPerMinute", "3")));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await app.Client.SendAsync(Request(HttpMethod.Get, "/api/menu"), TestContext.Current.CancellationToken);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Without_configured_keys_local_callers_are_let_in()
    {
        await using var app = await RunningApp.StartAsync();

        var response = await app.Client.SendAsync(Request(HttpMethod.Get, "/api/menu", key: null), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task When_the_database_file_is_gone_a_write_is_a_503_problem_not_a_500()
    {
        await using var app = await RunningApp.StartAsync(Settings());
        var customer = await app.NewCustomerAsync();
        app.BreakDatabase();

        var response = await app.Client.SendAsync(
            Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "latte", quantity = 1 } } }),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("The database is unavailable.", (await response.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
