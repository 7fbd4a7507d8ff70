using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Chat;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.WhatsApp;

/// <summary>
/// Concurrent webhook deliveries are stored together in one commit (group commit); these prove each is acknowledged
/// only once its messages are stored, that a message repeated across them is stored once, and that one delivery the
/// database refuses fails alone.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Concurrent_deliveries_are_each_acknowledged_only_after_their_messages_are_stored_and_a_repeated_message_is_stored_once()
    {
        await using var app = await WhatsAppTestApp.StartAsync();
        var messages = Enumerable.Range(0, 24).Select(_ => MetaPayloads.Text(WhatsAppTestApp.NewWaId(), "hello")).ToList();
        // Every message is delivered twice at once, as Meta does when it retries a delivery it thinks was lost.
        var deliveries = messages.Concat(messages).Select(m => (Id: m["id"]!.GetValue<string>(), Json: MetaPayloads.Delivery([m.DeepClone().AsObject()]))).ToList();

        var stored = await Task.WhenAll(deliveries.Select(async d =>
        {
            var response = await app.PostAsync(d.Json);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await app.QueryAsync(db => db.ChatInbox.AnyAsync(m => m.MessageId == d.Id));
        }));

        Assert.All(stored, Assert.True);
        var ids = messages.Select(m => m["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, await app.QueryAsync(db => db.ChatInbox.CountAsync(m => ids.Contains(m.MessageId))));
    }

    [Fact]
    public async Task A_delivery_the_database_refuses_fails_alone_with_a_503_and_the_deliveries_stored_with_it_succeed()
    {
        var poisoned = MetaPayloads.Text(WhatsAppTestApp.NewWaId(), "hello");
        var poisonedId = poisoned["id"]!.GetValue<string>();
        var failing = new FailingWrites(
            db => db.ChangeTracker.Entries<ChatInboxMessage>().Any(e => e.State == EntityState.Added && e.Entity.MessageId == poisonedId),
            times: int.MaxValue);
        await using var app = await WhatsAppTestApp.StartAsync(TestMenus.CafeJson, b => b.Services.AddSingleton<IInterceptor>(failing));
        var others = Enumerable.Range(0, 16).Select(_ => MetaPayloads.Text(WhatsAppTestApp.NewWaId(), "hello")).ToList();

        var answers = await Task.WhenAll(others.Prepend(poisoned).Select(m => app.PostAsync(MetaPayloads.Delivery([m]))));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answers[0].StatusCode);
        Assert.All(answers.Skip(1), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var ids = others.Select(m => m["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, await app.QueryAsync(db => db.ChatInbox.CountAsync(m => ids.Contains(m.MessageId))));
        Assert.False(await app.QueryAsync(db => db.ChatInbox.AnyAsync(m => m.MessageId == poisonedId)));
    }
}
