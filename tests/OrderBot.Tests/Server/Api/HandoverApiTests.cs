using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Chat;
using OrderBot.Storage;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Server.Api;

/// <summary>A conversation handed to a person: listed for staff, answered through the customer's channel, handed back to the bot.</summary>
public sealed class HandoverApiTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _app.Client.SendAsync(request, TestContext.Current.CancellationToken);

    private async Task<IReadOnlyList<OutgoingMessage>> SayAsync(string customer, string text)
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<OrderBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var replies = await _app.Services.GetRequiredService<Conversation>().HandleAsync(
            db, new IncomingMessage("web", Guid.NewGuid().ToString("N"), customer, DateTime.UtcNow, new TextContent(text)), TestContext.Current.CancellationToken);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return replies;
    }

    [Fact]
    public async Task Asking_for_a_person_lists_the_conversation_and_the_bot_stays_silent_until_staff_hand_it_back()
    {
        var customer = await _app.NewCustomerAsync();
        var told = await SayAsync(customer, "can I talk to a real person please");
        var silent = await SayAsync(customer, "hello? 2 lattes");

        var replied = await SendAsync(Request(HttpMethod.Post, $"/api/handovers/{Uri.EscapeDataString(customer)}/replies", new { text = "Hi, this is Ana from the shop." }));
        var list = await (await SendAsync(Request(HttpMethod.Get, "/api/handovers"))).ReadJsonAsync();
        var card = list.EnumerateArray().Single(c => c.GetProperty("customer_id").GetString() == customer);
        var handedBack = await SendAsync(Request(HttpMethod.Post, $"/api/handovers/{Uri.EscapeDataString(customer)}/hand-back"));
        var again = await SayAsync(customer, "2 lattes");

        Assert.Contains("staff", Assert.Single(told).Text, StringComparison.Ordinal);
        Assert.Empty(silent);
        Assert.Equal("asked for a person", card.GetProperty("reason").GetString());
        Assert.Contains(card.GetProperty("recent").EnumerateArray(), m => m.GetProperty("from").GetString() == "staff" && m.GetProperty("text").GetString() == "Hi, this is Ana from the shop.");
        Assert.Equal(HttpStatusCode.Accepted, replied.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, handedBack.StatusCode);
        Assert.NotEmpty(again);
        var factory = _app.Services.GetRequiredService<IDbContextFactory<OrderBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var staffReply = await db.OutboundMessages.SingleAsync(m => m.CustomerId == customer && m.Cause!.StartsWith(StaffHandover.StaffCausePrefix), TestContext.Current.CancellationToken);
        Assert.Contains("Ana from the shop", staffReply.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_that_is_not_handed_over_cannot_be_answered_or_handed_back_and_an_empty_reply_is_refused()
    {
        var customer = await _app.NewCustomerAsync();
        await SayAsync(customer, "a latte");

        var reply = await SendAsync(Request(HttpMethod.Post, $"/api/handovers/{Uri.EscapeDataString(customer)}/replies", new { text = "hello" }));
        var handBack = await SendAsync(Request(HttpMethod.Post, $"/api/handovers/{Uri.EscapeDataString(customer)}/hand-back"));
        await SayAsync(customer, "I want to speak to a manager");
        var empty = await SendAsync(Request(HttpMethod.Post, $"/api/handovers/{Uri.EscapeDataString(customer)}/replies", new { text = "  " }));

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, handBack.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }
}
