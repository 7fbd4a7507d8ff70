using Microsoft.Playwright;
using OrderBot.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace OrderBot.Tests.Pages;

/// <summary>With a shop file, the chat page asks for pickup or delivery, the address, the time and the payment; the board's card shows them.</summary>
public sealed class DeliveryPageTests(Browser browser) : IAsyncLifetime
{
    // Open all day, every day, so the test does not depend on the hour it runs at.
    private const string ShopJson = """
        {
          "name": "Test Cafe", "address": "1 Test Street, NW1 7JE", "timeZone": "Europe/London",
          "openingHours": {
            "monday": ["00:00-24:00"], "tuesday": ["00:00-24:00"], "wednesday": ["00:00-24:00"], "thursday": ["00:00-24:00"],
            "friday": ["00:00-24:00"], "saturday": ["00:00-24:00"], "sunday": ["00:00-24:00"]
          },
          "fulfilment": ["pickup", "delivery"],
          "preparationMinutes": 10,
          "deliveryZones": [{ "id": "camden", "postcodes": ["NW1 8AB"], "fee": 2, "minimumOrder": 5, "deliveryMinutes": 20 }],
          "payment": ["cash", "card"]
        }
        """;

    private RunningApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        var shop = Path.Combine(Directory.CreateTempSubdirectory("orderbot-shop-").FullName, "shop.json");
        await File.WriteAllTextAsync(shop, ShopJson, TestContext.Current.CancellationToken);
        _app = await RunningApp.StartAsync(new Dictionary<string, string> { ["Shop:Path"] = shop });
        await _app.AddStaffAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_customer_orders_for_delivery_in_the_chat_page_and_the_board_card_shows_the_address_and_time()
    {
        var chat = await browser.NewPageAsync(_app.BaseAddress, width: 420, height: 860);
        await chat.GotoAsync("/chat.html");
        await chat.GetByLabel("Message").FillAsync("2 large lattes and a croissant please");
        await chat.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var mode = chat.Locator(".bubble.bot", new() { HasText = "Pickup or delivery?" }).Last;
        await mode.GetByRole(AriaRole.Button, new() { Name = "Delivery" }).ClickAsync();
        await Expect(chat.Locator(".bubble.bot", new() { HasText = "What's the delivery address?" })).ToBeVisibleAsync();

        await chat.GetByLabel("Message").FillAsync("12 Camden Rd, NW1 8AB");
        await chat.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var when = chat.Locator(".bubble.bot", new() { HasText = "When would you like it?" }).Last;
        await when.GetByRole(AriaRole.Button, new() { Name = "As soon as possible" }).ClickAsync();
        var payment = chat.Locator(".bubble.bot", new() { HasText = "How will you pay?" }).Last;
        await payment.GetByRole(AriaRole.Button, new() { Name = "Card" }).ClickAsync();

        var summary = chat.Locator(".bubble.bot", new() { HasText = "Delivery fee" }).Last;
        await Expect(summary).ToContainTextAsync("Delivery to 12 Camden Rd, NW1 8AB");
        await Expect(summary).ToContainTextAsync("Payment: Card");
        await summary.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        var placed = chat.Locator(".bubble.bot", new() { HasText = "is placed" });
        await Expect(placed).ToContainTextAsync("12 Camden Rd, NW1 8AB");
        var number = System.Text.RegularExpressions.Regex.Match(await placed.InnerTextAsync(), "[0-9A-Z]{3}-[0-9A-Z]{3}").Value;

        var board = await browser.NewPageAsync(_app.BaseAddress);
        await board.SignInAsync();
        var card = board.Locator(".card", new() { HasText = $"#{number}" });
        await Expect(card.Locator(".fulfilment")).ToContainTextAsync("Delivery to 12 Camden Rd, NW1 8AB");
        await Expect(card.Locator(".fulfilment")).ToContainTextAsync("about");
        await Expect(card.Locator(".fulfilment")).ToContainTextAsync("card, due");
        await board.ScreenshotAsync(new() { Path = Browser.ArtifactPath("board-delivery.png"), FullPage = true });
    }
}
