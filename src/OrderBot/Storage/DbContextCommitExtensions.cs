using Microsoft.EntityFrameworkCore;

namespace OrderBot.Storage;

public static class DbContextCommitExtensions
{
    /// <summary>
    /// SaveChanges, synchronously on SQLite: Microsoft.Data.Sqlite has no asynchronous I/O, so its async
    /// methods run synchronously anyway and EF's async pipeline only adds overhead (about half of an order
    /// insert's time in bench/OrderBot.Bench). PostgreSQL gets real async I/O. The provider is told by the
    /// context's type: <c>Database.IsSqlite()</c> reads an assembly name on every call.
    /// </summary>
    public static Task<int> CommitAsync(this DbContext db, CancellationToken cancellationToken)
    {
        if (db is not SqliteOrderBotDbContext)
        {
            return db.SaveChangesAsync(cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.SaveChanges());
    }
}
