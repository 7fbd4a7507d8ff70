using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderBot.Storage;
using OrderBot.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Pages;

public sealed partial class ChatPageTests(Browser browser) : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await RunningApp.StartAsync(Settings());
        await _app.AddStaffAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_customer_orders_in_the_chat_page_staff_ship_it_on_the_board_and_the_customer_is_told()
    {
        var chat = await browser.NewPageAsync(_app.BaseAddress, width: 420, height: 860);
        await chat.GotoAsync("/chat.html");
        await Expect(chat.Locator(".bubble.bot").First).ToContainTextAsync("Welcome to Test Cafe");

        await chat.GetByLabel("Message").FillAsync("hi, 2 large lattes with oat milk and a croissant please");
        await chat.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var summary = chat.Locator(".bubble.bot", new() { HasText = "Total" }).Last;
        await Expect(summary).ToContainTextAsync("2 × latte");
        await Expect(summary).ToContainTextAsync("€10.70");
        await summary.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        var placed = chat.Locator(".bubble.bot", new() { HasText = "is placed" });
        await Expect(placed).ToBeVisibleAsync();
        var number = OrderNumber().Match(await placed.InnerTextAsync()).Value;
        await NoTraceOfTheSessionAsync(await chat.EvaluateAsync<string>("localStorage.getItem('orderbot-chat-session')"));

        var board = await browser.NewPageAsync(_app.BaseAddress);
        await board.SignInAsync();
        var card = board.Locator(".card", new() { HasText = $"#{number}" });
        await Expect(card).ToContainTextAsync("2× latte (large, oat milk)");
        foreach (var next in new[] { "confirmed", "preparing", "ready", "shipped" })
        {
            await board.Locator($".column-{Previous(next)} .card", new() { HasText = $"#{number}" })
                .GetByRole(AriaRole.Button, new() { Name = $"Mark {next}" }).ClickAsync();
            await Expect(board.Locator($".column-{next} .card", new() { HasText = $"#{number}" })).ToBeVisibleAsync();
        }

        await Expect(chat.Locator(".bubble.bot", new() { HasText = $"Update on your order {number}: it is on its way" })).ToBeVisibleAsync();
        await chat.ScreenshotAsync(new() { Path = Browser.ArtifactPath("chat.png") });
        await board.ScreenshotAsync(new() { Path = Browser.ArtifactPath("board-shipped.png"), FullPage = true });
    }

    /// <summary>The session is the customer's only credential: the orders API and the CRM events must not show it.</summary>
    private async Task NoTraceOfTheSessionAsync(string session)
    {
        Assert.Matches("^[A-Za-z0-9_-]{22}$", session);
        var orders = await (await _app.Client.SendAsync(Request(HttpMethod.Get, "/api/orders"), TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"customer_id\":\"web-", orders, StringComparison.Ordinal);
        Assert.DoesNotContain(session, orders, StringComparison.OrdinalIgnoreCase);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<OrderBotDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var payloads = await db.OutboxEvents.Select(e => e.Payload).ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(payloads);
        Assert.All(payloads, p => Assert.DoesNotContain(session, p, StringComparison.OrdinalIgnoreCase));
    }

    private static string Previous(string status) => status switch
    {
        "confirmed" => "pending",
        "preparing" => "confirmed",
        "ready" => "preparing",
        _ => "ready",
    };

    [GeneratedRegex("[0-9A-Z]{3}-[0-9A-Z]{3}")]
    private static partial Regex OrderNumber();
}
