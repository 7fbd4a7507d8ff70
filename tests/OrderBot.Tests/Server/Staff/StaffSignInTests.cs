using System.Net;
using OrderBot.Server.Staff;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Server.Staff;

public sealed class StaffSignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_sign_in_with_their_password_use_the_board_api_with_the_token_and_sign_out()
    {
        await using var app = await RunningApp.StartAsync(Settings());
        await app.AddStaffAsync();
        using var browser = app.CookieClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/orders", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SignInAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/orders", Ct)).StatusCode);

        var customer = await app.NewCustomerAsync();
        var order = Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "latte", quantity = 1 } } }, key: null);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendAsync(order, Ct)).StatusCode);
        var withToken = Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "latte", quantity = 1 } } }, key: null);
        withToken.Headers.Add(StaffEndpoints.AntiforgeryHeader, await browser.AntiforgeryTokenAsync());
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(withToken, Ct)).StatusCode);

        var signOut = Request(HttpMethod.Post, "/api/staff/sign-out", key: null);
        signOut.Headers.Add(StaffEndpoints.AntiforgeryHeader, await browser.AntiforgeryTokenAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signOut, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/orders", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_browser_can_still_use_the_chat_page_which_needs_no_token()
    {
        await using var app = await RunningApp.StartAsync(Settings());
        await app.AddStaffAsync();
        using var browser = app.CookieClient();
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SignInAsync()).StatusCode);
        var message = Request(HttpMethod.Post, "/api/chat/messages", new { text = "hi" }, key: null);
        message.Headers.Add(OrderBot.Server.WebChat.WebChatEndpoints.SessionHeader, OrderBot.Tests.WebChat.WebChatSessionTests.NewSession());

        var response = await browser.SendAsync(message, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_token_is_refused_even_with_the_right_password()
    {
        await using var app = await RunningApp.StartAsync(Settings());
        await app.AddStaffAsync();
        using var browser = app.CookieClient();

        var response = await browser.SignInAsync(withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/orders", Ct)).StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        await using var app = await RunningApp.StartAsync(Settings(("Staff:MaxFailedSignIns", "3")));
        await app.AddStaffAsync();
        using var browser = app.CookieClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync(password: "wrong password " + i)).StatusCode);
        }

        var locked = await browser.SignInAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked", (await locked.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_sign_ins_from_one_address_are_rate_limited_whatever_the_user_name()
    {
        await using var app = await RunningApp.StartAsync(Settings(("Staff:FailedAttemptsPerMinute", "4")));
        await app.AddStaffAsync();
        using var browser = app.CookieClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await browser.SignInAsync(userName: "guess" + i, password: "some password")).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 4).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.SignInAsync()).StatusCode);
    }

    [Fact]
    public async Task Wrong_api_keys_from_one_address_are_rate_limited_so_guessing_stops_even_with_the_right_key()
    {
        await using var app = await RunningApp.StartAsync(Settings(("Staff:FailedAttemptsPerMinute", "5")));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await app.Client.SendAsync(Request(HttpMethod.Get, "/api/menu", key: $"guess-{i}-{Key}"), Ct)).StatusCode);
        }

        var right = await app.Client.SendAsync(Request(HttpMethod.Get, "/api/menu"), Ct);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.NotNull(right.Headers.RetryAfter);
    }

    [Fact]
    public async Task An_api_key_shorter_than_32_characters_stops_the_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            RunningApp.StartAsync(new Dictionary<string, string> { ["Api:Keys:dashboard"] = "x" }));

        Assert.Contains("Api:Keys:dashboard is shorter than 32 characters", error.Message, StringComparison.Ordinal);
    }
}
