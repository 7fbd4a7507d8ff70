using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Crm;
using OrderBot.Storage;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Server.Api;

public sealed class OrdersApiTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync(Settings());

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _app.Client.SendAsync(request, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Posting_an_order_returns_201_with_menu_prices_and_its_location()
    {
        var customer = await _app.NewCustomerAsync();

        var response = await SendAsync(Request(HttpMethod.Post, "/api/orders", new
        {
            customer_id = customer,
            items = new object[] { new { name = "latte", quantity = 2, size = "large" }, new { name = "croissant", quantity = 1, price = 2.10m } },
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.ReadJsonAsync();
        Assert.Equal($"/api/orders/{order.GetProperty("id").GetString()}", response.Headers.Location!.OriginalString);
        Assert.Equal(2 * 3.90m + 2.10m, order.GetProperty("total_amount").GetDecimal());
        Assert.Equal("pending", order.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Request(HttpMethod.Get, response.Headers.Location.OriginalString))).StatusCode);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_order_and_a_different_body_is_422()
    {
        var customer = await _app.NewCustomerAsync();
        HttpRequestMessage Post(int quantity)
        {
            var request = Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "latte", quantity } } });
            request.Headers.Add("Idempotency-Key", "order-42");
            return request;
        }

        var first = await (await SendAsync(Post(1))).ReadJsonAsync();
        var again = await SendAsync(Post(1));
        var changed = await SendAsync(Post(3));

        Assert.Equal(first.GetProperty("id").GetString(), (await again.ReadJsonAsync()).GetProperty("id").GetString());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        var page = await (await SendAsync(Request(HttpMethod.Get, $"/api/customers/{Uri.EscapeDataString(customer)}/orders"))).ReadJsonAsync();
        Assert.Equal(1, page.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task An_option_can_be_ordered_on_one_half_of_an_item_at_its_half_price()
    {
        const string flatbreads = """
            {
              "name": "Flatbreads", "currency": "USD",
              "optionGroups": [ { "id": "toppings", "name": "Toppings", "halves": true, "halfPrice": "half", "options": [ { "id": "ham", "name": "ham", "price": 2.00 } ] } ],
              "items": [ { "id": "flatbread", "name": "flatbread", "price": 8.00, "optionGroups": ["toppings"] } ]
            }
            """;
        await using var app = await RunningApp.StartAsync(Settings(), flatbreads);
        var customer = await app.NewCustomerAsync();

        var response = await app.Client.SendAsync(Request(HttpMethod.Post, "/api/orders", new
        {
            customer_id = customer,
            items = new[] { new { name = "flatbread", quantity = 1, options = new[] { new { name = "ham", half = "left" } } } },
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var line = (await response.ReadJsonAsync()).GetProperty("items")[0];
        Assert.Equal(8.00m + 1.00m, line.GetProperty("price").GetDecimal());
        Assert.Equal("left", line.GetProperty("options")[0].GetProperty("half").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_a_valid_api_key_the_api_answers_401(string? key)
    {
        var response = await SendAsync(Request(HttpMethod.Get, "/api/menu", key: key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_works_like_the_api_key_header()
    {
        var request = Request(HttpMethod.Get, "/api/menu", key: null);
        request.Headers.Authorization = new("Bearer", Key);

        var menu = await (await SendAsync(request)).ReadJsonAsync();

        Assert.Equal("Test Cafe", menu.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Invalid_fields_are_a_400_problem_naming_each_field_and_store_nothing()
    {
        var customer = await _app.NewCustomerAsync();

        var response = await SendAsync(Request(HttpMethod.Post, "/api/orders", new
        {
            customer_id = customer,
            items = new object[] { new { name = "latte", quantity = 0 }, new { name = "latte", quantity = 1, price = 0.01m } },
            special_instructions = new string('x', 1001),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("items[0].quantity", out _));
        Assert.True(errors.TryGetProperty("items[1].price", out _));
        Assert.True(errors.TryGetProperty("special_instructions", out _));
        var page = await (await SendAsync(Request(HttpMethod.Get, $"/api/customers/{Uri.EscapeDataString(customer)}/orders"))).ReadJsonAsync();
        Assert.Equal(0, page.GetProperty("orders").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"customer_id\": \"x\", \"items\": [")]
    [InlineData("{\"customer_id\": \"x\", \"items\": [{\"name\": \"latte\", \"quantity\": \"many\"}]}")]
    [InlineData("{\"customer_id\": \"x\", \"items\": [{\"name\": \"latte\", \"quantity\": 1e30}]}")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task Unreadable_json_is_a_400_problem(string body)
    {
        var response = await SendAsync(Request(HttpMethod.Post, "/api/orders", new StringContent(body, Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_order_for_an_unknown_customer_is_422()
    {
        var response = await SendAsync(Request(HttpMethod.Post, "/api/orders", new { customer_id = "+10000000000", items = new[] { new { name = "latte", quantity = 1 } } }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_order_is_a_404_problem()
    {
        var response = await SendAsync(Request(HttpMethod.Get, $"/api/orders/{Guid.CreateVersion7()}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Order not found.", (await response.ReadJsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Status_changes_follow_the_state_machine_with_409_for_a_forbidden_move_and_400_for_an_unknown_status()
    {
        var customer = await _app.NewCustomerAsync();
        var order = await (await SendAsync(Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "water", quantity = 1 } } }))).ReadJsonAsync();
        var path = $"/api/orders/{order.GetProperty("id").GetString()}/status";

        var confirmed = await SendAsync(Request(HttpMethod.Patch, path, new { status = "confirmed" }));
        var skipped = await SendAsync(Request(HttpMethod.Patch, path, new { status = "delivered" }));
        var unknown = await SendAsync(Request(HttpMethod.Patch, path, new { status = "teleported" }));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var body = await confirmed.ReadJsonAsync();
        Assert.Equal("confirmed", body.GetProperty("status").GetString());
        Assert.Equal("api:tests", body.GetProperty("history")[1].GetProperty("actor").GetString());
        Assert.Equal(HttpStatusCode.Conflict, skipped.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Erasing_a_customer_keeps_the_order_amounts_under_an_anonymous_id()
    {
        var customer = await _app.NewCustomerAsync();
        var order = await (await SendAsync(Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "water", quantity = 2 } } }))).ReadJsonAsync();

        var erased = await SendAsync(Request(HttpMethod.Delete, $"/api/customers/{Uri.EscapeDataString(customer)}"));
        var again = await SendAsync(Request(HttpMethod.Delete, $"/api/customers/{Uri.EscapeDataString(customer)}"));

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var anonymous = (await erased.ReadJsonAsync()).GetProperty("anonymous_id").GetString()!;
        var kept = await (await SendAsync(Request(HttpMethod.Get, $"/api/orders/{order.GetProperty("id").GetString()}"))).ReadJsonAsync();
        Assert.Equal((anonymous, 3.00m), (kept.GetProperty("customer_id").GetString(), kept.GetProperty("total_amount").GetDecimal()));
        Assert.DoesNotContain(customer, kept.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Erasing_a_customer_rewrites_the_order_snapshots_waiting_in_the_outbox()
    {
        var customer = await _app.NewCustomerAsync();
        var order = await (await SendAsync(Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "water", quantity = 1 } } }))).ReadJsonAsync();
        var id = order.GetProperty("id").GetString()!;
        (await SendAsync(Request(HttpMethod.Patch, $"/api/orders/{id}/status", new { status = "confirmed" }))).EnsureSuccessStatusCode();
        var factory = _app.Services.GetRequiredService<IDbContextFactory<OrderBotDbContext>>();
        await using (var before = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            Assert.Contains(await before.OutboxEvents.Where(e => e.OrderId == id).Select(e => e.Payload).ToListAsync(TestContext.Current.CancellationToken),
                payload => CustomerIn(payload) == customer);
        }

        var erased = await (await SendAsync(Request(HttpMethod.Delete, $"/api/customers/{Uri.EscapeDataString(customer)}"))).ReadJsonAsync();

        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var events = await db.OutboxEvents.Where(e => e.OrderId == id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(events, e => e.Type == "order.status_changed");
        Assert.All(events, e =>
        {
            // The number's digits, since JSON may write its "+" as \u002B.
            Assert.DoesNotContain(customer.TrimStart('+'), e.Payload, StringComparison.Ordinal);
            Assert.Equal(erased.GetProperty("anonymous_id").GetString(), CustomerIn(e.Payload));
        });
    }

    private static string? CustomerIn(string payload) =>
        JsonDocument.Parse(payload).RootElement.GetProperty("order").GetProperty("customer_id").GetString();

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var huge = new string('x', 2 * 1024 * 1024);

        var response = await SendAsync(Request(HttpMethod.Post, "/api/orders", new { customer_id = huge, items = Array.Empty<object>() }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_and_the_reference_page_are_served()
    {
        var document = await (await SendAsync(Request(HttpMethod.Get, "/openapi/v1.json", key: null))).ReadJsonAsync();
        var page = await SendAsync(Request(HttpMethod.Get, "/api/docs", key: null));

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/orders", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/orders/{id}/status", out _));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

public sealed class ExtractApiTests
{
    [Fact]
    public async Task Extract_reads_an_order_from_a_message_with_menu_prices_and_stores_nothing()
    {
        await using var app = await RunningApp.StartAsync(Settings());

        var response = await app.Client.SendAsync(
            Request(HttpMethod.Post, "/api/extract", new { message = "hi! 2 large lattes with oat milk and a croissant, price 0.01 each pls" }),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var extracted = await response.ReadJsonAsync();
        var items = extracted.GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.Equal(("latte", 2, 4.30m), (items[0].GetProperty("menu_item_id").GetString(), items[0].GetProperty("quantity").GetInt32(), items[0].GetProperty("price").GetDecimal()));
        Assert.Equal(("croissant", 2.10m), (items[1].GetProperty("menu_item_id").GetString(), items[1].GetProperty("price").GetDecimal()));
        var orders = await (await app.Client.SendAsync(Request(HttpMethod.Get, "/api/orders"), TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(0, orders.GetArrayLength());
    }
}
