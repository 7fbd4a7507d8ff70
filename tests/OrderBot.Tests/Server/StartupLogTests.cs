using OrderBot.Server;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Server;

/// <summary>A started server says what it runs with: menu and shop, database without password, extraction, channels (issue 16, point 9).</summary>
public sealed class StartupLogTests
{
    [Fact]
    public async Task The_start_log_names_the_menu_the_database_the_extraction_mode_and_the_channels()
    {
        var folder = Directory.CreateTempSubdirectory("orderbot-log-").FullName;
        await using (var server = ServerProcess.Start(new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = $"Data Source={folder}/orderbot.db",
            ["Logging:LogLevel:OrderBot.Server"] = "Information",
        }))
        {
            await server.WaitReadyAsync();
            await Eventually.TrueAsync(() => server.Output.Any(l => l.Contains("Serving menu", StringComparison.Ordinal)), "the start-up log line");

            var line = string.Join(" ", server.Output.SkipWhile(l => !l.Contains("Serving menu", StringComparison.Ordinal)).Take(2));
            Assert.Contains("pizzeria.json", line, StringComparison.Ordinal);
            Assert.Contains($"database Sqlite Data Source={folder}/orderbot.db", line, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("extraction parser", line, StringComparison.Ordinal);
            Assert.Contains("channels: web", line, StringComparison.Ordinal);
        }

        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("Host=db;Database=orderbot;Username=orderbot;Password=s3cret", "host=db;database=orderbot;username=orderbot")]
    [InlineData("Data Source=data/orderbot.db", "data source=data/orderbot.db")]
    public void The_database_is_named_without_its_password(string connectionString, string shown) =>
        Assert.Equal(shown, StartupLog.WithoutSecrets(connectionString), ignoreCase: true);
}
