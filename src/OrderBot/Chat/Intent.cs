using System.Text.RegularExpressions;

namespace OrderBot.Chat;

internal enum IntentKind
{
    Greeting,
    Help,
    Menu,
    Status,
    Cancel,
    Confirm,
    Change,
    Add,
    Remove,
    Resize,

    /// <summary>Anything else: read as an order.</summary>
    Order,
}

/// <param name="Target">For edits, the words after the verb ("the garlic bread", "it large", "the latte to small").</param>
internal sealed record Intent(IntentKind Kind, string? Target = null);

/// <summary>
/// Reads what a short text wants. Only whole short commands are matched, so an order that happens to
/// contain "menu" or "cancel" deeper inside is still read as an order.
/// </summary>
internal static partial class IntentReader
{
    private static readonly HashSet<string> Greetings =
    [
        "hi", "hello", "hey", "hallo", "hola", "hiya", "yo", "start", "hi there", "hello there", "hey there",
        "good morning", "good afternoon", "good evening", "morning", "evening",
    ];

    private static readonly HashSet<string> Helps = ["help", "?", "how does this work", "what can you do", "info", "commands", "ayuda", "ajuda"];

    private static readonly HashSet<string> Menus =
    [
        "menu", "the menu", "show menu", "show the menu", "show me the menu", "see the menu", "menu please", "send menu",
        "send the menu", "send me the menu", "what do you have", "what's on the menu", "whats on the menu", "list", "catalog",
        "menú", "el menú", "el menu", "la carta", "carta", "ver el menú", "ver el menu", "ver la carta", "pásame el menú", "pasame el menu",
        "cardápio", "cardapio", "o cardápio", "o cardapio", "ver o cardápio", "ver o cardapio", "manda o cardápio", "manda o cardapio",
    ];

    private static readonly HashSet<string> Statuses =
    [
        "status", "order status", "my order", "where is my order", "where's my order", "wheres my order", "where is my food",
        "where's my food", "is my order ready", "status of my order", "track", "track my order",
        "estado", "estado del pedido", "estado de mi pedido", "mi pedido", "dónde está mi pedido", "donde esta mi pedido", "donde está mi pedido",
        "status do pedido", "status do meu pedido", "meu pedido", "cadê meu pedido", "cade meu pedido", "onde está meu pedido", "onde esta meu pedido",
    ];

    private static readonly HashSet<string> Cancels = ["cancel", "cancel order", "cancel my order", "cancel the order", "cancel it", "stop",
        "cancelar", "cancela", "cancelar pedido", "cancelar mi pedido", "cancelar el pedido", "cancela el pedido", "cancela mi pedido",
        "cancelar o pedido", "cancela o pedido", "cancelar meu pedido", "cancela meu pedido"];

    private static readonly HashSet<string> Confirms =
    [
        "confirm", "yes", "y", "ok", "okay", "yes please", "sure", "confirm order", "place order", "place the order",
        "that's all", "thats all", "that's it", "thats it", "done", "correct",
    ];

    private static readonly HashSet<string> Changes = ["change", "edit", "change order", "change it", "modify", "cambiar", "modificar", "alterar", "mudar"];

    public static Intent Read(string text)
    {
        var t = Normalize(text);
        if (Greetings.Contains(t))
        {
            return new Intent(IntentKind.Greeting);
        }

        if (Helps.Contains(t))
        {
            return new Intent(IntentKind.Help);
        }

        if (Menus.Contains(t))
        {
            return new Intent(IntentKind.Menu);
        }

        if (Statuses.Contains(t))
        {
            return new Intent(IntentKind.Status);
        }

        if (Cancels.Contains(t))
        {
            return new Intent(IntentKind.Cancel);
        }

        if (Confirms.Contains(t))
        {
            return new Intent(IntentKind.Confirm);
        }

        if (Changes.Contains(t))
        {
            return new Intent(IntentKind.Change);
        }

        if (ResizePattern().Match(t) is { Success: true } resize)
        {
            return new Intent(IntentKind.Resize, resize.Groups["rest"].Value);
        }

        if (RemovePattern().Match(t) is { Success: true } remove)
        {
            return new Intent(IntentKind.Remove, remove.Groups["target"].Value);
        }

        if (AddPattern().Match(t) is { Success: true } add)
        {
            return new Intent(IntentKind.Add, add.Groups["target"].Value);
        }

        return new Intent(IntentKind.Order, text.Trim());
    }

    /// <summary>Lower case, single spaces, no trailing punctuation or emoji: "Where is my order?? " is "where is my order".</summary>
    public static string Normalize(string text)
    {
        var t = WhitespacePattern().Replace(text.Trim().ToLowerInvariant().Replace('’', '\''), " ");
        var end = t.Length;
        while (end > 0 && (char.IsPunctuation(t[end - 1]) || char.IsSymbol(t[end - 1]) || char.IsWhiteSpace(t[end - 1]) || char.IsSurrogate(t[end - 1])) && t[..end] != "?")
        {
            end--;
        }

        return t[..end].TrimStart('.', ',', '!', ' ');
    }

    // "make it large", "make the iced tea large", "change them to small": the cart editor finds the size at the end.
    [GeneratedRegex(@"^(?:make|change|switch) (?<rest>.+)$")]
    private static partial Regex ResizePattern();

    [GeneratedRegex(@"^(?:please )?(?:remove|delete|drop|cancel|take off|take out|no more|forget|scratch) (?<target>.+?)(?: please)?$")]
    private static partial Regex RemovePattern();

    [GeneratedRegex(@"^(?:please )?(?:add|also|plus|and also|and|with|i'd also like|i also want|can i also have|another round of) (?<target>.+)$")]
    private static partial Regex AddPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
