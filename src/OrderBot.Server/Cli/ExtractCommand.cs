using System.CommandLine;
using OrderBot.Extraction;

namespace OrderBot.Server.Cli;

/// <summary><c>extract [--menu FILE] [--extractor parser|llm|hybrid ...] "message"</c>: prints what the extractor reads in a message, as JSON.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var menu = new Option<string?>("--menu") { Description = "Menu file (default: samples/menus/pizzeria.json)." };
        var message = new Argument<string>("message") { Description = "The customer's message." };
        var extractor = new ExtractorArguments();
        var command = new Command("extract", "Read an order from a message (parser by default, or a language model) and print it as JSON.")
        {
            menu,
            message,
        };
        extractor.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var loaded = MenuFiles.TryLoad(result.GetValue(menu), Console.Error);
            using var host = loaded is null ? null : extractor.Build(result, loaded, Console.Error);
            if (host is null)
            {
                return 2;
            }

            var order = await host.Extractor.ExtractAsync(result.GetValue(message) ?? "", ct);
            Console.Out.WriteLine(ExtractionJson.Serialize(order, indented: true));
            return 0;
        });
        return command;
    }
}
