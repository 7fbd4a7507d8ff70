using System.CommandLine;
using System.Net;
using OrderBot.Server.Cli;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Server.Staff;

public sealed class UsersCommandTests
{
    [Fact]
    public async Task Users_add_takes_the_password_from_the_environment_and_the_server_then_signs_the_user_in()
    {
        var folder = Directory.CreateTempSubdirectory("orderbot-users-").FullName;
        var database = $"Data Source={Path.Combine(folder, "orderbot.db")}";
        string[] args = ["users", "add", "bea", $"--Storage:ConnectionString={database}"];
        using var output = new StringWriter();
        Environment.SetEnvironmentVariable(UsersCommand.PasswordVariable, "a long enough password");
        int exit;
        try
        {
            exit = await Verbs.CreateRoot(args).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output }, TestContext.Current.CancellationToken);
        }
        finally
        {
            Environment.SetEnvironmentVariable(UsersCommand.PasswordVariable, null);
        }

        Assert.Equal(0, exit);
        Assert.Contains("Staff user bea created.", output.ToString(), StringComparison.Ordinal);
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string> { ["Storage:ConnectionString"] = database });
        using var browser = app.CookieClient();
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SignInAsync("BEA", "a long enough password")).StatusCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
