using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Customers;
using OrderBot.Extraction;
using OrderBot.Logging;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// The message handler: reads one customer message, changes the customer's conversation state and answers
/// with channel-neutral messages. It knows no channel; WhatsApp, the web page and the terminal all call it.
/// </summary>
/// <remarks>
/// The state is loaded into the caller's <see cref="OrderBotDbContext"/> and left unsaved, so the caller saves
/// it together with the inbox row and the replies in one transaction. Orders are placed through
/// <see cref="OrderHandler"/> with the cart's id as idempotency key: handling the same message again after a
/// crash, or a Confirm pressed twice, finds the order placed the first time instead of placing another.
/// </remarks>
public sealed partial class Conversation(
    IOrderExtractor extractor,
    OrderHandler orders,
    CustomerDirectory customers,
    Menu.Menu menu,
    TimeProvider time,
    IOptions<ChatOptions> options,
    ILogger<Conversation> logger)
{
    public const string IdempotencyScope = "chat";

    public async Task<IReadOnlyList<OutgoingMessage>> HandleAsync(OrderBotDbContext db, IncomingMessage message, CancellationToken cancellationToken)
    {
        await customers.UpsertAsync(message.CustomerId, message.DisplayName, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var state = await db.ConversationStates.FirstOrDefaultAsync(s => s.CustomerId == message.CustomerId, cancellationToken);
        if (state is null)
        {
            state = new ConversationState { CustomerId = message.CustomerId, Channel = message.Channel, CreatedAt = now };
            db.ConversationStates.Add(state);
        }

        state.Channel = message.Channel;
        state.UpdatedAt = now;
        var turn = new Turn(state, message, now);
        if (state.HasCart && now - state.CartUpdatedAt > options.Value.CartLifetime)
        {
            state.ClearCart();
            turn.Replies.Add(new TextReply("Your earlier order was not confirmed in time, so I cleared it."));
        }

        Log.Handling(logger, Redact.Phone(message.CustomerId), message.Channel, message.Content.GetType().Name);
        turn.Replies.AddRange(message.Content switch
        {
            TextContent text => await OnTextAsync(turn, text.Text, cancellationToken),
            ChoiceContent choice => await OnChoiceAsync(turn, choice, cancellationToken),
            CatalogOrderContent catalog => OnCatalogOrder(turn, catalog),
            _ => [new TextReply($"Sorry, I can only read text messages. Please type your order, e.g. “{MenuBrowser.Example(menu)}”, or send “menu”.")],
        });
        return turn.Replies;
    }

    private async Task<IReadOnlyList<OutgoingMessage>> OnTextAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var open = CartEditor.FirstWithoutSize(menu, state);
        if (open >= 0 && CartEditor.SetSize(menu, state, open, IntentReader.Normalize(text).Replace(" please", "", StringComparison.Ordinal), turn.Now))
        {
            return [CartView(state)];
        }

        var intent = IntentReader.Read(text);
        switch (intent.Kind)
        {
            case IntentKind.Greeting or IntentKind.Help:
                return state.HasCart ? [Welcome(turn), CartView(state)] : [Welcome(turn)];
            case IntentKind.Menu:
                return [MenuBrowser.Open(menu)];
            case IntentKind.Status:
                return [await StatusAsync(turn, cancellationToken)];
            case IntentKind.Cancel:
                return state.HasCart ? DropCart(state) : [await CancelLatestAsync(turn, cancellationToken)];
            case IntentKind.Confirm:
                return state.HasCart ? await ConfirmAsync(turn, cancellationToken) : [new TextReply("There is nothing to confirm yet. Type your order, or send “menu”.")];
            case IntentKind.Change:
                return state.HasCart ? [ChangeHelp(), CartView(state)] : [Welcome(turn)];
            case IntentKind.Remove when state.HasCart:
                var removed = CartEditor.Remove(menu, state, intent.Target!, await extractor.ExtractAsync(intent.Target!, cancellationToken), turn.Now);
                var said = removed is null ? $"I can't find “{intent.Target}” in your order." : $"Removed {removed}.";
                return state.HasCart ? [new TextReply(said), CartView(state)] : [new TextReply(said + " Your order is empty now; type a new one whenever you like.")];
            case IntentKind.Resize when state.HasCart:
                if (CartEditor.Resize(menu, state, intent.Target!, turn.Now) is { } resized)
                {
                    return [new TextReply(Resized(resized)), CartView(state)];
                }

                break;
        }

        return await OrderAsync(turn, intent.Kind == IntentKind.Add ? intent.Target! : text, cancellationToken);
    }

    private async Task<IReadOnlyList<OutgoingMessage>> OrderAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var extracted = await extractor.ExtractAsync(text, cancellationToken);
        CartEditor.Add(menu, state, extracted.Items, turn.Now);
        if (!string.IsNullOrWhiteSpace(extracted.SpecialInstructions))
        {
            state.SpecialInstructions = string.IsNullOrEmpty(state.SpecialInstructions)
                ? extracted.SpecialInstructions
                : $"{state.SpecialInstructions}; {extracted.SpecialInstructions}";
        }

        var notes = extracted.Unrecognized.Select(Unrecognized).Concat(extracted.Ambiguities.Select(ChatText.Question)).ToList();
        var replies = new List<OutgoingMessage>();
        if (notes.Count > 0)
        {
            // A long message can leave many unknown parts; the reply still has to fit one WhatsApp text (found by ChatFuzzTests).
            replies.Add(new TextReply(ChatLimits.Fit(string.Join("\n", notes), ChatLimits.TextBody)));
        }
        else if (extracted.IsEmpty)
        {
            replies.Add(new TextReply($"Sorry, I didn't find anything from our menu in that. Type your order like “{MenuBrowser.Example(menu)}”, or send “menu”."));
        }

        if (state.HasCart)
        {
            replies.Add(CartView(state));
        }

        return replies;
    }

    private string Unrecognized(string phrase)
    {
        var closest = MenuSuggestions.Closest(menu, phrase);
        var quoted = ChatLimits.Fit(phrase, 80);
        return closest.Count == 0
            ? $"I couldn't find “{quoted}” on the menu."
            : $"I couldn't find “{quoted}” on the menu. Did you mean {string.Join(" or ", closest)}?";
    }

    private async Task<IReadOnlyList<OutgoingMessage>> OnChoiceAsync(Turn turn, ChoiceContent choice, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var parts = choice.Id.Split(':');
        var forOpenCart = parts.Length > 1 && parts[1] == state.CartId;
        switch (parts[0])
        {
            case CartButtons.Confirm when forOpenCart:
                return await ConfirmAsync(turn, cancellationToken);
            case CartButtons.Confirm when parts.Length > 1 && parts[1] == state.LastCartId && state.LastOrderId is not null:
                return [await AlreadyPlacedAsync(state.LastOrderId, cancellationToken)];
            case CartButtons.Change when forOpenCart:
                return [ChangeHelp()];
            case CartButtons.Cancel when forOpenCart:
                return DropCart(state);
            case CartButtons.Size when forOpenCart && parts.Length == 4 && int.TryParse(parts[2], out var index) && index < state.Cart.Count:
                CartEditor.SetSize(menu, state, index, parts[3], turn.Now);
                return [CartView(state)];
            case CartButtons.Confirm or CartButtons.Change or CartButtons.Cancel or CartButtons.Size:
                return [new TextReply("That order is no longer open (it was placed, cancelled or it expired). Type a new order whenever you like.")];
            case "menu":
                var page = MenuBrowser.Choose(menu, choice.Id, out var itemId);
                if (page is not null)
                {
                    return [page];
                }

                if (CartEditor.LineFor(menu, itemId!, 1) is { } line)
                {
                    CartEditor.Add(state, line, menu.MaxQuantity, turn.Now);
                    return [CartView(state)];
                }

                return [new TextReply("That item is no longer on the menu."), MenuBrowser.Open(menu)];
            case "status":
                return [await StatusAsync(turn, cancellationToken)];
            default:
                // A template's quick reply or a button of an older version: its title is what the customer meant.
                return await OnTextAsync(turn, choice.Title, cancellationToken);
        }
    }

    private List<OutgoingMessage> OnCatalogOrder(Turn turn, CatalogOrderContent catalog)
    {
        var state = turn.State;
        state.ClearCart();
        var unknown = new List<string>();
        foreach (var product in catalog.Lines)
        {
            var id = product.ProductId.Split(':', 2);
            var line = CartEditor.LineFor(menu, id[0], Math.Clamp(product.Quantity, 1, menu.MaxQuantity), id.Length > 1 ? id[1] : null);
            if (line is null)
            {
                unknown.Add(product.ProductId);
                continue;
            }

            CartEditor.Add(state, line, menu.MaxQuantity, turn.Now);
        }

        var replies = new List<OutgoingMessage>();
        if (unknown.Count > 0)
        {
            replies.Add(new TextReply($"Sorry, these products are not on our menu any more: {string.Join(", ", unknown)}."));
        }

        replies.Add(state.HasCart ? CartView(state) : new TextReply("Please type your order instead, or send “menu”."));
        return replies;
    }

    private sealed record Turn(ConversationState State, IncomingMessage Message, DateTime Now)
    {
        public List<OutgoingMessage> Replies { get; } = [];
    }

    private static partial class Log
    {
        [LoggerMessage(3001, LogLevel.Debug, "Handling a {Content} from {Customer} on {Channel}")]
        public static partial void Handling(ILogger logger, string customer, string channel, string content);
    }
}
