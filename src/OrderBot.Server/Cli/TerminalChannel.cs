using OrderBot.Chat;

namespace OrderBot.Server.Cli;

/// <summary>
/// The terminal as a chat channel: prints replies, showing buttons and list rows as numbered choices, and
/// turns a typed number back into the choice it stands for.
/// </summary>
public sealed class TerminalChannel(TextWriter output) : IChatChannel
{
    private readonly List<(string Id, string Title)> _choices = [];

    public string Name => CustomerMessages.TerminalChannel;

    public Task<SendResult> SendAsync(string customerId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        lock (_choices)
        {
            output.WriteLine();
            output.WriteLine("bot> " + message.Text.Replace("\n", "\n     ", StringComparison.Ordinal));
            var offered = message switch
            {
                ButtonsReply buttons => buttons.Buttons.Select(b => (b.Id, b.Title, (string?)null)).ToList(),
                ListReply list => list.Rows.Select(r => (r.Id, r.Title, r.Description)).ToList(),
                _ => [],
            };
            if (offered.Count > 0)
            {
                _choices.Clear();
            }

            foreach (var (id, title, description) in offered)
            {
                _choices.Add((id, title));
                output.WriteLine($"     {_choices.Count}) {title}{(description is null ? "" : $" — {description}")}");
            }
        }

        return Task.FromResult(SendResult.Ok(null));
    }

    /// <summary>The content for what the user typed: a shown choice for its number, else the text itself.</summary>
    public IncomingContent Read(string typed)
    {
        lock (_choices)
        {
            return int.TryParse(typed.Trim(), out var n) && n >= 1 && n <= _choices.Count
                ? new ChoiceContent(_choices[n - 1].Id, _choices[n - 1].Title)
                : new TextContent(typed);
        }
    }
}
