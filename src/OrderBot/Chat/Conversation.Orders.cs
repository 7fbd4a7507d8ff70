using OrderBot.Orders;

namespace OrderBot.Chat;

/// <summary>The conversation's replies that place, look up or cancel orders, and its fixed texts.</summary>
public sealed partial class Conversation
{
    private async Task<IReadOnlyList<OutgoingMessage>> ConfirmAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (CartEditor.FirstWithoutSize(menu, state) >= 0)
        {
            return [CartView(state)];
        }

        var items = state.Cart.Select(l => new OrderItemRequest(l.Name, l.Quantity)
        {
            MenuItemId = l.MenuItemId,
            Size = l.Size,
            Options = l.Options.Select(o => new OptionRequest(o.Id, o.Negated, o.Qualifier)).ToList(),
        }).ToList();
        var request = new OrderRequest(state.CustomerId, items)
        {
            SpecialInstructions = NotesForOrder(state.SpecialInstructions),
            Actor = ActorFor(turn.Message.Channel),
            IdempotencyKey = state.CartId,
            IdempotencyScope = IdempotencyScope,
        };

        PlacedOrder placed;
        try
        {
            placed = await orders.CreateOrderAsync(request, cancellationToken);
        }
        catch (OrderValidationException e)
        {
            var problem = e.Errors.Values.SelectMany(v => v).FirstOrDefault() ?? "it is not valid";
            return [new TextReply($"Sorry, I couldn't place that order: {problem}. Please change it and confirm again."), CartView(state)];
        }

        state.LastCartId = state.CartId;
        state.LastOrderId = placed.OrderId;
        state.ClearCart();
        return [new TextReply(
            $"Thank you! Your order {placed.Number} is placed. Total: {ChatText.Price(placed.TotalAmount, placed.Currency, menu.MinorUnits)}.\n" +
            "I'll message you here when it moves along; send “status” any time.")];
    }

    /// <summary>
    /// The cart's notes as the order takes them. The cart keeps up to 2,000 characters and whatever the customer
    /// typed; a confirmation should not fail over a note, so it is cut to the order's limit and cleaned instead.
    /// </summary>
    private static string? NotesForOrder(string? notes) =>
        string.IsNullOrWhiteSpace(notes)
            ? null
            : ChatLimits.Fit(new string(notes.Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim(), OrderRequest.MaxSpecialInstructionsLength);

    private async Task<OutgoingMessage> AlreadyPlacedAsync(string orderId, CancellationToken cancellationToken)
    {
        var order = await orders.GetOrderAsync(orderId, cancellationToken);
        return order is null
            ? new TextReply("That order was already placed.")
            : new TextReply($"Your order {order.Number} is already placed (total {ChatText.Price(order.TotalAmount, order.Currency, menu.MinorUnits)}) and {ChatText.StatusPhrase(order.Status)}.");
    }

    private async Task<OrderDetails?> LatestOrderAsync(string customerId, CancellationToken cancellationToken) =>
        (await orders.GetCustomerOrdersAsync(customerId, 1, cancellationToken: cancellationToken)).Orders is [var latest, ..] ? latest : null;

    private async Task<OutgoingMessage> StatusAsync(Turn turn, CancellationToken cancellationToken)
    {
        var pendingCart = turn.State.HasCart ? "\nYou also have an order that is not confirmed yet." : "";
        return await LatestOrderAsync(turn.State.CustomerId, cancellationToken) is { } order
            ? new TextReply($"Your order {order.Number} ({ChatText.Price(order.TotalAmount, order.Currency, menu.MinorUnits)}) {ChatText.StatusPhrase(order.Status)}.{pendingCart}")
            : new TextReply($"You have no orders yet. Type your order to start, e.g. “{MenuBrowser.Example(menu)}”.{pendingCart}");
    }

    private async Task<OutgoingMessage> CancelLatestAsync(Turn turn, CancellationToken cancellationToken)
    {
        var order = await LatestOrderAsync(turn.State.CustomerId, cancellationToken);
        if (order is null)
        {
            return new TextReply("You have no order to cancel.");
        }

        if (order.Status == OrderStatus.Cancelled)
        {
            return new TextReply($"Your order {order.Number} is already cancelled.");
        }

        var result = await orders.ChangeStatusAsync(order.Id, OrderStatus.Cancelled, ActorFor(turn.Message.Channel), cancellationToken);
        return result.Outcome switch
        {
            StatusChangeOutcome.Changed => new TextReply($"Your order {order.Number} is cancelled."),
            StatusChangeOutcome.Forbidden => new TextReply(
                $"Sorry, your order {order.Number} {ChatText.StatusPhrase(result.Order?.Status ?? order.Status)}, so it can no longer be cancelled. Please contact the shop."),
            _ => new TextReply($"Your order {order.Number} changed just now; please send “cancel” again if you still want to cancel it."),
        };
    }

    /// <summary>Marks changes the customer made themselves, so the status notification does not tell them what they just did.</summary>
    public static string ActorFor(string channel) => $"{CustomerActorPrefix}{channel}";

    public const string CustomerActorPrefix = "customer:";

    private static List<OutgoingMessage> DropCart(ConversationState state)
    {
        state.ClearCart();
        return [new TextReply("OK, I've dropped that order. Type a new one whenever you like.")];
    }

    private OutgoingMessage CartView(ConversationState state) => Chat.CartView.Show(menu, state);

    private ButtonsReply Welcome(Turn turn)
    {
        var name = string.IsNullOrWhiteSpace(turn.Message.DisplayName) ? "" : " " + turn.Message.DisplayName.Trim().Split(' ')[0];
        return new ButtonsReply(
            $"Hi{name}! Welcome to {menu.Name}. Type your order in your own words, e.g. “{MenuBrowser.Example(menu)}”.\n" +
            "Send “menu” to see what we have, “status” to check your order and “cancel” to cancel it.",
            [new ChatButton("menu", "See the menu"), new ChatButton("status", "My order status")]);
    }

    private static TextReply ChangeHelp() => new TextReply(
        "Tell me what to change, e.g. “add a coke”, “remove the garlic bread”, “make it large”, or type more items to add them.");

    private static string Resized(ResizeResult result)
    {
        if (result.Changed.Count == 0 && result.Refused.Count == 0)
        {
            return $"I couldn't tell which item should be {result.Size.Name.ToLowerInvariant()}.";
        }

        var text = result.Changed.Count > 0 ? $"Done: {string.Join(", ", result.Changed)} now {result.Size.Name.ToLowerInvariant()}." : "";
        return result.Refused.Count > 0
            ? $"{text} {string.Join(", ", result.Refused)} {(result.Refused.Count == 1 ? "doesn't" : "don't")} come in {result.Size.Name.ToLowerInvariant()}.".Trim()
            : text;
    }
}
