using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>A conversation a person has taken over: who, since when, why, and the latest messages both ways.</summary>
public sealed record HandoverCard(string CustomerId, string? DisplayName, string Channel, DateTime Since, string? Reason, IReadOnlyList<HandoverMessage> Recent);

/// <param name="From">"customer", "bot" or "staff".</param>
public sealed record HandoverMessage(DateTime At, string From, string Text);

/// <summary>
/// What staff do with a conversation the bot handed over ("talk to a person", a complaint, three misunderstandings):
/// read it, answer through the same outbound path as the bot's replies (so WhatsApp or the web chat carries it under
/// the customer's lease), and hand it back to the bot.
/// </summary>
public sealed class StaffHandover(IDbContextFactory<OrderBotDbContext> dbFactory, ReplySender sender, ChatInbox inbox, TimeProvider time)
{
    public const string StaffCausePrefix = "staff:";
    private const int RecentMessages = 12;

    public async Task<IReadOnlyList<HandoverCard>> OpenAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.ConversationStates.AsNoTracking()
            .Where(s => s.HandedOverAt != null)
            .OrderBy(s => s.HandedOverAt)
            .Take(100)
            .Select(s => new { s.CustomerId, s.Channel, Since = s.HandedOverAt!.Value, s.HandoverReason })
            .ToListAsync(cancellationToken);
        var cards = new List<HandoverCard>(open.Count);
        foreach (var state in open)
        {
            var received = await db.ChatInbox.AsNoTracking().Where(m => m.CustomerId == state.CustomerId)
                .OrderByDescending(m => m.Id).Take(RecentMessages)
                .Select(m => new { m.ReceivedAt, m.Content, m.DisplayName }).ToListAsync(cancellationToken);
            var sent = await db.OutboundMessages.AsNoTracking().Where(m => m.CustomerId == state.CustomerId)
                .OrderByDescending(m => m.Id).Take(RecentMessages)
                .Select(m => new { m.CreatedAt, m.Payload, m.Cause }).ToListAsync(cancellationToken);
            var recent = received.Select(m => new HandoverMessage(m.ReceivedAt, "customer", Text(JsonSerializer.Deserialize<IncomingContent>(m.Content, OrderJson.Options))))
                .Concat(sent.Select(m => new HandoverMessage(
                    m.CreatedAt,
                    m.Cause != null && m.Cause.StartsWith(StaffCausePrefix, StringComparison.Ordinal) ? "staff" : "bot",
                    JsonSerializer.Deserialize<OutgoingMessage>(m.Payload, OrderJson.Options)?.Text ?? "")))
                .OrderBy(m => m.At)
                .TakeLast(RecentMessages)
                .ToList();
            cards.Add(new HandoverCard(state.CustomerId, received.FirstOrDefault(m => m.DisplayName is not null)?.DisplayName, state.Channel, state.Since, state.HandoverReason, recent));
        }

        return cards;
    }

    /// <summary>Queues a staff member's text to the customer on their channel; false when the conversation is not handed over.</summary>
    public async Task<bool> ReplyAsync(string customerId, string text, string staff, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await db.ConversationStates.AsNoTracking().FirstOrDefaultAsync(s => s.CustomerId == customerId, cancellationToken);
        if (state?.HandedOverAt is null)
        {
            return false;
        }

        sender.Queue(db, state.Channel, customerId, [new TextReply(ChatLimits.Fit(text.Trim(), ChatLimits.TextBody))], $"{StaffCausePrefix}{staff}:{Guid.CreateVersion7():N}");
        await db.SaveChangesAsync(cancellationToken);
        inbox.Notify();
        return true;
    }

    /// <summary>The bot answers this customer again; false when the conversation was not handed over.</summary>
    public async Task<bool> HandBackAsync(string customerId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var state = await db.ConversationStates.FirstOrDefaultAsync(s => s.CustomerId == customerId, cancellationToken);
            if (state?.HandedOverAt is null)
            {
                return false;
            }

            state.HandBack();
            state.UpdatedAt = time.GetUtcNow().UtcDateTime;
            sender.Queue(db, state.Channel, customerId, [new TextReply(ChatTexts.For(state.Dialogue.Language).BackWithBot)], $"handback:{Guid.CreateVersion7():N}");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                inbox.Notify();
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // The customer wrote at the same moment and the worker saved the conversation first: read it again.
            }
        }
    }

    private static string Text(IncomingContent? content) => content switch
    {
        TextContent t => t.Text,
        ChoiceContent c => $"[{c.Title}]",
        CatalogOrderContent c => $"[catalog cart: {c.Lines.Count} products]",
        LocationContent l => $"[location {l.Latitude:0.#####}, {l.Longitude:0.#####}]",
        UnsupportedContent u => $"[{u.Type}]",
        _ => "",
    };
}
