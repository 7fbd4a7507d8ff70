using Microsoft.EntityFrameworkCore;
using System.Globalization;
using OrderBot.Chat;
using OrderBot.Orders;

namespace OrderBot.Server.Eval.Conversations;

/// <summary>What one scripted conversation came to: pass or the first difference, whether it got stuck, and its transcript.</summary>
public sealed record ConversationResult(string Id, bool Passed, bool Stuck, string? Reason, IReadOnlyList<string> Transcript);

/// <summary>Plays one script against a <see cref="ConversationHarness"/> as a customer and the staff would, then scores it.</summary>
public sealed class ConversationRunner(ConversationHarness harness)
{
    /// <summary>When a script names no <c>at</c>: a Wednesday at noon.</summary>
    public static readonly DateTime DefaultStart = new(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);

    private int _customers;

    public async Task<ConversationResult> RunAsync(ConversationScript script, CancellationToken cancellationToken)
    {
        var customer = $"+1555{Environment.ProcessId % 1000:000}{Interlocked.Increment(ref _customers):0000000}";
        // "at" is the shop's wall-clock time: in its time zone when the menu has a shop, else UTC.
        var start = DateTime.SpecifyKind(script.At ?? DefaultStart, DateTimeKind.Unspecified);
        harness.Clock.Set(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(start, harness.Shop.Hours.TimeZone), TimeSpan.Zero));
        var play = new Play(harness, customer);
        foreach (var step in script.Steps)
        {
            await play.StepAsync(step, cancellationToken);
        }

        var orders = await AllOrdersAsync(customer, cancellationToken);
        var reason = OrderComparison.FirstDifference(script.Expect, orders, play.BotTexts, harness.Menu, harness.Shop.Hours.TimeZone);
        var stuck = play.StuckText;
        play.Transcript.Add("--- orders at the end");
        play.Transcript.AddRange(orders.Count == 0 ? ["(none)"] : orders.Select(o => OrderComparison.Describe(o, harness.Menu)));
        if (stuck is not null)
        {
            reason = $"stuck: the bot sent “{Shorten(stuck)}” three times in a row";
        }

