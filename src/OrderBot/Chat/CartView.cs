using OrderBot.Chat.Dialogue;
using OrderBot.Menus;

namespace OrderBot.Chat;

/// <summary>Ids of the buttons under a cart. Each carries the cart's id, so a button of an older cart is recognised as stale.</summary>
internal static class CartButtons
{
    public const string Confirm = "confirm";
    public const string Change = "change";
    public const string Cancel = "cancel";
    public const string Size = "size";

    /// <summary>"Which one do you mean?": picks the line a pending edit is for.</summary>
    public const string Line = "line";
}

/// <summary>What the customer sees of an open cart: the one question about its missing sizes, or the summary with Confirm / Change / Cancel.</summary>
internal static class CartView
{
    public static OutgoingMessage Show(Menu menu, ConversationState state, ChatTexts texts)
    {
        var open = SizeQuestion.Unsized(menu, state);
        return open.Count > 0 ? SizeQuestion.Ask(menu, state, open, texts) : Summary(menu, state, texts);
    }

    public static ButtonsReply Summary(Menu menu, ConversationState state, ChatTexts texts)
    {
        return new(
            ChatLimits.Fit(ChatText.CartSummary(menu, state, texts), ChatLimits.ButtonBody),
            [
                new ChatButton($"{CartButtons.Confirm}:{state.CartId}", texts.Confirm),
                new ChatButton($"{CartButtons.Change}:{state.CartId}", texts.Change),
                new ChatButton($"{CartButtons.Cancel}:{state.CartId}", texts.Cancel),
            ]);
    }
}
