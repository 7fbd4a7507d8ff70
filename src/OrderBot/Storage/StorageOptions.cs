using System.ComponentModel.DataAnnotations;

namespace OrderBot.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (default, a file under ./data) or Postgres.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Defaults to <c>Data Source=data/orderbot.db</c> for SQLite; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the server starts (default true).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>How long a SQLite writer waits for the lock before giving up (default 30 s; <c>PRAGMA busy_timeout</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public string EffectiveConnectionString => Provider switch
    {
        StorageProvider.Sqlite => string.IsNullOrWhiteSpace(ConnectionString) ? "Data Source=data/orderbot.db" : ConnectionString,
        _ => ConnectionString ?? "",
    };
}
