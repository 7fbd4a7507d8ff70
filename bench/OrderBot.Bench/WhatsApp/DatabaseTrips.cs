using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrderBot.Bench.WhatsApp;

/// <summary>
/// Counts what the server asks of the database, through EF Core's interceptors: every command executed is a round
/// trip, and so is every commit or rollback; a transaction is a committed one, or a write command run outside one
/// (EF Core saves a single statement without BEGIN, and the database commits it by itself). Reads outside a
/// transaction count as round trips, not transactions. BEGIN is not counted: Npgsql sends it with the first
/// command, Microsoft.Data.Sqlite runs it in-process.
/// </summary>
internal sealed class DatabaseTrips : DbCommandInterceptor, IDbTransactionInterceptor
{
    private long _roundTrips;
    private long _transactions;
    private readonly ConcurrentDictionary<string, long> _byCommand = new(StringComparer.Ordinal);

    /// <summary>When set, counts commands by their first words too (<c>--trips-detail yes</c>), to see where the trips go.</summary>
    public bool Detailed { get; init; }

    public (long RoundTrips, long Transactions) Read() => (Interlocked.Read(ref _roundTrips), Interlocked.Read(ref _transactions));

    public IEnumerable<KeyValuePair<string, long>> ByCommand() => _byCommand.OrderByDescending(c => c.Value);

    public void ResetDetail() => _byCommand.Clear();

    private void Executing(DbCommand command)
    {
        Interlocked.Increment(ref _roundTrips);
        var text = command.CommandText.TrimStart();
        if (command.Transaction is null && !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _transactions);
        }

        if (Detailed)
        {
            var key = (command.Transaction is null ? "" : "[tx] ") + string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(12));
            _byCommand.AddOrUpdate(key, 1, (_, n) => n + 1);
        }
    }

    private void Ended(bool committed)
    {
        Interlocked.Increment(ref _roundTrips);
        if (committed)
        {
            Interlocked.Increment(ref _transactions);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Executing(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Executing(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Executing(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Executing(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Executing(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Executing(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(committed: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(committed: false);
        return Task.CompletedTask;
    }
}
