using System.CommandLine;
using OrderBot.Server.Staff;
using OrderBot.Storage;

namespace OrderBot.Server.Cli;

/// <summary>
/// <c>users add &lt;name&gt;</c>: creates a staff account for the board. The password comes from
/// ORDERBOT_STAFF_PASSWORD or standard input, never from the command line, where other users of the
/// machine and the shell history would see it.
/// </summary>
public static class UsersCommand
{
    public const string PasswordVariable = "ORDERBOT_STAFF_PASSWORD";

    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The user name staff sign in with." };
        var add = new Command("add", $"Create a staff user; the password is read from {PasswordVariable} or standard input.") { name };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction(async (parse, ct) =>
        {
            var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? ReadPassword();
            await using var app = OrderBotApp.Build(parse.UnmatchedTokens.ToArray());
            await app.Services.GetRequiredService<StorageInitializer>().InitializeAsync(ct);
            var problem = await app.Services.GetRequiredService<StaffAccounts>().AddAsync(parse.GetValue(name)!, password ?? "", ct);
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync(problem);
                return 1;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Staff user {parse.GetValue(name)!.Trim()} created.");
            return 0;
        });
        return new Command("users", "Manage the staff accounts that sign in to the board.") { add };
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        Console.Error.Write("Password: ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return password.ToString();
    }
}