        return new ConversationResult(script.Id, reason is null, stuck is not null, reason, play.Transcript);
    }

    private async Task<List<OrderDetails>> AllOrdersAsync(string customer, CancellationToken cancellationToken)
    {
        var all = new List<OrderDetails>();
        string? cursor = null;
        do
        {
            var page = await harness.Orders.GetCustomerOrdersAsync(customer, OrderHandler.MaxPageSize, cursor, cancellationToken);
            all.AddRange(page.Orders);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        all.Reverse();
        return all;
    }

    internal static string Shorten(string text) => text.Length <= 80 ? text.ReplaceLineEndings(" ") : text[..79].ReplaceLineEndings(" ") + "…";

    /// <summary>One conversation in progress: the customer's id, what the bot said, and the latest message with choices.</summary>
    private sealed class Play(ConversationHarness harness, string customer)
    {
        private OutgoingMessage? _lastWithChoices;
        private int _messages;

        public List<string> Transcript { get; } = [];
        public List<string> BotTexts { get; } = [];
        public string? StuckText { get; private set; }

        public async Task StepAsync(ScriptStep step, CancellationToken cancellationToken)
        {
            if (step.Say is { } text)
            {
                Transcript.Add($"customer: {text}");
                await SendAsync(new TextContent(text), cancellationToken);
            }
            else if (step.Tap is { } title)
            {
                var choice = Find(title);
                Transcript.Add(choice is null ? $"customer taps “{title}” (no such button: sent as text)" : $"customer taps “{title}”");
                await SendAsync(choice is null ? new TextContent(title) : new ChoiceContent(choice, title), cancellationToken);
            }
            else if (step.Location is { } pin)
            {
                Transcript.Add($"customer shares a location: {pin.Latitude.ToString(CultureInfo.InvariantCulture)}, {pin.Longitude.ToString(CultureInfo.InvariantCulture)} {pin.Name} {pin.Address}".TrimEnd());
                await SendAsync(new LocationContent(pin.Latitude, pin.Longitude, pin.Name, pin.Address), cancellationToken);
            }
            else if (step.Cart is { } cart)
            {
                Transcript.Add($"customer sends a catalog cart: {string.Join(", ", cart.Select(l => $"{l.Quantity} × {l.ProductRetailerId}"))}");
                await SendAsync(new CatalogOrderContent(cart.Select(l => new CatalogLine(l.ProductRetailerId, l.Quantity)).ToList(), null), cancellationToken);
            }
            else if (step.Staff is { } status)
            {
                await StaffAsync(status, cancellationToken);
            }
            else if (step.Advance is { } by)
            {
                harness.Clock.Advance(by);
                Transcript.Add($"(time passes: {by})");
            }
            else
            {
                Transcript.Add("(an empty step)");
            }
        }

        private string? Find(string title)
        {
            bool Same(string t) => string.Equals(t.Trim(), title.Trim(), StringComparison.OrdinalIgnoreCase);
            return _lastWithChoices switch
            {
                ButtonsReply b => b.Buttons.FirstOrDefault(x => Same(x.Title))?.Id,
                ListReply l => l.Rows.FirstOrDefault(x => Same(x.Title))?.Id,
                _ => null,
            };
        }

        private async Task SendAsync(IncomingContent content, CancellationToken cancellationToken)
        {
            var sent = harness.Clock.GetUtcNow().UtcDateTime;
            var message = new IncomingMessage("eval", $"eval-{customer}-{++_messages}", customer, sent, content);
            await using var db = await harness.Databases.CreateDbContextAsync(cancellationToken);
            var replies = await harness.Conversation.HandleAsync(db, message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var reply in replies)
            {
                Bot(reply);
            }
        }

        private async Task StaffAsync(string statusName, CancellationToken cancellationToken)
        {
            var page = await harness.Orders.GetCustomerOrdersAsync(customer, 1, cancellationToken: cancellationToken);
            var latest = page.Orders.Count > 0 ? page.Orders[0] : null;
            if (latest is null || !OrderStatusMachine.TryParse(statusName, out var status))
            {
                Transcript.Add(latest is null ? $"staff: {statusName} (the customer has no order)" : $"staff: {statusName} (unknown status)");
                return;
            }

            var result = await harness.Orders.ChangeStatusAsync(latest.Id, status, "staff:eval", cancellationToken);
            if (result.Outcome != StatusChangeOutcome.Changed)
            {
                Transcript.Add($"staff: {statusName} (refused: {result.Outcome} {result.Reason})");
                return;
            }

            Transcript.Add($"staff: {statusName}");
            await using var db = await harness.Databases.CreateDbContextAsync(cancellationToken);
            var language = await db.Customers.Where(c => c.Id == customer).Select(c => c.Language).FirstOrDefaultAsync(cancellationToken);
            Bot(new TextReply(ChatText.NoticeOf(latest.Number, status, latest.Fulfilment, ChatTexts.For(language), harness.Orders.Shop.Hours).Text));
        }

        private void Bot(OutgoingMessage reply)
        {
            BotTexts.Add(reply.Text);
            var choices = reply switch
            {
                ButtonsReply b => " [" + string.Join(" | ", b.Buttons.Select(x => x.Title)) + "]",
                ListReply l => " [" + l.ButtonLabel + ": " + string.Join(" | ", l.Rows.Select(x => x.Title)) + "]",
                _ => "",
            };
            if (reply is ButtonsReply or ListReply)
            {
                _lastWithChoices = reply;
            }

            Transcript.Add($"bot: {reply.Text.ReplaceLineEndings("\n     ")}{choices}");
            if (StuckText is null && BotTexts.Count >= 3 && BotTexts[^1] == BotTexts[^2] && BotTexts[^2] == BotTexts[^3])
            {
                StuckText = reply.Text;
            }
        }
    }
}
