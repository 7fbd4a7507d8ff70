using System.Net;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Server;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_when_the_database_is_reachable()
    {
        await using var app = await RunningApp.StartAsync();

        var live = await app.Client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        var ready = await app.Client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ready_reports_unhealthy_when_the_database_cannot_be_opened()
    {
        await using var app = await RunningApp.StartAsync();
        app.BreakDatabase();

        var ready = await app.Client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
