using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Chat;
using OrderBot.Tests.Support;
using OrderBot.Tests.WhatsApp;

namespace OrderBot.Tests.Chat;

/// <summary>
/// The chat worker handles customers in groups, one message per customer per commit; these prove that a commit the
/// database refuses costs neither a message nor an extra order.
/// </summary>
public sealed class GroupedHandlingTests
{
    [Fact]
    public async Task A_confirmation_whose_commit_fails_after_its_order_was_placed_leaves_one_order_when_handled_again()
    {
        var customer = WhatsAppTestApp.NewWaId();
        var order = MetaPayloads.Text(customer, "2 croissants with ham");
        var confirm = MetaPayloads.Text(customer, "confirm");
        var confirmId = confirm["id"]!.GetValue<string>();
        // The database refuses, once, the commit that marks the confirmation handled: the order is placed by then.
        var failing = new FailingWrites(db => db.ChangeTracker.Entries<ChatInboxMessage>()
            .Any(e => e.State == EntityState.Modified && e.Entity.MessageId == confirmId && e.Entity.ProcessedAt != null));
        await using var app = await WhatsAppTestApp.StartAsync(TestMenus.CafeJson, b => b.Services.AddSingleton<IInterceptor>(failing));

        // Both messages in one delivery, so the worker finds them due together.
        (await app.PostAsync(MetaPayloads.Delivery([order, confirm]))).EnsureSuccessStatusCode();
        await RepliedAsync(app, customer, 2);

        Assert.Equal(1, failing.Failed);
        Assert.Equal(1, await app.OrderCountAsync("+" + customer));
        Assert.Single(app.Graph.Sent, m => m.To == "+" + customer && m.Text.Contains("is placed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Customers_handled_together_each_get_their_order_when_one_of_them_cannot_be_committed(bool evenItsFailuresAreRefused)
    {
        var customers = Enumerable.Range(0, 6).Select(_ => WhatsAppTestApp.NewWaId()).Distinct().ToList();
        var poisoned = customers[0];
        // Every commit that would mark one of the first customer's messages handled fails: their messages are set aside
        // after their attempts or, when even that is refused, stay waiting; the other customers are not held up.
        var failing = new FailingWrites(
            db => db.ChangeTracker.Entries<ChatInboxMessage>().Any(e =>
                e.State == EntityState.Modified && e.Entity.CustomerId == "+" + poisoned && e.Entity.ProcessedAt != null
                && (evenItsFailuresAreRefused || e.Entity.Error is null)),
            times: int.MaxValue);
        await using var app = await WhatsAppTestApp.StartAsync(TestMenus.CafeJson, b => b.Services.AddSingleton<IInterceptor>(failing), ("Chat:MaxAttempts", "2"));

        var messages = customers.SelectMany(c => new[] { MetaPayloads.Text(c, "2 croissants with ham"), MetaPayloads.Text(c, "confirm") }).ToList();
        (await app.PostAsync(MetaPayloads.Delivery(messages))).EnsureSuccessStatusCode();

        foreach (var customer in customers.Skip(1))
        {
            await RepliedAsync(app, customer, 2);
        }

        Assert.True(failing.Failed > 0);
        Assert.Equal(0, await app.OrderCountAsync("+" + poisoned));
        foreach (var customer in customers.Skip(1))
        {
            Assert.Equal(1, await app.OrderCountAsync("+" + customer));
        }

        Assert.All(customers.Skip(1), c => Assert.Single(app.Graph.Sent, m => m.To == "+" + c && m.Text.Contains("is placed", StringComparison.Ordinal)));
    }

    /// <summary>Waits until the customer's <paramref name="messages"/> are handled and every reply to them is sent.</summary>
    private static Task RepliedAsync(WhatsAppTestApp app, string customer, int messages) => Eventually.TrueAsync(
        () => app.QueryAsync(async db =>
            await db.ChatInbox.CountAsync(m => m.CustomerId == "+" + customer && m.ProcessedAt != null) == messages
            && !await db.OutboundMessages.AnyAsync(m => m.CustomerId == "+" + customer && m.State == OutboundState.Pending)),
        $"the {messages} messages of {customer} handled and answered",
        TimeSpan.FromSeconds(30));
}
