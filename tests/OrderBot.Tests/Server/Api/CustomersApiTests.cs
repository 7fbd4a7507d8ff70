using System.Net;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Server.Api;

public sealed class CustomersApiTests
{
    [Theory]
    [InlineData("Ann\u0000a")]
    [InlineData("Ann\u001b[31ma")]
    [InlineData("Ann\na")]
    [InlineData("Ann\u0085a")]
    public async Task A_display_name_with_a_control_character_is_a_400_naming_the_field(string name)
    {
        await using var app = await RunningApp.StartAsync(Settings());

        var response = await app.Client.SendAsync(Request(HttpMethod.Put, "/api/customers/%2B31612345678", new { display_name = name }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("display_name", out _));
    }
}
