using System.CommandLine;
using OrderBot.Extraction;

namespace OrderBot.Server.Cli;

/// <summary><c>extract [--menu FILE] "message"</c>: prints what the offline parser reads in a message, as JSON.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var menu = new Option<string?>("--menu") { Description = "Menu file (default: samples/menus/pizzeria.json)." };
        var message = new Argument<string>("message") { Description = "The customer's message." };
        var command = new Command("extract", "Read an order from a message with the menu-driven parser and print it as JSON.")
        {
            menu,
            message,
        };
        command.SetAction(result =>
        {
            var loaded = MenuFiles.TryLoad(result.GetValue(menu), Console.Error);
            if (loaded is null)
            {
                return 2;
            }

            var order = new MenuParser(loaded).Parse(result.GetValue(message));
            Console.Out.WriteLine(ExtractionJson.Serialize(order, indented: true));
            return 0;
        });
        return command;
    }
}
