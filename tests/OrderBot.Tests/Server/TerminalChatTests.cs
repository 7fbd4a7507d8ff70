using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Chat;
using OrderBot.Crm;
using OrderBot.Customers;
using OrderBot.Hosting;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Server.Cli;
using OrderBot.Storage;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Server;

/// <summary>
/// Staff moving a terminal customer's order along: the running terminal chat shows it, and the server, which cannot
/// reach a terminal, neither dead-letters the notice nor holds the order's later events behind it (issue 16, point 9).
/// </summary>
public sealed class TerminalChatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orderbot-terminal-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_status_change_by_staff_is_shown_in_the_running_terminal_chat_and_the_server_does_not_dead_letter_it()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder, "orderbot.db")}",
            ["Menu:Path"] = Path.Combine(_folder, "menu.json"),
            ["Chat:PollInterval"] = "00:00:00.100",
        };
        await File.WriteAllTextAsync(settings["Menu:Path"]!, TestMenus.CafeJson, Ct);
        await using var server = Server(settings);
        await server.GetRequiredService<StorageInitializer>().InitializeAsync(Ct);
        const string customer = "terminal-tester";
        await server.GetRequiredService<CustomerDirectory>().UpsertAsync(customer, cancellationToken: Ct);
        var orders = server.GetRequiredService<OrderHandler>();
        var placed = await orders.CreateOrderAsync(customer, [new OrderItemRequest("latte", 1, null)], Ct);

        var input = new LinesTyped();
        var screen = new StringWriter();
        var output = TextWriter.Synchronized(screen);
        var args = settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
        var chat = ChatCommand.RunAsync(args, customer, null, input, output, Ct);
        input.Type("hi");
        await Eventually.TrueAsync(() => Shown().Contains("bot> ", StringComparison.Ordinal), "the bot's answer to hi");

        Assert.True((await orders.ChangeStatusAsync(placed.OrderId, OrderStatus.Confirmed, "api:staff", Ct)).Succeeded);

        await Eventually.TrueAsync(() => Shown().Contains($"Update on your order {placed.Number}: it", StringComparison.Ordinal), "the status change in the terminal");
        input.Type("/quit");
        Assert.Equal(0, await chat.WaitAsync(TimeSpan.FromSeconds(30), Ct));

        // The server serves no terminal: it queued no notice that the chat would print a second time, and dead-letters nothing.
        await server.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(Ct);
        Assert.DoesNotContain(await server.GetRequiredService<OutboxStore>().ForOrderAsync(placed.OrderId, Ct), e => e.State == OutboxState.Dead);
        await using var db = await server.GetRequiredService<IDbContextFactory<OrderBotDbContext>>().CreateDbContextAsync(Ct);
        Assert.False(await db.OutboundMessages.AnyAsync(m => m.CustomerId == customer && m.Cause!.StartsWith("event:"), Ct));

        string Shown()
        {
            lock (output)
            {
                return screen.ToString();
            }
        }
    }

    /// <summary>The server's side of the same database: Order Handler, outbox and chat (which queues the notices), without a terminal channel.</summary>
    private static ServiceProvider Server(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddOrderBot(configuration).AddOrderBotCrm(configuration).AddOrderBotChat(configuration);
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Keyboard input the test types line by line; reading waits until a line is typed.</summary>
    private sealed class LinesTyped : TextReader
    {
        private readonly System.Threading.Channels.Channel<string> _lines = System.Threading.Channels.Channel.CreateUnbounded<string>();

        public void Type(string line) => _lines.Writer.TryWrite(line);

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => await _lines.Reader.ReadAsync(cancellationToken);
    }
}
