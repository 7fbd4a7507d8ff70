using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrderBot.Storage;

/// <summary>
/// Per-connection SQLite settings. WAL itself is persistent and set once by <see cref="StorageInitializer"/>;
/// synchronous=NORMAL is safe under WAL (a power cut may lose the last commits, never corrupt the file).
/// busy_timeout lets SQLite wait for another writer's lock itself, retrying within a millisecond or two;
/// without it Microsoft.Data.Sqlite retries a busy statement after sleeping 150 ms, which put webhook
/// acknowledgements at 100-1,000 ms as soon as the chat worker was writing at the same time (bench `whatsapp`).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
