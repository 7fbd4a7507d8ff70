using System.Net;
using Microsoft.EntityFrameworkCore;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.WhatsApp;

public sealed class SenderRateLimitTests
{
    [Fact]
    public async Task A_sender_over_the_per_minute_limit_is_throttled_without_holding_up_other_senders()
    {
        await using var app = await WhatsAppTestApp.StartAsync(("WhatsApp:MessagesPerSenderPerMinute", "5"));
        var flooder = WhatsAppTestApp.NewWaId();
        var neighbour = WhatsAppTestApp.NewWaId();
        var messages = Enumerable.Range(0, 12).Select(i => MetaPayloads.Text(flooder, $"hi {i}"))
            .Append(MetaPayloads.Text(neighbour, "hi"))
            .ToList();

        var response = await app.PostAsync(MetaPayloads.Delivery(messages));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.Graph.WaitForAsync(s => s.Any(m => m.To == "+" + neighbour), TimeSpan.FromSeconds(30), "the neighbour's welcome");
        Assert.Equal(5, await app.QueryAsync(db => db.ChatInbox.CountAsync(m => m.CustomerId == "+" + flooder)));
        Assert.Equal(1, await app.QueryAsync(db => db.ChatInbox.CountAsync(m => m.CustomerId == "+" + neighbour)));
    }
}
