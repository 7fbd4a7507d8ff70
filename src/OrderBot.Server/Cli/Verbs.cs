using System.CommandLine;

namespace OrderBot.Server.Cli;

/// <summary>The command line: no verb serves; each verb lives in a file of its own.</summary>
public static class Verbs
{
    public static RootCommand CreateRoot(string[] args)
    {
        var root = new RootCommand("OrderBot: a WhatsApp ordering bot. Without a verb it serves the web app and the bot.")
        {
            // Host settings such as --urls or --Storage:Provider pass through to ASP.NET Core configuration.
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((_, ct) => ServeCommand.RunAsync(args, ct));
        root.Subcommands.Add(ServeCommand.Create(args));
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ChatCommand.Create(args));
        root.Subcommands.Add(OutboxCommand.Create());
        root.Subcommands.Add(CrmCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        return root;
    }
}
