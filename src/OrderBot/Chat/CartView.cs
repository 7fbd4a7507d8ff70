namespace OrderBot.Chat;

/// <summary>Ids of the buttons under a cart. Each carries the cart's id, so a button of an older cart is recognised as stale.</summary>
public static class CartButtons
{
    public const string Confirm = "confirm";
    public const string Change = "change";
    public const string Cancel = "cancel";
    public const string Size = "size";
}

/// <summary>What the customer sees of an open cart: the next question about it, or the summary with Confirm / Change / Cancel.</summary>
public static class CartView
{
    public static OutgoingMessage Show(Menu.Menu menu, ConversationState state)
    {
        var open = CartEditor.FirstWithoutSize(menu, state);
        return open >= 0 ? AskSize(menu, state, open) : Summary(menu, state);
    }

    public static ButtonsReply Summary(Menu.Menu menu, ConversationState state) => new(
        ChatLimits.Fit(ChatText.CartSummary(menu, state), ChatLimits.ButtonBody),
        [
            new ChatButton($"{CartButtons.Confirm}:{state.CartId}", "Confirm"),
            new ChatButton($"{CartButtons.Change}:{state.CartId}", "Change"),
            new ChatButton($"{CartButtons.Cancel}:{state.CartId}", "Cancel"),
        ]);

    /// <summary>"Which size for the 2 × Pizza?": buttons for up to three sizes, a list for more.</summary>
    private static OutgoingMessage AskSize(Menu.Menu menu, ConversationState state, int index)
    {
        var line = state.Cart[index];
        var item = menu.FindItem(line.MenuItemId)!;
        var sizes = item.Sizes.Take(ChatLimits.MaxListRows).Select(menu.Size).ToList();
        var text = $"Which size would you like for the {line.Quantity} × {ChatText.Describe(menu, line)}?";
        string Id(string size) => $"{CartButtons.Size}:{state.CartId}:{index}:{size}";
        if (sizes.Count <= ChatLimits.MaxButtons)
        {
            return new ButtonsReply(text, sizes.Select(s => new ChatButton(Id(s.Id), ChatLimits.Fit(s.Name, ChatLimits.ButtonTitle))).ToList());
        }

        var rows = sizes.Select(s => new ListRow(
            Id(s.Id),
            ChatLimits.Fit(s.Name, ChatLimits.RowTitle),
            menu.Price(CartEditor.Reprice(menu, line with { Size = s.Id }).UnitPrice) + " each")).ToList();
        return new ListReply(text, "Choose a size", [new ListSection("Sizes", rows)]);
    }
}
