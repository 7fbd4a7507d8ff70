using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace OrderBot.Storage;

/// <summary>
/// Per-connection SQLite settings. WAL itself is persistent and set once by <see cref="StorageInitializer"/>;
/// synchronous=NORMAL is safe under WAL (a power cut may lose the last commits, never corrupt the file).
/// busy_timeout lets SQLite wait for another writer's lock itself, retrying within a millisecond or two;
/// without it Microsoft.Data.Sqlite retries a busy statement after sleeping 150 ms, which put webhook
/// acknowledgements at 100-1,000 ms as soon as the chat worker was writing at the same time (bench `whatsapp`).
/// The settings live as long as the native connection, which the pool keeps open across many opens, so
/// they are applied once per native handle rather than on every open.
/// </summary>
internal sealed class SqlitePragmas(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _pragmas =
        $"PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds};";

    // The native handles already configured; the value says nothing, the table only needs one.
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = [];
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }

    private static bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _);

    private static void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, Done);
        }
    }
}
