using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace OrderBot.Storage;

/// <summary>Brings the database to the current schema: creates SQLite's folder, switches it to WAL, applies migrations.</summary>
public sealed class StorageInitializer(IDbContextFactory<OrderBotDbContext> factory, IOptions<StorageOptions> options)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.Provider == StorageProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(options.Value.EffectiveConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder) && file != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (options.Value.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (options.Value.Provider == StorageProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
