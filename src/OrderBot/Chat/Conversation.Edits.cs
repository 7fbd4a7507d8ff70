using System.Globalization;
using System.Text.RegularExpressions;
using OrderBot.Chat.Dialogue;

namespace OrderBot.Chat;

/// <summary>
/// Corrections of the open cart, each addressed to the lines the customer describes: set a quantity, remove a line
/// or an option, change a line in place, replace its item, split some units off. When a description fits several
/// lines the bot asks which one, and the answer applies the same words to that line.
/// </summary>
public sealed partial class Conversation
{
    private const string N = @"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple|a dozen)";

    private async Task<IReadOnlyList<OutgoingMessage>?> AnswerPromptAsync(Turn turn, string text, string[] words, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var memory = state.Dialogue;
        if (memory.Prompt == Prompt.WhichLine && memory.PendingEdit is not null && state.HasCart)
        {
            if (ChosenLine(turn, words) is { } chosen)
            {
                return await ApplyPendingEditAsync(turn, chosen, cancellationToken);
            }

            state.Dialogue = memory with { PendingEdit = null, Choices = [] };
        }

        if (state.HasCart && SizeQuestion.TryAnswer(menu, state, text, _words, turn.Now))
        {
            turn.CartChanged = true;
            return [CartView(turn)];
        }

        return null;
    }

    /// <summary>"the first", "2", "the large one": which of the lines offered by "which one do you mean?".</summary>
    private int? ChosenLine(Turn turn, string[] words)
    {
        var choices = turn.State.Dialogue.Choices.Where(i => i < turn.State.Cart.Count).ToList();
        string[] ordinals = ["first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"];
        foreach (var word in words)
        {
            var ordinal = Array.IndexOf(ordinals, word) % 4;
            if (ordinal >= 0 && ordinal < choices.Count)
            {
                return choices[ordinal];
            }

            if (word == "last" && choices.Count > 0)
            {
                return choices[^1];
            }

            if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count && words.Length <= 3)
            {
                return choices[n - 1];
            }
        }

