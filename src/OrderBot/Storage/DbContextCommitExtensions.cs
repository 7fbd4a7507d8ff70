using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace OrderBot.Storage;

public static class DbContextCommitExtensions
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);

    /// <summary>
    /// SaveChanges, synchronously on SQLite: Microsoft.Data.Sqlite has no asynchronous I/O, so its async
    /// methods run synchronously anyway and EF's async pipeline only adds overhead (about half of an order
    /// insert's time in bench/OrderBot.Bench). PostgreSQL gets real async I/O. The provider is told by the
    /// context's type: <c>Database.IsSqlite()</c> reads an assembly name on every call.
    /// </summary>
    /// <remarks>
    /// SQLite lets one writer in at a time, and one that finds the lock taken sleeps 1, 2, 5, 10 ms ... in
    /// SQLite's busy handler, blocking its thread however soon the lock is free. Commits through here to one
    /// database file therefore queue asynchronously, in order, and meet the lock free; other writers still
    /// wait in the busy handler.
    /// </remarks>
    public static Task<int> CommitAsync(this DbContext db, CancellationToken cancellationToken) =>
        db is SqliteOrderBotDbContext ? CommitSqliteAsync(db, cancellationToken) : db.SaveChangesAsync(cancellationToken);

    private static async Task<int> CommitSqliteAsync(DbContext db, CancellationToken cancellationToken)
    {
        var gate = SqliteWriters.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return db.SaveChanges();
        }
        finally
        {
            gate.Release();
        }
    }
}
