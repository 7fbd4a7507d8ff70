using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrderBot.Tests.Support;

/// <summary>
/// An EF Core interceptor that makes a unit of work fail before it is saved (nothing of it reaches the database) when
/// <paramref name="matches"/> holds for it, at most <paramref name="times"/> times: a database that refuses one write.
/// </summary>
public sealed class FailingWrites(Func<DbContext, bool> matches, int times = 1) : SaveChangesInterceptor
{
    private int _failed;

    /// <summary>How many units of work were made to fail.</summary>
    public int Failed => Math.Min(Volatile.Read(ref _failed), times);

    // SQLite's commits go through the synchronous SaveChanges (DbContextCommitExtensions), PostgreSQL's through the async one.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Refuse(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refuse(eventData);
        return ValueTask.FromResult(result);
    }

    private void Refuse(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && matches(context) && Interlocked.Increment(ref _failed) <= times)
        {
            throw new DbUpdateException("A write refused by the test.");
        }
    }
}
