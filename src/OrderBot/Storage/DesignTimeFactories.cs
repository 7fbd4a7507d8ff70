using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OrderBot.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without a running host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOrderBotDbContext>
{
    public SqliteOrderBotDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteOrderBotDbContext>();
        StorageServiceCollectionExtensions.ConfigureSqlite(builder, new StorageOptions());
        return new SqliteOrderBotDbContext(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOrderBotDbContext>
{
    public PostgresOrderBotDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresOrderBotDbContext>();
        StorageServiceCollectionExtensions.ConfigurePostgres(builder, "Host=localhost;Database=orderbot");
        return new PostgresOrderBotDbContext(builder.Options);
    }
}
