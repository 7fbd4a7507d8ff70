using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OrderBot.Chat;
using OrderBot.Customers;
using OrderBot.Logging;
using OrderBot.Storage;

namespace OrderBot.Server.WhatsApp;

/// <summary>What storing one delivery did: its messages as stored (with their customers), how many were within the senders' limits, how many were new.</summary>
public sealed record WebhookIntakeResult(IReadOnlyList<IncomingMessage> Messages, int Admitted, int Recorded);

/// <summary>
/// Stores webhook deliveries with group commit: deliveries that arrive while one is being written wait, then are
/// written together, their customers and inbox rows in one transaction, and each is answered once that transaction
/// committed (never before: Meta's retries are what protect a delivery we did not store). One writer at a time per
/// process, so ingestion neither contends with itself for SQLite's write lock nor pays one commit per delivery; the
/// worker's writes are separate, short transactions. A group that fails is written again delivery by delivery, so
/// one delivery's failure (a 503 when the database is down) is its own.
/// </summary>
public sealed partial class WebhookIntake(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    CustomerDirectory customers,
    ChatInbox inbox,
    SenderRateLimit rateLimit,
    ILogger<WebhookIntake> logger)
{
    private const int Attempts = 3;

    /// <summary>The most deliveries in one transaction: a backlog is written in several commits rather than one huge one.</summary>
    private const int MaxGroup = 256;

    private readonly ConcurrentQueue<Pending> _waiting = new();
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Stores the delivery's identities and messages; returns when they are committed, or throws what stopped them.</summary>
    public async Task<WebhookIntakeResult> RecordAsync(WebhookPayload payload, CancellationToken cancellationToken)
    {
        var pending = new Pending(payload);
        _waiting.Enqueue(pending);
        while (!pending.Done.Task.IsCompleted)
        {
            // Whoever gets the writer writes everything waiting, its own delivery and the others'. Not cancelled by this
            // request: the group may hold other requests' deliveries.
            await _writer.WaitAsync(CancellationToken.None);
            try
            {
                var group = new List<Pending>();
                while (group.Count < MaxGroup && _waiting.TryDequeue(out var next))
                {
                    group.Add(next);
                }

                if (group.Count > 0)
                {
                    await WriteAsync(group);
                }
            }
            finally
            {
                _writer.Release();
            }
        }

        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAsync(IReadOnlyList<Pending> group)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var results = await WriteGroupAsync(group);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Done.SetResult(results[i]);
                }

                return;
            }
            catch (DbUpdateException e) when (attempt < Attempts && e.IsUniqueViolation())
            {
                // Another server stored the same customer or message between our read and our insert: read again.
            }
            catch (Exception) when (group.Count > 1)
            {
                // One delivery's failure must not fail the others: each is written alone, and fails alone.
                foreach (var pending in group)
                {
                    await WriteAsync([pending]);
                }

                return;
            }
            catch (Exception e)
            {
                group[0].Done.SetException(e);
                return;
            }
        }
    }

    /// <summary>
    /// One unit of work for the group: identity changes first (rare; they write at once, in the transaction), then every
    /// sender and learnt identity resolved with one read, every message checked against the inbox with one read, and
    /// one commit.
    /// </summary>
    private async Task<IReadOnlyList<WebhookIntakeResult>> WriteGroupAsync(IReadOnlyList<Pending> group)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (group.Any(p => p.Payload.IdentityChanges.Count > 0))
        {
            await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var change in group.SelectMany(p => p.Payload.IdentityChanges))
            {
                var moved = await customers.ChangeIdentityAsync(db, change.Old, change.New, cancellationToken);
                Log.IdentityChanged(logger, change.Kind, Redact.Phone(change.Old.Phone ?? change.Old.UserId), moved is null ? "nobody" : Redact.Phone(moved.Id));
            }
        }

        var identities = group.SelectMany(p => p.Payload.Learnt.Concat(p.Payload.Messages.Select(m => p.Payload.Senders[m.MessageId]))).ToList();
        var found = await customers.IdentifyAsync(db, identities, cancellationToken);
        var at = 0;
        var deliveries = new List<(IReadOnlyList<IncomingMessage> Messages, IReadOnlyList<IncomingMessage> Admitted)>(group.Count);
        foreach (var pending in group)
        {
            at += pending.Payload.Learnt.Count;
            var messages = pending.Payload.Messages.Select(m => m with { CustomerId = found[at++].Id }).ToList();
            // Admitted once per delivery, so writing a group again does not count its messages against the limits twice.
            if (pending.Admitted is null)
            {
                var admitted = rateLimit.Admit(messages).ToHashSet(ReferenceEqualityComparer.Instance);
                pending.Admitted = [.. Enumerable.Range(0, messages.Count).Where(i => admitted.Contains(messages[i]))];
            }

            deliveries.Add((messages, [.. pending.Admitted.Select(i => messages[i])]));
        }

        var fresh = await inbox.AddAsync(db, deliveries.SelectMany(d => d.Admitted).ToList(), cancellationToken);
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            // Queued with the chat worker's commits on SQLite's one write lock (DbContextCommitExtensions), rather than
            // sleeping in SQLite's busy handler while a round of the worker commits.
            await db.CommitAsync(cancellationToken);
        }

        if (fresh.Count > 0)
        {
            inbox.Notify();
        }

        return deliveries.Select(d => new WebhookIntakeResult(d.Messages, d.Admitted.Count, d.Admitted.Count(fresh.Contains))).ToList();
    }

    private sealed class Pending(WebhookPayload payload)
    {
        public WebhookPayload Payload { get; } = payload;
        public TaskCompletionSource<WebhookIntakeResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        /// <summary>The positions of the messages within their senders' limits, decided on the first attempt.</summary>
        public IReadOnlyList<int>? Admitted { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(6003, LogLevel.Information, "WhatsApp {Kind} for {Old}: the customer is now {Customer}")]
        public static partial void IdentityChanged(ILogger logger, string kind, string old, string customer);
    }
}
