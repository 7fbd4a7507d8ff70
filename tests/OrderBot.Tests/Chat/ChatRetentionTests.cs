using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderBot.Chat;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Chat;

public sealed class ChatRetentionTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static readonly DateTime Now = new(2030, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Handled_messages_and_finished_replies_go_after_the_period_waiting_ones_never()
    {
        var ct = TestContext.Current.CancellationToken;
        var customer = await database.NewCustomerAsync();
        var old = Now - TimeSpan.FromDays(15);
        var recent = Now - TimeSpan.FromDays(13);
        await using (var db = await database.DbFactory.CreateDbContextAsync(ct))
        {
            db.ChatInbox.AddRange(
                Inbox(customer, "handled-old", old, processed: true),
                Inbox(customer, "handled-recent", recent, processed: true),
                Inbox(customer, "waiting-old", old, processed: false));
            db.OutboundMessages.AddRange(
                Outbound(customer, "read-old", OutboundState.Read, old),
                Outbound(customer, "failed-old", OutboundState.Failed, old),
                Outbound(customer, "pending-old", OutboundState.Pending, old),
                Outbound(customer, "sent-recent", OutboundState.Sent, recent));
            await db.SaveChangesAsync(ct);
        }

        var retention = new ChatRetention(Options.Create(new ConversationOptions()));
        int removed;
        await using (var db = await database.DbFactory.CreateDbContextAsync(ct))
        {
            removed = await retention.PurgeAsync(db, Now, 1000, ct);
        }

        await using var after = await database.DbFactory.CreateDbContextAsync(ct);
        Assert.Equal(3, removed);
        Assert.Equal(["handled-recent", "waiting-old"], await after.ChatInbox.Where(m => m.CustomerId == customer).OrderBy(m => m.MessageId).Select(m => m.MessageId).ToListAsync(ct));
        Assert.Equal(["pending-old", "sent-recent"], await after.OutboundMessages.Where(m => m.CustomerId == customer).OrderBy(m => m.Payload).Select(m => m.Payload).ToListAsync(ct));
    }

    [Fact]
    public void The_period_cannot_be_shorter_than_whatsapps_seven_days_of_retries()
    {
        var options = new ConversationOptions { KeepHandledFor = TimeSpan.FromDays(6) };

        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(ConversationOptions.KeepHandledFor)));
    }

    private static ChatInboxMessage Inbox(string customer, string id, DateTime at, bool processed) => new()
    {
        Channel = "test", MessageId = id, CustomerId = customer, SentAt = at, ReceivedAt = at,
        Content = "{}", ProcessedAt = processed ? at : null, NextAttemptAt = at,
    };

    private static OutboundMessage Outbound(string customer, string payload, OutboundState state, DateTime at) => new()
    {
        Channel = "test", CustomerId = customer, Payload = payload, State = state, CreatedAt = at, UpdatedAt = at, NextAttemptAt = at,
    };
}
