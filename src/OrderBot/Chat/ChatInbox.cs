using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Where channels put what customers send. Recording is all a webhook does before it answers; the
/// <see cref="ChatWorker"/> handles the messages afterwards, so a crash after the answer loses nothing.
/// </summary>
public sealed class ChatInbox(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    TimeProvider time,
    ChatWorkerSignal signal)
{
    private const int Attempts = 3;

    /// <summary>Stores the messages not stored before (by channel and message id) in one transaction; returns how many were new.</summary>
    public async Task<int> RecordAsync(IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var fresh = await AddAsync(db, messages, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (fresh.Count > 0)
                {
                    signal.Notify();
                }

                return fresh.Count;
            }
            catch (DbUpdateException e) when (attempt < Attempts && e.IsUniqueViolation())
            {
                // A concurrent delivery of the same message committed between our read and our insert: read again.
            }
        }
    }

    /// <summary>
    /// Adds the messages not stored before (by channel and message id, read in one query) to the caller's unit of work,
    /// which the caller saves, then <see cref="Notify"/>s. Returns the messages added, the first of each repeated one.
    /// </summary>
    public async Task<IReadOnlySet<IncomingMessage>> AddAsync(OrderBotDbContext db, IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        var unique = messages.DistinctBy(m => (m.Channel, m.MessageId)).ToList();
        var ids = unique.Select(m => m.MessageId).ToList();
        var known = new HashSet<(string, string)>();
        if (ids.Count > 0)
        {
            var stored = await db.ChatInbox.Where(m => ids.Contains(m.MessageId)).Select(m => new { m.Channel, m.MessageId }).ToListAsync(cancellationToken);
            known.UnionWith(stored.Select(m => (m.Channel, m.MessageId)));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var fresh = new HashSet<IncomingMessage>(ReferenceEqualityComparer.Instance);
        foreach (var m in unique.Where(m => !known.Contains((m.Channel, m.MessageId))))
        {
            fresh.Add(m);
            db.ChatInbox.Add(new ChatInboxMessage
            {
                Channel = m.Channel,
                MessageId = m.MessageId,
                CustomerId = m.CustomerId,
                DisplayName = m.DisplayName is { Length: > 200 } name ? name[..200] : m.DisplayName,
                SentAt = m.SentAt,
                ReceivedAt = now,
                NextAttemptAt = now,
                Content = JsonSerializer.Serialize(m.Content, OrderJson.Options),
            });
        }

        return fresh;
    }

    /// <summary>Wakes the worker, e.g. after a reply was queued outside a conversation (staff writing) or set to be sent again.</summary>
    public void Notify() => signal.Notify();

    internal static IncomingMessage Read(ChatInboxMessage row) =>
        new(row.Channel, row.MessageId, row.CustomerId, row.SentAt, JsonSerializer.Deserialize<IncomingContent>(row.Content, OrderJson.Options)!)
        {
            DisplayName = row.DisplayName,
        };
}
