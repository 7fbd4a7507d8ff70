namespace OrderBot.Storage;

/// <summary>
/// A feature's rule for rows that have done their job: delivered outbox events, handled chat messages.
/// <see cref="RetentionWorker"/> applies every registered policy in batches, so a first run over a large
/// backlog never holds one long write lock.
/// </summary>
internal interface IRetentionPolicy
{
    /// <summary>Named in logs, e.g. "outbox events".</summary>
    string Name { get; }

    /// <summary>Deletes up to <paramref name="batch"/> expired rows and says how many it deleted.</summary>
    Task<int> PurgeAsync(OrderBotDbContext db, DateTime now, int batch, CancellationToken cancellationToken);
}
