using System.Net;
using System.Text;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Server.Api;

/// <summary>Every problem answer is application/problem+json, and a body the API cannot use names the field (issue 16, point 9).</summary>
public sealed class ProblemAnswersTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync(Settings());

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("""{"text":"two lattes"}""", "text")]
    [InlineData("""{}""", "message")]
    [InlineData("""{"message":5}""", "message")]
    public async Task Extract_with_an_unknown_missing_or_wrongly_typed_field_answers_400_naming_it(string body, string field)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/extract", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Order_options_given_as_strings_answer_400_naming_the_field()
    {
        var customer = await _app.NewCustomerAsync();

        var response = await SendAsync(HttpMethod.Post, "/api/orders",
            $$"""{"customer_id":"{{customer}}","items":[{"name":"latte","quantity":1,"options":["oat milk"]}]}""");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "items[0].options[0]");
    }

    [Fact]
    public async Task Not_found_and_conflict_are_problem_json()
    {
        var missing = await _app.Client.SendAsync(Request(HttpMethod.Get, "/api/orders/no-such-order"), TestContext.Current.CancellationToken);
        await AssertProblemAsync(missing, HttpStatusCode.NotFound, "no-such-order");

        var customer = await _app.NewCustomerAsync();
        var created = await _app.Client.SendAsync(
            Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "latte", quantity = 1 } } }), TestContext.Current.CancellationToken);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        var conflict = await _app.Client.SendAsync(Request(HttpMethod.Patch, $"/api/orders/{id}/status", new { status = "delivered" }), TestContext.Current.CancellationToken);
        await AssertProblemAsync(conflict, HttpStatusCode.Conflict, "status");
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string json) =>
        _app.Client.SendAsync(Request(method, path, new StringContent(json, Encoding.UTF8, "application/json")), TestContext.Current.CancellationToken);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string named)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, body, StringComparison.Ordinal);
    }
}
