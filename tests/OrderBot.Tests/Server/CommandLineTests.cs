using System.CommandLine;
using OrderBot.Server.Cli;

namespace OrderBot.Tests.Server;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_lists_every_verb_the_readme_documents()
    {
        using var output = new StringWriter();
        var root = Verbs.CreateRoot(["--help"]);

        var exit = await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = output }, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        var help = output.ToString();
        string[] documented = ["serve", "chat", "extract", "eval", "outbox", "crm", "users"];
        Assert.All(documented, verb => Assert.Matches($@"(?m)^\s+{verb}\b", help));
    }
}
