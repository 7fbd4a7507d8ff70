using System.CommandLine;
using OrderBot.Server.Cli;

namespace OrderBot.Tests.Server;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_lists_the_verbs()
    {
        using var output = new StringWriter();
        var root = Verbs.CreateRoot(["--help"]);

        var exit = await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = output }, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        var help = output.ToString();
        Assert.All(root.Subcommands, verb => Assert.Contains(verb.Name, help, StringComparison.Ordinal));
        Assert.Contains("serve", help, StringComparison.Ordinal);
    }
}
