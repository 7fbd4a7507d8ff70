using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Takes, renews and gives back <see cref="ChatLease"/>s with conditional statements only (no transaction
/// stays open while a customer is handled), the same way the outbox claims its events. A batch of customers is
/// claimed with one statement and given back with one.
/// </summary>
public sealed class ChatLeases(IDbContextFactory<OrderBotDbContext> dbFactory, IOptions<ConversationOptions> options, TimeProvider time)
{
    /// <summary>This process's name in the lease table; unique per start, so a restarted server does not mistake a dead run's leases for its own.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims the customer when nobody holds a live lease on them (or this process already does); false when another server does.</summary>
    public async Task<bool> TryAcquireAsync(string customerId, CancellationToken cancellationToken) =>
        (await TryAcquireAsync([customerId], cancellationToken)).Count > 0;

    /// <summary>
    /// Claims (or, for leases this process holds, renews) every customer nobody else holds a live lease on, in one
    /// statement; returns those now held here. Renewing a lease that ran out is taking it again: it counts only when
    /// no other server took the customer meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<string>> TryAcquireAsync(IReadOnlyList<string> customerIds, CancellationToken cancellationToken)
    {
        if (customerIds.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.LeaseDuration;

        // One statement (SQLite and PostgreSQL share this upsert syntax, RETURNING included): insert the leases, or
        // take one over when it is ours or has run out. A live lease of another server leaves its row alone and is
        // not returned.
        var values = new StringBuilder();
        var parameters = new List<object> { Owner, until, now };
        foreach (var customerId in customerIds.Distinct(StringComparer.Ordinal))
        {
            values.Append(values.Length == 0 ? "" : ", ").Append($"({{{parameters.Count}}}, {{0}}, {{1}})");
            parameters.Add(customerId);
        }

        // Only placeholders ({3}, {4}, ...) are put into the text; every value goes as a parameter.
        var sql = $$"""
            INSERT INTO chat_leases (customer_id, owner, expires_at) VALUES {{values}}
            ON CONFLICT (customer_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE chat_leases.owner = excluded.owner OR chat_leases.expires_at <= {2}
            RETURNING customer_id AS "Value"
            """;
        return await db.Database.SqlQueryRaw<string>(sql, [.. parameters]).ToListAsync(cancellationToken);
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
    public Task ReleaseAsync(string customerId) => ReleaseAsync([customerId]);

    /// <summary>Gives the customers back at once, in one statement.</summary>
    public async Task ReleaseAsync(IReadOnlyList<string> customerIds)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var owner = Owner;
        await db.ChatLeases.Where(l => customerIds.Contains(l.CustomerId) && l.Owner == owner).ExecuteDeleteAsync(CancellationToken.None);
    }
}
