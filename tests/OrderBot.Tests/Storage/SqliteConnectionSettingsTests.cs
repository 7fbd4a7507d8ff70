using Microsoft.EntityFrameworkCore;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Storage;

/// <summary>The pragmas are applied once per native connection; a connection the pool hands out again must still have them.</summary>
public sealed class SqliteConnectionSettingsTests
{
    [Fact]
    public async Task A_pooled_connection_opened_again_keeps_foreign_keys_the_configured_busy_timeout_and_synchronous()
    {
        await using var database = new SqliteTestDatabase();
        await database.InitializeAsync();

        for (var open = 0; open < 3; open++)
        {
            await using var db = await database.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, await db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync(TestContext.Current.CancellationToken));
            Assert.Equal(30_000, await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync(TestContext.Current.CancellationToken));
            Assert.Equal(1, await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync(TestContext.Current.CancellationToken));
        }
    }
}
