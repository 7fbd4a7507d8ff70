using System.CommandLine;
using Microsoft.Extensions.Options;
using OrderBot.Chat;
using OrderBot.Crm;
using OrderBot.Hosting;
using OrderBot.Menus;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Storage;

namespace OrderBot.Server.Cli;

/// <summary>
/// <c>chat [--customer ID] [--name NAME]</c>: talks to the bot's conversation in the terminal, against the
/// same database and menu as the server (same settings), so orders placed here appear on the board.
/// </summary>
public static class ChatCommand
{
    public static Command Create(string[] args)
    {
        var customer = new Option<string>("--customer") { Description = "The customer id to chat as.", DefaultValueFactory = _ => "terminal-" + Environment.UserName };
        var name = new Option<string?>("--name") { Description = "The customer's display name." };
        var command = new Command("chat", "Chat with the bot in the terminal, as a customer.") { customer, name };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => RunAsync(
            args.Where(a => a != "chat").ToArray(), result.GetValue(customer)!, result.GetValue(name), Console.In, Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] args, string customerId, string? displayName, TextReader input, TextWriter output, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args.Where(a => !a.StartsWith("--customer", StringComparison.Ordinal) && !a.StartsWith("--name", StringComparison.Ordinal)).ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The terminal is the chat: only warnings may interrupt it (appsettings.json asks for Information).
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", nameof(LogLevel.Warning))]);
        builder.Services.AddOrderBot(builder.Configuration);
        builder.Services.AddOrderBotCrm(builder.Configuration);
        builder.Services.AddOrderBotChat(builder.Configuration);
        var terminal = new TerminalChannel(output);
        builder.Services.AddSingleton<IChatChannel>(terminal);

        // The host is built but not started: the messages are handled right here, one at a time, without the background workers.
        using var host = builder.Build();
        _ = host.Services.GetRequiredService<Menu>();

        await host.Services.GetRequiredService<StorageInitializer>().InitializeAsync(ct);
        var time = host.Services.GetRequiredService<TimeProvider>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watcher = new TerminalStatusWatcher(
            host.Services.GetRequiredService<OrderHandler>(), host.Services.GetRequiredService<Customers.CustomerDirectory>(), terminal, customerId,
            host.Services.GetRequiredService<IOptions<ConversationOptions>>().Value.PollInterval, time);
        await watcher.BaselineAsync(ct);
        var watching = watcher.WatchAsync(stop.Token);
        try
        {
            return await ConverseAsync(customerId, displayName, input, output, terminal, host.Services, ct);
        }
        finally
        {
            await stop.CancelAsync();
            await watching.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static async Task<int> ConverseAsync(
        string customerId, string? displayName, TextReader input, TextWriter output, TerminalChannel terminal, IServiceProvider services, CancellationToken ct)
    {
        var inbox = services.GetRequiredService<ChatInbox>();
        var processor = services.GetRequiredService<ChatProcessor>();
        var time = services.GetRequiredService<TimeProvider>();
        await output.WriteLineAsync($"Chatting as {customerId}. Type a message (\"hi\", \"menu\", \"2 large pizzas\"), a number to pick a choice, or /quit.");
        while (!ct.IsCancellationRequested)
        {
            await output.WriteAsync("\nyou> ");
            var line = await input.ReadLineAsync(ct);
            if (line is null || line.Trim() is "/quit" or "/exit")
            {
                return 0;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            var message = new IncomingMessage(terminal.Name, Guid.CreateVersion7().ToString(), customerId, time.GetUtcNow().UtcDateTime, terminal.Read(line))
            {
                DisplayName = displayName,
            };
            await inbox.RecordAsync([message], ct);
            await processor.RunCustomerAsync(customerId, ct);
        }

        return 0;
    }
}
