using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Takes, renews and gives back <see cref="ChatLease"/>s with conditional statements only (no transaction
/// stays open while a customer is handled), the same way the outbox claims its events.
/// </summary>
public sealed class ChatLeases(IDbContextFactory<OrderBotDbContext> dbFactory, IOptions<ChatOptions> options, TimeProvider time)
{
    /// <summary>This process's name in the lease table; unique per start, so a restarted server does not mistake a dead run's leases for its own.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims the customer when nobody holds a live lease on them (or this process already does); false when another server does.</summary>
    public async Task<bool> TryAcquireAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.LeaseDuration;
        var owner = Owner;
        var taken = await db.ChatLeases
            .Where(l => l.CustomerId == customerId && (l.Owner == owner || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken > 0)
        {
            return true;
        }

        db.ChatLeases.Add(new ChatLease { CustomerId = customerId, Owner = owner, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another server holds a live lease, or claimed the customer between our two statements.
            return false;
        }
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
