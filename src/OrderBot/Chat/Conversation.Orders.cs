using System.Globalization;
using System.Text.RegularExpressions;
using OrderBot.Chat.Dialogue;
using OrderBot.Orders;
using OrderBot.Stock;

namespace OrderBot.Chat;

/// <summary>The conversation's replies that place, amend, repeat, look up or cancel orders.</summary>
public sealed partial class Conversation
{
    private async Task<IReadOnlyList<OutgoingMessage>> ConfirmAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (SizeQuestion.Unsized(menu, state).Count > 0)
        {
            return [CartView(turn)];
        }

        // Staff may have marked something sold out since it went into the cart: take it out and say so, with alternatives.
        if (TakeOutSoldOut(turn, await SoldOutAsync(turn, cancellationToken)) is { } soldOut)
        {
            return soldOut;
        }

        if (Collecting(turn) && NextFulfilmentQuestion(turn) is { } missing)
        {
            return [missing];
        }

        var draft = Collecting(turn) ? Draft(turn) : null;
        var (fulfilment, payment, tip) = draft is null ? (null, null, null) : RequestParts(draft);
        var request = new OrderRequest(state.CustomerId, state.Cart.Select(l => l.ToRequest()).ToList())
        {
            Fulfilment = fulfilment,
            PaymentMethod = payment,
            TipPercent = tip,
            SpecialInstructions = NotesForOrder(state.SpecialInstructions),
            Actor = ActorFor(turn.Message.Channel),
            IdempotencyKey = state.CartId,
            IdempotencyScope = IdempotencyScope,
        };