        var fitting = choices.Where(i => LineFinder.FitsWholly(menu, turn.State.Cart[i], words, _words)).ToList();
        return fitting.Count == 1 ? fitting[0] : null;
    }

    private async Task<IReadOnlyList<OutgoingMessage>> ApplyPendingEditAsync(Turn turn, int line, CancellationToken cancellationToken)
    {
        var memory = turn.State.Dialogue;
        turn.State.Dialogue = memory with { PendingEdit = null, Choices = [] };
        if (memory.PendingEdit is not { } edit || line < 0 || line >= turn.State.Cart.Count)
        {
            return [CartView(turn)];
        }

        return await EditAsync(turn, edit, TextReading.Words(edit), cancellationToken, line) ?? [CartView(turn)];
    }

    private IReadOnlyList<OutgoingMessage> AnswerSizeButton(Turn turn, string line, string sizeId)
    {
        var state = turn.State;
        var lines = line == SizeQuestion.AllLines
            ? SizeQuestion.Unsized(menu, state)
            : int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < state.Cart.Count ? [index] : [];
        foreach (var i in lines)
        {
            turn.CartChanged |= CartEditor.SetSize(menu, state, i, sizeId, turn.Now);
        }

        return [CartView(turn)];
    }

    /// <summary>"yes" while sizes are missing: asked once more in other words; the second time a sensible size is chosen and shown.</summary>
    private IReadOnlyList<OutgoingMessage> NudgeSize(Turn turn)
    {
        var state = turn.State;
        var open = SizeQuestion.Unsized(menu, state);
        if (state.Dialogue.SizeNudges == 0)
        {
            state.Dialogue = state.Dialogue with { SizeNudges = 1 };
            turn.Prompt = Prompt.Size;
            return [SizeQuestion.Ask(menu, state, open) switch
            {
                ButtonsReply b => b with { Text = "Almost there: I just need the size. " + b.Text },
                ListReply l => l with { Text = "Almost there: I just need the size. " + l.Text },
                var other => new TextReply("Almost there: I just need the size. " + other.Text),
            }];
        }

        var chosen = new List<string>();
        foreach (var i in open)
        {
            var size = SizeQuestion.Sensible(menu, menu.FindItem(state.Cart[i].MenuItemId)!);
            CartEditor.SetSize(menu, state, i, size.Id, turn.Now);
            chosen.Add($"{size.Name.ToLowerInvariant()} for the {state.Cart[i].Name}");
        }

        turn.CartChanged = true;
        return [new TextReply($"I've gone with {string.Join(" and ", chosen)}; say another size if you'd like to change it."), CartView(turn)];
    }

    /// <summary>The words an order message orders: "add a coke to my order" orders "a coke".</summary>
    private static string AddTarget(string text, string[] words)
    {
        var t = string.Join(' ', words);
        var stripped = OrderTailPattern().Replace(t, "").Trim();
        var intent = IntentReader.Read(stripped);
        return intent.Kind == IntentKind.Add && !string.IsNullOrWhiteSpace(intent.Target) ? intent.Target : stripped.Length > 0 && stripped != t ? stripped : text;
    }

    /// <summary>Reads a correction of the cart; null when the text is not one (it is then read as an order).</summary>
    private async Task<IReadOnlyList<OutgoingMessage>?> EditAsync(Turn turn, string text, string[] words, CancellationToken cancellationToken, int? onlyLine = null)
    {
        var t = string.Join(' ', words);
        if (!turn.State.HasCart && EditVerbPattern().IsMatch(t) && ToMyOrderPattern().IsMatch(t))
        {
            await StartAmendingIfAskedAsync(turn, t, cancellationToken);
        }

        if (!turn.State.HasCart)
        {
            return null;
        }

        t = OrderTailPattern().Replace(t, "").Trim();
        return SetQuantity(turn, t, onlyLine)
            ?? Remove(turn, t, onlyLine)
            ?? await ReplaceAsync(turn, t, onlyLine, cancellationToken)
            ?? Modify(turn, t, onlyLine);
    }

    private IReadOnlyList<OutgoingMessage>? SetQuantity(Turn turn, string t, int? onlyLine)
    {
        var match = QuantityPattern().Match(t);
        if (!match.Success)
        {
            match = NotPattern().Match(t);
        }

        if (!match.Success || Count(match.Groups["n"].Value) is not { } quantity)
        {
            return null;
        }

        var description = TextReading.Words(match.Groups["rest"].Value);
        var content = LineFinder.ContentWords(description, _words);
        var lines = onlyLine is { } only ? [only] : LineFinder.Find(menu, turn.State.Cart, description, _words);
        if (content.Count > 0 && onlyLine is null)
        {
            lines = lines.Where(i => LineFinder.FitsWholly(menu, turn.State.Cart[i], description, _words)).ToList();
        }

        if (lines.Count == 0)
        {
            return null;
        }

        if (lines.Count > 1 && content.Count > 0)
        {
            return AskWhich(turn, t, lines);
        }

        var index = lines[^1];
        var line = turn.State.Cart[index];
        turn.State.Cart[index] = line with { Quantity = Math.Clamp(quantity, 1, menu.MaxQuantity) };
        turn.State.CartUpdatedAt = turn.Now;
        turn.CartChanged = true;
        return [new TextReply($"Done: {turn.State.Cart[index].Quantity} × {ChatText.Describe(menu, turn.State.Cart[index])}."), CartView(turn)];
    }

    private int? Count(string word) =>
        word switch
        {
            "a couple" => 2,
            "a dozen" => 12,
            _ => TextReading.Number(word, _words),
        };

    private IReadOnlyList<OutgoingMessage>? Remove(Turn turn, string t, int? onlyLine)
    {
        if (TakeOffPattern().Match(t) is { Success: true } takeOff)
        {
            // "take the cheese off (the burger)": an option comes off a line.
            var on = takeOff.Groups["from"].Value;
            var onLines = onlyLine is { } one ? [one] : on.Length > 0 ? LineFinder.Find(menu, turn.State.Cart, TextReading.Words(on), _words) : [];
            return ChangeOptions(turn, ["no", .. TextReading.Words(takeOff.Groups["target"].Value)], onLines, t);
        }

        var match = RemovePattern().Match(t);
        if (!match.Success)
        {
            return null;
        }

        var target = match.Groups["target"].Value;
        var from = match.Groups["from"].Value;
        var cart = turn.State.Cart;
        var words = TextReading.Words(target);
        var count = words.Length > 0 && Count(words[0]) is { } n && words[0] is not ("a" or "an") || words.Length > 0 && char.IsAsciiDigit(words[0][0]) ? Count(words[0]) : null;
        var fromLines = from.Length > 0 ? LineFinder.Find(menu, cart, TextReading.Words(from), _words) : [];
        var lines = onlyLine is { } only ? [only] : LineFinder.Find(menu, cart, words, _words).Where(i => LineFinder.FitsWholly(menu, cart[i], words, _words)).ToList();
        if (from.Length == 0 && lines.Count > 0 && (onlyLine is not null || !NamesOptionOnly(turn, words, lines)))
        {
            if (lines.Count > 1 && !words.Any(_words.All.Contains))
            {
                return AskWhich(turn, t, lines);
            }

            var removed = new List<string>();
            foreach (var index in lines.OrderDescending())
            {
                var line = cart[index];
                var take = count is { } c ? Math.Min(c, line.Quantity) : line.Quantity;
                removed.Add($"{take} × {ChatText.Describe(menu, line)}");
                if (take >= line.Quantity)
                {
                    cart.RemoveAt(index);
                }
                else
                {
                    cart[index] = line with { Quantity = line.Quantity - take };
                }

                count = count is { } left ? left - take : null;
                if (count is <= 0)
                {
                    break;
                }
            }

            turn.State.CartUpdatedAt = turn.Now;
            turn.CartChanged = true;
            var said = $"Removed {string.Join(", ", removed)}.";
            if (!turn.State.HasCart)
            {
                var amending = turn.State.Dialogue.AmendsOrderId is not null;
                turn.State.ClearCart();
                turn.Prompt = Prompt.None;
                return [new TextReply(said + (amending ? " Your placed order is unchanged." : " Your order is empty now; type a new one whenever you like."))];
            }

            return [new TextReply(said), CartView(turn)];
        }

        // "remove the onions (from the burger)": an option, not a line.
        return ChangeOptions(turn, ["no", .. words], onlyLine is { } o ? [o] : fromLines, t)
            ?? [new TextReply($"I can't find “{ChatLimits.Fit(target, 60)}” in your order."), CartView(turn)];
    }

    private bool NamesOptionOnly(Turn turn, string[] words, List<int> lines) =>
        lines.All(i => menu.FindItem(turn.State.Cart[i].MenuItemId) is { } item
            && LineModifiers.Read(menu, item, words) is { Any: true, Rest: var rest }
            && LineFinder.ContentWords(rest, _words).Count == 0
            && !LineFinder.ContentWords(words, _words).Any(w => LineFinder.Same(Menu.Menu.NormalizeKey(item.Name), w) || item.Aliases.Any(a => LineFinder.Same(Menu.Menu.NormalizeKey(a), w))));

    /// <summary>"change the coke to a sprite", "fanta instead of coke", "one of the cokes a diet coke", "change the pepperoni to sausage".</summary>
    private async Task<IReadOnlyList<OutgoingMessage>?> ReplaceAsync(Turn turn, string t, int? onlyLine, CancellationToken cancellationToken)
    {
        var match = ReplacePattern().Match(t);
        if (!match.Success)
        {
            match = InsteadPattern().Match(t);
        }

        var split = SplitPattern().Match(t);
        if (!match.Success && !split.Success)
        {
            return null;
        }

        var (fromText, toText) = match.Success ? (match.Groups["from"].Value, match.Groups["to"].Value) : (split.Groups["from"].Value, split.Groups["to"].Value);
        var splitCount = !match.Success || match.Groups["n"].Success ? Count((match.Success ? match.Groups["n"] : split.Groups["n"]).Value) : null;
        var cart = turn.State.Cart;
        var fromWords = TextReading.Words(fromText);
        var lines = onlyLine is { } only ? [only] : LineFinder.Find(menu, cart, fromWords, _words).Where(i => LineFinder.FitsWholly(menu, cart[i], fromWords, _words) || LineFinder.ContentWords(fromWords, _words).Count == 0).ToList();
        if (lines.Count == 0)
        {
            // "change the pepperoni to sausage": the words name an option of a line, not the line.
            return ChangeOptions(turn, ["no", .. fromWords, "with", .. TextReading.Words(toText)], [], t);
        }

        if (lines.Count > 1)
        {
            return AskWhich(turn, t, lines);
        }

        var index = lines[0];
        var line = cart[index];
        var toWords = TextReading.Words(toText);
        var item = menu.FindItem(line.MenuItemId)!;
        var modifiers = LineModifiers.Read(menu, item, toWords);
        var changed = line;
        if (!(modifiers.Any && LineFinder.ContentWords(modifiers.Rest, _words).Count == 0))
        {
            var read = await extractor.ExtractAsync(toText, cancellationToken);
            if (read.Items.Count != 1)
            {
                return null;
            }

            var next = read.Items[0];
            var nextItem = menu.FindItem(next.MenuItemId)!;
            var size = next.Size ?? (line.Size is not null && nextItem.Sizes.Contains(line.Size) ? line.Size : null);
            var kept = next.Options.Count > 0 || nextItem.Id != item.Id
                ? next.Options.Select(o => new CartOption(o.Id, o.Name, o.Group, o.Negated, o.Qualifier)).ToList()
                : line.Options.ToList();
            changed = CartEditor.Reprice(menu, new CartLine(nextItem.Id, nextItem.Name, line.Quantity, 0m) { Size = size, Options = kept });
        }
        else
        {
            changed = modifiers.ApplyTo(menu, line);
        }

        var units = splitCount is { } s ? Math.Min(s, line.Quantity) : line.Quantity;
        if (units < line.Quantity)
        {
            cart[index] = line with { Quantity = line.Quantity - units };
            cart.Insert(index + 1, changed with { Quantity = units });
        }
        else
        {
            cart[index] = changed with { Quantity = line.Quantity };
        }

        turn.State.CartUpdatedAt = turn.Now;
        turn.CartChanged = true;
        return [new TextReply($"Changed: {units} × {ChatText.Describe(menu, changed)}."), CartView(turn)];
    }

    /// <summary>"make the burger a double", "no onions", "with extra cheese on both", "add bacon to the burger", "make it large".</summary>
    private IReadOnlyList<OutgoingMessage>? Modify(Turn turn, string t, int? onlyLine)
    {
        var match = ModifyPattern().Match(t);
        var onto = AddOntoPattern().Match(t);
        string words;
        List<int> targets = onlyLine is { } only ? [only] : [];
        if (onto.Success)
        {
            words = onto.Groups["what"].Value;
            if (targets.Count == 0)
            {
                var described = TextReading.Words(onto.Groups["target"].Value);
                targets = LineFinder.Find(menu, turn.State.Cart, described, _words);
                if (targets.Count == 0)
                {
                    return null;
                }
            }
        }
        else if (match.Success)
        {
            words = match.Groups["rest"].Value;
        }
        else
        {
            return null;
        }

        return ChangeOptions(turn, TextReading.Words(words), targets, t);
    }

    /// <summary>
    /// Applies the sizes and options in <paramref name="words"/> to the lines they describe (or <paramref name="targets"/>):
    /// words left over must describe the line. Null when no line takes any of it.
    /// </summary>
    private IReadOnlyList<OutgoingMessage>? ChangeOptions(Turn turn, string[] words, List<int> targets, string original)
    {
        var cart = turn.State.Cart;
        var candidates = new List<(int Index, LineModifiers Modifiers)>();
        var everyLine = words.Any(_words.All.Contains);
        for (var i = 0; i < cart.Count; i++)
        {
            if (targets.Count > 0 && !targets.Contains(i))
            {
                continue;
            }

            var item = menu.FindItem(cart[i].MenuItemId);
            if (item is null)
            {
                continue;
            }

            var modifiers = LineModifiers.Read(menu, item, words);
            var rest = LineFinder.ContentWords(modifiers.Rest, _words);
            if (modifiers.Any && (rest.Count == 0 || rest.All(w => LineFinder.Fits(menu, cart[i], w))))
            {
                candidates.Add((i, modifiers));
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var described = candidates.Where(c => LineFinder.ContentWords(c.Modifiers.Rest, _words).Count > 0).ToList();
        if (described.Count > 0)
        {
            candidates = described;
        }
        else if (candidates.Count > 1 && !everyLine && targets.Count != 1)
        {
            // Nothing says which line: removals go to the lines that have the option, anything else to the last line that takes it.
            var having = candidates.Where(c => c.Modifiers.Removed.Count > 0 && c.Modifiers.Removed.All(id => cart[c.Index].Options.Any(o => o.Id == id && !o.Negated) || menu.FindItem(cart[c.Index].MenuItemId)!.Defaults.Contains(id))).ToList();
            candidates = having.Count == 1 ? having : [candidates[^1]];
        }

        if (candidates.Count > 1 && !everyLine && candidates.Select(c => cart[c.Index].MenuItemId).Distinct().Count() < candidates.Count && targets.Count == 0)
        {
            return AskWhich(turn, original, candidates.Select(c => c.Index).ToList());
        }

        var changed = new List<string>();
        foreach (var (index, modifiers) in candidates)
        {
            cart[index] = modifiers.ApplyTo(menu, cart[index]);
            changed.Add($"{cart[index].Quantity} × {ChatText.Describe(menu, cart[index])}");
        }

        MergeEqualLines(cart);
        turn.State.CartUpdatedAt = turn.Now;
        turn.CartChanged = true;
        return [new TextReply($"Changed: {string.Join(", ", changed)}."), CartView(turn)];
    }

    private static void MergeEqualLines(List<CartLine> cart)
    {
        for (var i = cart.Count - 1; i > 0; i--)
        {
            var same = cart.FindIndex(l => l.MenuItemId == cart[i].MenuItemId && l.Size == cart[i].Size && l.Options.OrderBy(o => o.Id).SequenceEqual(cart[i].Options.OrderBy(o => o.Id)));
            if (same >= 0 && same < i)
            {
                cart[same] = cart[same] with { Quantity = cart[same].Quantity + cart[i].Quantity };
                cart.RemoveAt(i);
            }
        }
    }

    /// <summary>"Which one do you mean?" with a button per line; the answer applies <paramref name="edit"/> to it.</summary>
    private IReadOnlyList<OutgoingMessage> AskWhich(Turn turn, string edit, List<int> lines)
    {
        var state = turn.State;
        var shown = lines.Take(ChatLimits.MaxButtons).ToList();
        state.Dialogue = state.Dialogue with { PendingEdit = edit, Choices = shown };
        turn.Prompt = Prompt.WhichLine;
        var text = "Which one do you mean?\n" + string.Join("\n", shown.Select((i, k) => $"{k + 1}. {state.Cart[i].Quantity} × {ChatText.Describe(menu, state.Cart[i])}"));
        return [new ButtonsReply(
            ChatLimits.Fit(text, ChatLimits.ButtonBody),
            shown.Select((i, k) => new ChatButton($"{CartButtons.Line}:{state.CartId}:{i}", ChatLimits.Fit($"{k + 1}. {ChatText.Describe(menu, state.Cart[i])}", ChatLimits.ButtonTitle))).ToList())];
    }

    [GeneratedRegex(@"^(?:(?:no|sorry|oops|actually|wait|hmm|ok|okay|oh|make (?:that|it|them|this|those)|change (?:that|it|them|this) to|i meant|i mean|only|just|can you make (?:that|it)|could you make (?:that|it)|make the order|let's do|lets do|let's make it|lets make it)[, ]*)+(?<n>" + N + @")(?:(?: of)? (?<rest>.+?))?(?: (?:not|instead of|rather than) " + N + @")?(?: please| instead| then| only| total| in total)*$")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^(?<n>" + N + @")(?: (?<rest>.+?))? (?:not|instead of|rather than) " + N + @"(?: .*)?$")]
    private static partial Regex NotPattern();

    [GeneratedRegex(@"^(?:(?:please|can you|could you|actually|oh|sorry|and|also|oops|wait|no|hmm|ok|okay|i'd like to|i want to|id like to)[, ]*)*(?:remove|delete|drop|take out|take off|take away|cancel|forget|scratch|lose|ditch|skip|get rid of|no more|nix|minus|i don't want|i dont want|i do not want|don't want|dont want)(?: the| my| that| those)? (?<target>.+?)(?: (?:from|off|out of|on|in) (?:the |my |this |that )?(?<from>.+?))?(?: anymore| any more| please| after all)*$")]
    private static partial Regex RemovePattern();

    [GeneratedRegex(@"^(?:(?:please|can you|could you|actually|oh|sorry|and|also|oops|wait|hmm|ok|okay)[, ]*)*(?:take|leave|hold) (?:the |my |all the )?(?<target>.+?) (?:off|out)(?: (?:of|from|on) (?:the |my |that |both )?(?<from>.+?))?(?: please)?$")]
    private static partial Regex TakeOffPattern();

    [GeneratedRegex(@"^(?:(?:can you|could you|please|actually|sorry|oh|no|wait|ok|okay)[, ]*)*(?:change|switch|swap|replace|turn|make|exchange|sub|substitute) (?:(?<n>" + N + @") of )?(?<from>.+?) (?:to|for|with|into|by|as) (?<to>.+)$")]
    private static partial Regex ReplacePattern();

    [GeneratedRegex(@"^(?:(?:can you|could you|please|actually|sorry|oh|no|wait|ok|okay|i'd like|id like|i want|can i have|can i get|could i get|could i have|make it|give me)[, ]*)*(?<to>.+?),? (?:instead of|in place of|rather than) (?:the |my )?(?<from>.+)$|^instead of (?:the |my )?(?<from>.+?),? (?:can i have |can i get |i'd like |id like |make it |give me |get me )?(?<to>.+)$")]
    private static partial Regex InsteadPattern();

    [GeneratedRegex(@"^(?:(?:can you|could you|please|actually|sorry|oh|and|make|have|change)[, ]*)*(?<n>" + N + @") of (?:the |those |them|these |my )?(?<from>.*?),? (?:as |to |into |be |should be |is |a |an |with |without |no )?(?<to>(?:(?:a|an) )?.+)$")]
    private static partial Regex SplitPattern();

    [GeneratedRegex(@"^(?:(?:can you|could you|please|actually|sorry|oh|and|also|wait|ok|okay|but|i'd like|id like|i want)[, ]*)*(?:make|have|put|get|do|want|like|i'd like|id like|i want|with|without|no|extra|hold|easy on|light on|on|add|and|plus|but)\b ?(?<rest>.*)$")]
    private static partial Regex ModifyPattern();

    [GeneratedRegex(@"^(?:(?:can you|could you|please|also|and)[, ]*)*(?:add|put|throw|get) (?<what>.+?) (?:to|on|onto|in|into|for) (?:the |my |both |all |each |every )?(?<target>.+)$")]
    private static partial Regex AddOntoPattern();

    [GeneratedRegex(@"^(?:(?:please|can you|could you|actually|oh|sorry|and|also|oops|wait|i'd like to|i want to)[, ]*)*(?:remove|delete|drop|take|cancel|make|change|switch|swap|replace|no)\b")]
    private static partial Regex EditVerbPattern();

    [GeneratedRegex(@",? ?\b(?:to|onto|on|into|from|for|in) (?:my|the|that|this) (?:last |previous |current )?(?:order|cart|basket)\b|\b(?:too|as well)$")]
    private static partial Regex OrderTailPattern();
}
