using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace OrderBot.Storage;

/// <summary>Reads constraint violations the same way on SQLite and PostgreSQL.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteForeignKey = 787;
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    public static bool IsForeignKeyViolation(this DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode == SqliteForeignKey,
        PostgresException p => p.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };

    /// <summary>True for a unique or primary key violation; <paramref name="column"/>, when given, must appear in the constraint.</summary>
    public static bool IsUniqueViolation(this DbUpdateException e, string? column = null) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint
            && s.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey
            && (column is null || s.Message.Contains(column, StringComparison.OrdinalIgnoreCase)),
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation
            && (column is null || (p.ConstraintName ?? "").Contains(column, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };
}
