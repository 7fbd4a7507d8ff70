using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Takes, renews and gives back <see cref="ChatLease"/>s with conditional statements only (no transaction
/// stays open while a customer is handled), the same way the outbox claims its events.
/// </summary>
public sealed class ChatLeases(IDbContextFactory<OrderBotDbContext> dbFactory, IOptions<ConversationOptions> options, TimeProvider time)
{
    /// <summary>This process's name in the lease table; unique per start, so a restarted server does not mistake a dead run's leases for its own.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims the customer when nobody holds a live lease on them (or this process already does); false when another server does.</summary>
    public async Task<bool> TryAcquireAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.LeaseDuration;

        // One statement (SQLite and PostgreSQL share this upsert syntax): insert the lease, or take it over when it is
        // ours or has run out. A live lease of another server leaves the row alone and reports 0 rows.
        return await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO chat_leases (customer_id, owner, expires_at) VALUES ({customerId}, {Owner}, {until})
            ON CONFLICT (customer_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE chat_leases.owner = excluded.owner OR chat_leases.expires_at <= {now}
            """,
            cancellationToken) > 0;
    }

    /// <summary>Extends this process's lease; false when it ran out and another server took the customer over.</summary>
    public async Task<bool> RenewAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var until = time.GetUtcNow().UtcDateTime + options.Value.LeaseDuration;
        var owner = Owner;
        return await db.ChatLeases
            .Where(l => l.CustomerId == customerId && l.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, until), cancellationToken) > 0;
    }

    /// <summary>Gives the customer back at once, so another server need not wait for the lease to run out.</summary>
    public async Task ReleaseAsync(string customerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var owner = Owner;
        await db.ChatLeases.Where(l => l.CustomerId == customerId && l.Owner == owner).ExecuteDeleteAsync(CancellationToken.None);
    }
}
