using OrderBot.Menus;

namespace OrderBot.Chat.Dialogue;

/// <summary>
/// The one question for every line still without a size, and the reading of its answers: "large", "all large",
/// "large for both", "the pizza large and the coke small".
/// </summary>
internal static class SizeQuestion
{
    public const string AllLines = "*";

    private static readonly HashSet<string> AnswerFiller =
    [
        "all", "both", "them", "for", "make", "it", "its", "it's", "one", "ones", "size", "sizes", "please", "pls", "the", "a", "an", "each",
        "every", "of", "and", "in", "i", "want", "would", "like", "take", "go", "with", "be", "is", "are", "should", "i'll", "ill", "have",
        "they", "those", "these", "that", "this", "sized", "just", "then", "thanks", "ok", "okay", "yes", "sure", "everything", "same", "y",
        "e", "todos", "todas", "ambos", "ambas", "tamaño", "tamanho", "el", "la", "o", "os", "as", "de", "por", "favor", "para",
    ];

    /// <summary>Lines whose item is sold in sizes, has no default size, and has none yet.</summary>
    public static List<int> Unsized(Menu menu, ConversationState state) =>
        Enumerable.Range(0, state.Cart.Count)
            .Where(i => state.Cart[i].Size is null && menu.FindItem(state.Cart[i].MenuItemId) is { Sizes.Count: > 0, DefaultSize: null })
            .ToList();

    public static OutgoingMessage Ask(Menu menu, ConversationState state, IReadOnlyList<int> lines, ChatTexts texts)
    {
        var items = lines.Select(i => menu.FindItem(state.Cart[i].MenuItemId)!).ToList();
        var common = items[0].Sizes.Where(s => items.All(i => i.Sizes.Contains(s))).Select(menu.Size).ToList();
        string text;
        string Id(string size) => $"{CartButtons.Size}:{state.CartId}:{(lines.Count == 1 ? lines[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : AllLines)}:{size}";
        if (lines.Count == 1)
        {
            var line = state.Cart[lines[0]];
            text = ChatTexts.Say(texts.WhichSize, line.Quantity, ChatText.Describe(menu, texts, line));
        }
        else
        {
            text = texts.WhichSizes + "\n" + string.Join("\n", lines.Select(i => $"• {state.Cart[i].Quantity} × {ChatText.Describe(menu, texts, state.Cart[i])}")) +
                "\n" + ChatTexts.Say(texts.AnswerAll, Lower(common.FirstOrDefault() ?? menu.Size(items[0].Sizes[0])));
        }

        var sized = Enumerable.Range(0, state.Cart.Count).Where(i => !lines.Contains(i)).ToList();
        if (sized.Count > 0)
        {
            // The rest of the cart stays in view while the question is open.
            text = texts.SoFar + "\n" + string.Join("\n", sized.Select(i => "• " + ChatText.Line(menu, texts, state.Cart[i]))) + "\n" + text;
        }

        text = ChatLimits.Fit(text, ChatLimits.ButtonBody);
        var prefix = lines.Count == 1 ? "" : texts.AllPrefix;
        if (common.Count == 0)
        {
            return new TextReply(text + "\n" + texts.SizesTitle + ": " + string.Join("; ", items.Distinct().Select(i => $"{i.Name}: {string.Join(", ", i.Sizes.Select(s => menu.Size(s).Name))}")));
        }

        if (common.Count <= ChatLimits.MaxButtons)
        {
            return new ButtonsReply(text, common.Select(s => new ChatButton(Id(s.Id), ChatLimits.Fit(prefix + (prefix.Length > 0 ? Lower(s) : s.Name), ChatLimits.ButtonTitle))).ToList());
        }

        var rows = common.Take(ChatLimits.MaxListRows).Select(s => new ListRow(
            Id(s.Id),
            ChatLimits.Fit(prefix + (prefix.Length > 0 ? Lower(s) : s.Name), ChatLimits.RowTitle),
            lines.Count == 1 ? menu.Price(CartEditor.Reprice(menu, state.Cart[lines[0]] with { Size = s.Id }).Price) + texts.Each : null)).ToList();
        return new ListReply(text, texts.ChooseSize, [new ListSection(texts.SizesTitle, rows)]);
    }

