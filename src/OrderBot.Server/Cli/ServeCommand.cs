using System.CommandLine;

namespace OrderBot.Server.Cli;

public static class ServeCommand
{
    public static Command Create(string[] args)
    {
        var command = new Command("serve", "Run the web app, the API and the bot (the default).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((_, ct) => RunAsync(args.Where(a => a != "serve").ToArray(), ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        await using var app = OrderBotApp.Build(args);
        await app.InitializeAndStartAsync(ct);
        await app.WaitForShutdownAsync(ct);
        return 0;
    }
}
