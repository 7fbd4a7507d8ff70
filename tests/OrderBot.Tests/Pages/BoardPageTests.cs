using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderBot.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Pages;

public sealed class BoardPageTests(Browser browser) : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await RunningApp.StartAsync(Settings());
        await _app.AddStaffAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Staff_mark_an_item_sold_out_in_the_stock_panel_and_the_chat_refuses_it_until_marked_back()
    {
        var board = await browser.NewPageAsync(_app.BaseAddress);
        await board.SignInAsync();
        await board.GetByText("Stock ·").ClickAsync();
        var croissant = board.GetByLabel("croissant sold out");
        await croissant.CheckAsync();
        await Expect(board.Locator("#stock-count")).ToHaveTextAsync("1");

        var chat = await browser.NewPageAsync(_app.BaseAddress, width: 420, height: 860);
        await chat.GotoAsync("/chat.html");
        await chat.GetByLabel("Message").FillAsync("a croissant and a still water");
        await chat.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(chat.Locator(".bubble.bot", new() { HasText = "croissant is sold out" })).ToBeVisibleAsync();
        var summary = chat.Locator(".bubble.bot", new() { HasText = "Total" }).Last;
        await Expect(summary).ToContainTextAsync("still water");
        await Expect(summary).Not.ToContainTextAsync("croissant");

        await board.GetByLabel("croissant sold out").UncheckAsync();
        await Expect(board.Locator("#stock-count")).ToHaveTextAsync("0");
        await board.ScreenshotAsync(new() { Path = Browser.ArtifactPath("board-stock.png"), FullPage = true });
    }

    [Fact]
    public async Task Staff_sign_in_with_their_password_and_see_new_orders_appear_live_and_move_them_along()
    {
        var page = await browser.NewPageAsync(_app.BaseAddress);
        await page.GotoAsync("/");

        await page.GetByLabel("User name").FillAsync(StaffSession.UserName);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("password is wrong");
        await page.SignInAsync();

        var customer = await _app.NewCustomerAsync();
        var created = await (await _app.Client.SendAsync(Request(HttpMethod.Post, "/api/orders", new
        {
            customer_id = customer,
            items = new object[] { new { name = "latte", quantity = 2, size = "large" }, new { name = "croissant", quantity = 1 } },
            special_instructions = "to table 4",
        }), TestContext.Current.CancellationToken)).ReadJsonAsync();
        var number = created.GetProperty("number").GetString();
        Assert.Equal("to table 4", created.GetProperty("special_instructions").GetString());

        var card = page.Locator(".column-pending .card", new() { HasText = $"#{number}" });
        await Expect(card).ToContainTextAsync("2× latte (large)");
        await Expect(card.Locator(".notes")).ToHaveTextAsync("Note: to table 4");
        await Expect(card).ToContainTextAsync(customer[..4]);
        await Expect(card).Not.ToContainTextAsync(customer);
        await Expect(card.Locator(".actions button")).ToHaveTextAsync(["Mark confirmed", "Cancel"]);

        await card.GetByRole(AriaRole.Button, new() { Name = "Mark confirmed" }).ClickAsync();

        var confirmed = page.Locator(".column-confirmed .card", new() { HasText = $"#{number}" });
        await Expect(confirmed.Locator(".actions button")).ToHaveTextAsync(["Mark preparing", "Cancel"]);
        var stored = await (await _app.Client.SendAsync(Request(HttpMethod.Get, $"/api/orders/{created.GetProperty("id").GetString()}"), TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal("confirmed", stored.GetProperty("status").GetString());
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("board.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_board_fits_a_phone_screen_and_links_to_the_api_reference()
    {
        var page = await browser.NewPageAsync(_app.BaseAddress, width: 390, height: 844);
        await page.SignInAsync();

        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        await page.GetByRole(AriaRole.Link, new() { Name = "API reference" }).ClickAsync();

        Assert.False(overflow);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/api/docs"));
    }

    [Fact]
    public async Task A_disabled_webhook_receiver_is_shown_on_the_board_and_staff_can_resume_sending()
    {
        // platforms-2026.md 4: a 410 answer disables the destination; the board says so with the way back.
        await using var app = await RunningApp.StartAsync(Settings(
            ("Crm:Adapter", "webhook"), ("Crm:Webhook:Url", "http://127.0.0.1:9/events"), ("Crm:Webhook:Secret", "a-secret-of-16-chars+")));
        await app.AddStaffAsync();
        var state = app.Services.GetServices<OrderBot.Crm.WebhookDestinationState>().Single();
        state.Disable("the webhook receiver answered 410 Gone");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync();

        var notice = page.Locator("#crm-notice");
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("410 Gone");
        await notice.GetByRole(AriaRole.Button, new() { Name = "Resume sending" }).ClickAsync();

        await Expect(notice).ToBeHiddenAsync();
        Assert.Null(state.DisabledReason);
    }
}