        try
        {
            if (state.Dialogue.AmendsOrderId is { } amended)
            {
                return await AmendAsync(turn, amended, request, cancellationToken);
            }

            var placed = await orders.CreateOrderAsync(request, cancellationToken);
            state.LastCartId = state.CartId;
            state.LastOrderId = placed.OrderId;
            state.ClearCart();
            turn.Prompt = Prompt.Placed;
            var placedText = ChatTexts.Say(turn.Texts.Placed, placed.Number, ChatText.Price(placed.TotalAmount, placed.Currency, menu.MinorUnits));
            return [new TextReply(draft is null ? placedText : placedText + "\n" + PlacedLine(turn, draft, placed.Order.Fulfilment))];
        }
        catch (OrderValidationException e)
        {
            var problem = e.Errors.Values.SelectMany(v => v).FirstOrDefault() ?? turn.Texts.NotValid;
            return [new TextReply(ChatTexts.Say(turn.Texts.CouldNotPlace, problem)), CartView(turn)];
        }
        catch (OrderRuleException e) when (draft is not null && AnswerRule(turn, e) is { } asked)
        {
            return asked;
        }
        catch (OrderRuleException e)
        {
            // A rule the chat could not foresee (sold out in a race with staff, the minimum of an amended delivery),
            // told in the customer's language; the cart stays so nothing is lost.
            return RuleRefused(turn, e);
        }
    }

    /// <summary>Takes the cart's sold-out lines out and says so, with alternatives; null when nothing is sold out.</summary>
    private List<OutgoingMessage>? TakeOutSoldOut(Turn turn, SoldOutCheck soldOut)
    {
        var state = turn.State;
        var refused = state.Cart.Select(l => (Line: l, Reply: soldOut.Refusal(l))).Where(r => r.Reply is not null).ToList();
        if (refused.Count == 0)
        {
            return null;
        }

        state.Cart = state.Cart.Except(refused.Select(r => r.Line)).ToList();
        turn.CartChanged = true;
        var note = new TextReply(ChatLimits.Fit(string.Join("\n", refused.Select(r => r.Reply)), ChatLimits.TextBody));
        return state.HasCart ? [note, CartView(turn)] : [note];
    }

    private List<OutgoingMessage> RuleRefused(Turn turn, OrderRuleException e)
    {
        if (e.Rule == OrderRule.SoldOut)
        {
            var ids = e.SoldOut.ToHashSet(StringComparer.Ordinal);
            if (TakeOutSoldOut(turn, new SoldOutCheck(menu, new SoldOutIds(ids, ids), turn.Texts)) is { } taken)
            {
                return taken;
            }
        }

        var said = e.Rule == OrderRule.BelowMinimum && e.Minimum is { } minimum
            ? ChatTexts.Say(Says(turn).BelowMinimum, menu.Price(minimum), menu.Price(menu.Total(turn.State.Cart)))
            : ChatTexts.Say(turn.Texts.CouldNotPlace, turn.Texts.NotValid);
        return [new TextReply(said), CartView(turn)];
    }

    /// <summary>The sold-out marks now, in the customer's language; none without a stock list.</summary>
    private async Task<SoldOutCheck> SoldOutAsync(Turn turn, CancellationToken cancellationToken) =>
        new(menu, await turn.Reads.SoldOutAsync(cancellationToken), turn.Texts);

    private async Task<IReadOnlyList<OutgoingMessage>> AmendAsync(Turn turn, string orderId, OrderRequest request, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var result = await orders.AmendOrderAsync(orderId, request, cancellationToken);
        state.ClearCart();
        if (result.Outcome == StatusChangeOutcome.Changed && result.Order is { } order)
        {
            state.LastOrderId = order.Id;
            turn.Prompt = Prompt.Placed;
            return [new TextReply(ChatTexts.Say(turn.Texts.Updated, order.Number, ChatText.Price(order.TotalAmount, order.Currency, menu.MinorUnits)))];
        }

        turn.Prompt = Prompt.None;
        return [new TextReply(ChatTexts.Say(turn.Texts.TooLateToChange, result.Order?.Number ?? "", ChatText.StatusPhrase(result.Order?.Status ?? OrderStatus.Preparing, turn.Texts)).Replace("  ", " ", StringComparison.Ordinal))];
    }

    /// <summary>
    /// "add a coke to my order" (or "and a coke too" right after placing): the next items change the latest order while
    /// the kitchen has not started it; the cart starts from its lines. Later, the items become a new order.
    /// </summary>
    private async Task StartAmendingIfAskedAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var t = string.Join(' ', TextReading.Words(text));
        var asked = ToMyOrderPattern().IsMatch(t) || (state.Dialogue.Prompt == Prompt.Placed && AlsoPattern().IsMatch(t));
        if (state.HasCart || !asked || await LatestOrderAsync(state.CustomerId, cancellationToken) is not { } latest)
        {
            return;
        }

        if (!Order.CanAmend(latest.Status))
        {
            turn.Replies.Add(new TextReply(ChatTexts.Say(turn.Texts.StartedNew, latest.Number, ChatText.StatusPhrase(latest.Status, turn.Texts))));
            return;
        }

        foreach (var line in latest.Items)
        {
            if (CartEditor.FromOrder(menu, line) is { } cartLine)
            {
                CartEditor.Add(state, cartLine, menu.MaxQuantity, turn.Now);
            }
        }

        state.SpecialInstructions = latest.SpecialInstructions;
        state.Dialogue = state.Dialogue with { AmendsOrderId = latest.Id };
        turn.Replies.Add(new TextReply(ChatTexts.Say(turn.Texts.Adding, latest.Number)));
    }

    private async Task<OutgoingMessage> AmendHelpAsync(Turn turn, CancellationToken cancellationToken) =>
        await LatestOrderAsync(turn.State.CustomerId, cancellationToken) is { } latest && Order.CanAmend(latest.Status)
            ? new TextReply(ChatTexts.Say(turn.Texts.CanStillChange, latest.Number, menu.Items[^1].Name.ToLowerInvariant()))
            : new TextReply(ChatTexts.Say(turn.Texts.NothingToChange, Example(turn)));

    /// <summary>"same again": a cart from the latest order's lines at today's menu prices, to confirm as a new order.</summary>
    private async Task<IReadOnlyList<OutgoingMessage>> RepeatLastAsync(Turn turn, CancellationToken cancellationToken)
    {
        var page = await orders.GetCustomerOrdersAsync(turn.State.CustomerId, 5, cancellationToken: cancellationToken);
        var last = page.Orders.FirstOrDefault(o => o.Status != OrderStatus.Cancelled) ?? (page.Orders.Count > 0 ? page.Orders[0] : null);
        if (last is null)
        {
            return [new TextReply(ChatTexts.Say(turn.Texts.NoEarlierOrder, Example(turn)))];
        }

        var missing = new List<string>();
        foreach (var line in last.Items)
        {
            if (CartEditor.FromOrder(menu, line) is { } cartLine)
            {
                CartEditor.Add(turn.State, cartLine, menu.MaxQuantity, turn.Now);
            }
            else
            {
                missing.Add(line.Name);
            }
        }

        turn.CartChanged = true;
        var replies = new List<OutgoingMessage>();
        if (missing.Count > 0)
        {
            replies.Add(new TextReply(ChatTexts.Say(turn.Texts.NoLongerOnMenu, string.Join(", ", missing))));
        }

        replies.Add(turn.State.HasCart ? CartView(turn) : new TextReply(turn.Texts.NoneOnMenu));
        return replies;
    }

    /// <summary>
    /// The cart's notes as the order takes them. The cart keeps up to 2,000 characters and whatever the customer
    /// typed; a confirmation should not fail over a note, so it is cut to the order's limit and cleaned instead.
    /// </summary>
    private static string? NotesForOrder(string? notes) =>
        string.IsNullOrWhiteSpace(notes)
            ? null
            : ChatLimits.Fit(new string(notes.Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim(), OrderRequest.MaxSpecialInstructionsLength);

    private async Task<OutgoingMessage> AlreadyPlacedAsync(Turn turn, string orderId, CancellationToken cancellationToken)
    {
        var order = await orders.GetOrderAsync(orderId, cancellationToken);
        return order is null
            ? new TextReply(turn.Texts.AlreadyPlacedShort)
            : new TextReply(ChatTexts.Say(turn.Texts.AlreadyPlaced, order.Number, ChatText.Price(order.TotalAmount, order.Currency, menu.MinorUnits), ChatText.StatusPhrase(order.Status, turn.Texts)));
    }

    private async Task<OrderDetails?> LatestOrderAsync(string customerId, CancellationToken cancellationToken) =>
        (await orders.GetCustomerOrdersAsync(customerId, 1, cancellationToken: cancellationToken)).Orders is [var latest, ..] ? latest : null;

    private async Task<OutgoingMessage> StatusAsync(Turn turn, CancellationToken cancellationToken)
    {
        var pendingCart = turn.State.HasCart ? turn.Texts.StatusPendingCart : "";
        return await LatestOrderAsync(turn.State.CustomerId, cancellationToken) is { } order
            ? new TextReply(ChatTexts.Say(turn.Texts.Status, order.Number, ChatText.Price(order.TotalAmount, order.Currency, menu.MinorUnits), ChatText.StatusPhrase(order.Status, turn.Texts), pendingCart))
            : new TextReply(ChatTexts.Say(turn.Texts.NoOrders, Example(turn), pendingCart));
    }

    /// <summary>Cancels a pending or confirmed order at once; a started one gets a cancel request for staff to decide (or a plain no, as configured).</summary>
    private async Task<OutgoingMessage> CancelLatestAsync(Turn turn, CancellationToken cancellationToken)
    {
        turn.Prompt = Prompt.None;
        var order = await LatestOrderAsync(turn.State.CustomerId, cancellationToken);
        if (order is null)
        {
            return new TextReply(turn.Texts.NoOrderToCancel);
        }

        if (order.Status == OrderStatus.Cancelled)
        {
            return new TextReply(ChatTexts.Say(turn.Texts.AlreadyCancelled, order.Number));
        }

        if (!Order.CanAmend(order.Status))
        {
            if (!order.Status.CanMoveTo(OrderStatus.Cancelled))
            {
                return TooLateToCancel(turn, order.Number, order.Status);
            }

            if (options.Value.LateCancellation == LateCancellation.Refuse)
            {
                return TooLateToCancel(turn, order.Number, order.Status);
            }

            var requested = await orders.RequestCancellationAsync(order.Id, turn.State.CustomerId, ActorFor(turn.Message.Channel), cancellationToken);
            return requested.Outcome == StatusChangeOutcome.Changed
                ? new TextReply(ChatTexts.Say(turn.Texts.CancelAsked, order.Number, ChatText.StatusPhrase(order.Status, turn.Texts)))
                : new TextReply(ChatTexts.Say(turn.Texts.ChangedJustNow, order.Number));
        }

        var result = await orders.ChangeStatusAsync(order.Id, OrderStatus.Cancelled, ActorFor(turn.Message.Channel), cancellationToken);
        return result.Outcome switch
        {
            StatusChangeOutcome.Changed => new TextReply(ChatTexts.Say(turn.Texts.Cancelled, order.Number)),
            StatusChangeOutcome.Forbidden => TooLateToCancel(turn, order.Number, result.Order?.Status ?? order.Status),
            _ => new TextReply(ChatTexts.Say(turn.Texts.ChangedJustNow, order.Number)),
        };
    }

    private static TextReply TooLateToCancel(Turn turn, string number, OrderStatus status) =>
        new(ChatTexts.Say(turn.Texts.TooLateToCancel, number, ChatText.StatusPhrase(status, turn.Texts)));

    /// <summary>Marks changes the customer made themselves, so the status notification does not tell them what they just did.</summary>
    public static string ActorFor(string channel) => $"{CustomerActorPrefix}{channel}";

    public const string CustomerActorPrefix = "customer:";

    private static List<OutgoingMessage> DropCart(Turn turn)
    {
        var amending = turn.State.Dialogue.AmendsOrderId is not null;
        turn.State.ClearCart();
        turn.Prompt = Prompt.None;
        return [new TextReply(amending
            ? turn.Texts.LeftPlaced
            : turn.Texts.DroppedCart)];
    }

    /// <summary>The cart as it now stands: its size question or its summary, and the prompt that goes with it.</summary>
    private OutgoingMessage CartView(Turn turn)
    {
        turn.Prompt = SizeQuestion.Unsized(menu, turn.State).Count > 0 ? Prompt.Size : Prompt.Confirm;
        if (turn.Prompt == Prompt.Confirm && Collecting(turn))
        {
            // Items first, then what the kitchen needs, then the summary with everything.
            return NextFulfilmentQuestion(turn) ?? FulfilmentSummary(turn);
        }

        return Chat.CartView.Show(menu, turn.State, turn.Texts);
    }

    private ButtonsReply Welcome(Turn turn)
    {
        var name = string.IsNullOrWhiteSpace(turn.Message.DisplayName) ? "" : " " + turn.Message.DisplayName.Trim().Split(' ')[0];
        return new ButtonsReply(
            ChatTexts.Say(turn.Texts.Welcome, name, menu.Name, Example(turn)),
            [new ChatButton("menu", turn.Texts.SeeMenu), new ChatButton("status", turn.Texts.MyStatus)]);
    }

    private static TextReply ChangeHelp(Turn turn) => new(turn.Texts.ChangeHelp);

    [GeneratedRegex(@"\b(?:to|onto|on|into|for|with) (?:my|the|that|this) (?:last |previous |current )?order\b|\badd (?:it|them|that) to\b|\bto it\b")]
    private static partial Regex ToMyOrderPattern();

    [GeneratedRegex(@"^(?:oh |oops |sorry |wait |actually )*(?:and|also|plus|add|can you add|could you add|can i add|i forgot)\b|\b(?:too|as well|also)$")]
    private static partial Regex AlsoPattern();
}
