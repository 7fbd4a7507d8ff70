using Microsoft.EntityFrameworkCore;
using System.Globalization;
using OrderBot.Chat;
using OrderBot.Orders;
using OrderBot.Payments;
using OrderBot.Server.Eval.Payments;
using OrderBot.Stock;

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
        // Every conversation starts with everything in stock: marks left by an earlier script of the same shop are lifted.
        foreach (var mark in await harness.Stock.SoldOutAsync(cancellationToken))
        {
            await harness.Stock.MarkAvailableAsync(mark.Kind, mark.MenuId, cancellationToken);
        }

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
            else if (step.Staff is { } move && (step.Item ?? step.Option) is { } id)
            {
                await StockAsync(move, step.Item is null ? StockKind.Option : StockKind.Item, id, cancellationToken);
            }
            else if (step.Staff is { } status)
            {
                await StaffAsync(status, cancellationToken);
            }
            else if (step.Payment is { } payment)
            {
                await PaymentAsync(payment, cancellationToken);
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

            await harness.SettleAsync(customer, cancellationToken);
            foreach (var sent in harness.Channel.Take(customer))
            {
                Bot(sent);
            }
        }

        /// <summary>Marks as the board's Stock panel and the API do, through <see cref="StockList"/>.</summary>
        private async Task StockAsync(string move, StockKind kind, string id, CancellationToken cancellationToken)
        {
            var what = $"{(kind == StockKind.Item ? "item" : "option")} {id}";
            var known = move switch
            {
                ScriptStep.SoldOut => await harness.Stock.MarkSoldOutAsync(kind, id, "staff:eval", cancellationToken),
                ScriptStep.Back => await harness.Stock.MarkAvailableAsync(kind, id, cancellationToken),
                _ => (bool?)null,
            };
            Transcript.Add(known switch
            {
                null => $"staff: {move} {what} (unknown stock move: {ScriptStep.SoldOut} or {ScriptStep.Back})",
                false => $"staff: {move} {what} (the menu has no such {(kind == StockKind.Item ? "item" : "option")})",
                true => $"staff: {move} {what}",
            });
        }

        /// <summary>
        /// Stripe's event for the latest link of the customer's latest order, signed as Stripe signs it and given to the
        /// webhook's handler, which checks the signature as for any event. An expiry moves the clock to the link's end first.
        /// </summary>
        private async Task PaymentAsync(string outcome, CancellationToken cancellationToken)
        {
            var page = await harness.Orders.GetCustomerOrdersAsync(customer, 1, cancellationToken: cancellationToken);
            PaymentLink? link = null;
            if (page.Orders.Count > 0 && harness.Stripe is not null)
            {
                await using var db = await harness.Databases.CreateDbContextAsync(cancellationToken);
                link = await db.PaymentLinks.AsNoTracking().Where(l => l.OrderId == page.Orders[0].Id)
                    .OrderByDescending(l => l.Attempt).FirstOrDefaultAsync(cancellationToken);
            }

            if (link is null || !harness.Stripe!.Sessions.TryGetValue(link.SessionId, out var session))
            {
                Transcript.Add($"stripe: {outcome} (the customer's latest order has no payment link)");
                return;
            }

            Action<System.Text.Json.Nodes.JsonObject> change;
            string type;
            switch (outcome)
            {
                case ScriptStep.Paid:
                    (type, change) = ("checkout.session.completed", s => (s["status"], s["payment_status"]) = ("complete", "paid"));
                    break;
                case ScriptStep.Expired:
                    (type, change) = ("checkout.session.expired", s => s["status"] = "expired");
                    if (harness.Clock.GetUtcNow() < new DateTimeOffset(link.ExpiresAt, TimeSpan.Zero))
                    {
                        harness.Clock.Advance(new DateTimeOffset(link.ExpiresAt, TimeSpan.Zero) - harness.Clock.GetUtcNow());
                    }

                    break;
                case ScriptStep.Failed:
                    (type, change) = ("checkout.session.async_payment_failed", s => s["status"] = "complete");
                    break;
                default:
                    Transcript.Add($"stripe: {outcome} (unknown payment step: {ScriptStep.Paid}, {ScriptStep.Expired} or {ScriptStep.Failed})");
                    return;
            }

            var body = FakeStripe.Event(type, session, change);
            var result = await harness.Webhook.HandleAsync(body, FakeStripe.Sign(body, at: harness.Clock.GetUtcNow()), cancellationToken);
            Transcript.Add($"stripe: {type} for payment link {link.Attempt} ({result.Outcome}: {result.Detail})");
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
            var message = new IncomingMessage(EvalChannel.ChannelName, $"eval-{customer}-{++_messages}", customer, sent, content);
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

            // The notice itself was queued with the change; the step's settling sends it through the channel, as the chat worker would.
            Transcript.Add($"staff: {statusName}");
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
