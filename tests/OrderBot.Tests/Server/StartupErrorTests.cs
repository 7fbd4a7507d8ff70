using System.Net;
using System.Net.Sockets;
using Npgsql;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Server;

/// <summary>
/// The real server process started the way a new user starts it, with the mistakes a new user makes: every one
/// ends with exit code 2 and a line or two naming the setting and the fix, never a stack trace (issue 16, point 9).
/// </summary>
public sealed class StartupErrorTests(PostgresServer postgres) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orderbot-start-").FullName;

    [Theory]
    [InlineData("Storage:Provider", "--Storage:Provider=Postgresql")]
    [InlineData("Extraction:Model", "--Extraction:Mode=llm")]
    [InlineData("Crm:Webhook:Url", "--Crm:Adapter=webhook")]
    [InlineData("Payments:Stripe:SecretKey", "--Payments:Provider=stripe")]
    [InlineData("Chat:CartLifetime", "--Chat:CartLifetime=2h")]
    [InlineData("Extraction:Timeout", "--Extraction:Timeout=00:30:00")]
    [InlineData("shop/pizzeria.json", "--Menu:Path=shop/pizzeria.json")]
    public async Task A_wrong_setting_is_named_in_a_line_or_two_with_exit_code_2(string named, string setting)
    {
        var (exit, _, error) = await ServerProcess.RunToExitAsync(_folder, "serve", "--urls=http://127.0.0.1:0", $"--Storage:ConnectionString=Data Source={_folder}/orderbot.db", setting);

        AssertShortError(exit, error, named);
    }

    [Fact]
    public async Task A_port_in_use_names_the_urls_option()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, _, error) = await ServerProcess.RunToExitAsync(_folder, "serve", $"--urls=http://127.0.0.1:{port}", $"--Storage:ConnectionString=Data Source={_folder}/orderbot.db");

        AssertShortError(exit, error, "--urls");
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgres_server_is_explained_in_one_line()
    {
        var (exit, _, error) = await ServerProcess.RunToExitAsync(_folder, "serve", "--urls=http://127.0.0.1:0", "--Storage:Provider=Postgres",
            $"--Storage:ConnectionString=Host=127.0.0.1;Port={ServerProcess.FreePort()};Database=orderbot;Username=orderbot;Password=s3cret-pw;Timeout=5");

        AssertShortError(exit, error, "Storage:ConnectionString");
        Assert.DoesNotContain("s3cret-pw", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_the_role_may_not_create_is_explained_in_one_line()
    {
        postgres.RequireAvailable();
        var role = $"nocreate_{Guid.NewGuid():N}"[..20];
        await using (var admin = new NpgsqlConnection(postgres.AdminConnectionString))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE ROLE {role} LOGIN PASSWORD 'pw-{role}'", admin);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var connection = new NpgsqlConnectionStringBuilder(postgres.AdminConnectionString) { Database = role + "_db", Username = role, Password = "pw-" + role };
        var (exit, _, error) = await ServerProcess.RunToExitAsync(_folder, "serve", "--urls=http://127.0.0.1:0", "--Storage:Provider=Postgres",
            $"--Storage:ConnectionString={connection}");

        AssertShortError(exit, error, "README");
        Assert.DoesNotContain("pw-" + role, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_menu_path_is_read_from_the_directory_the_command_was_started_in()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "shop"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "shop", "pizzeria.json"), TestMenus.CafeJson, TestContext.Current.CancellationToken);

        var (exit, output, error) = await ServerProcess.RunToExitAsync(_folder, "extract", "--menu", "shop/pizzeria.json", "two lattes");

        Assert.True(exit == 0, error);
        Assert.Contains("\"menu_item_id\": \"latte\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documented_sample_menu_is_found_from_any_directory()
    {
        var (exit, output, error) = await ServerProcess.RunToExitAsync(_folder, "extract", "--menu", "samples/menus/pizzeria.json", "2 large pepperoni pizzas");

        Assert.True(exit == 0, error);
        Assert.Contains("\"id\": \"pepperoni\"", output, StringComparison.Ordinal);
    }

    private static void AssertShortError(int exit, string error, string named)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(exit == 2, $"exit code {exit}; stderr:\n{error}");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.InRange(lines.Length, 1, 2);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