    private static string Lower(MenuSize size) => size.Name.ToLowerInvariant();

    /// <summary>
    /// Reads <paramref name="text"/> as the answer to the size question. Sizes are applied only when the whole text is
    /// such an answer (each part a size, maybe with the line it is for); otherwise nothing changes and false is returned,
    /// so the text is read as whatever else it is.
    /// </summary>
    public static bool TryAnswer(Menu menu, ConversationState state, string text, DialogueWords language, DateTime now)
    {
        var open = Unsized(menu, state);
        if (open.Count == 0)
        {
            return false;
        }

        var plan = new List<(MenuSize Size, List<string> Description)>();
        foreach (var part in text.Split([',', ';', '\n', '&', '+', '/'], StringSplitOptions.RemoveEmptyEntries).SelectMany(SplitOnAnd))
        {
            var words = TextReading.Words(part);
            if (words.Length == 0)
            {
                continue;
            }

            if (words.Any(w => char.IsAsciiDigit(w[0])))
            {
                return false;
            }

            var (size, rest) = FindSize(menu, words);
            var description = rest.Where(w => !AnswerFiller.Contains(w) && !language.Filler.Contains(w)).ToList();
            if (size is null)
            {
                if (description.Count == 0)
                {
                    continue;
                }

                return false;
            }

            plan.Add((size, description));
        }

        if (plan.Count == 0)
        {
            return false;
        }

        var assignments = new Dictionary<int, MenuSize>();
        var loose = new List<MenuSize>();
        foreach (var (size, description) in plan)
        {
            if (description.Count == 0)
            {
                loose.Add(size);
                continue;
            }

            var lines = open.Where(i => LineFinder.FitsWholly(menu, state.Cart[i], description, language)).ToList();
            if (lines.Count == 0)
            {
                return false;
            }

            lines.ForEach(i => assignments[i] = size);
        }

        var remaining = open.Where(i => !assignments.ContainsKey(i)).ToList();
        if (loose.Count == 1)
        {
            remaining.ForEach(i => assignments[i] = loose[0]);
        }
        else
        {
            for (var k = 0; k < Math.Min(loose.Count, remaining.Count); k++)
            {
                assignments[remaining[k]] = loose[k];
            }
        }

        var applied = 0;
        foreach (var (index, size) in assignments)
        {
            applied += CartEditor.SetSize(menu, state, index, size.Id, now) ? 1 : 0;
        }

        return applied > 0;
    }

    /// <summary>The size a line gets when the customer said "yes" twice without naming one: the item's default, a medium or regular one, else the middle size.</summary>
    public static MenuSize Sensible(Menu menu, MenuItem item)
    {
        var id = item.DefaultSize
            ?? item.Sizes.FirstOrDefault(s => s is "medium" or "regular")
            ?? item.Sizes.FirstOrDefault(s => menu.Size(s).Price == 0m && !item.SizePrices.ContainsKey(s))
            ?? item.Sizes[item.Sizes.Count / 2];
        return menu.Size(id);
    }

    private static IEnumerable<string> SplitOnAnd(string part) =>
        (" " + part + " ").Split([" and ", " y ", " e ", " then "], StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim());

    private static (MenuSize? Size, List<string> Others) FindSize(Menu menu, string[] words)
    {
        for (var n = Math.Min(3, words.Length); n >= 1; n--)
        {
            for (var i = 0; i + n <= words.Length; i++)
            {
                var phrase = string.Join(' ', words.Skip(i).Take(n));
                var size = menu.Sizes.FirstOrDefault(s => Matches(s, phrase));
                if (size is not null)
                {
                    return (size, words.Take(i).Concat(words.Skip(i + n)).ToList());
                }
            }
        }

        return (null, words.ToList());
    }

    private static bool Matches(MenuSize size, string phrase)
    {
        var key = Menu.NormalizeKey(phrase);
        return Menu.NormalizeKey(size.Id) == key || Menu.NormalizeKey(size.Name) == key || size.Aliases.Any(a => Menu.NormalizeKey(a) == key);
    }
}
