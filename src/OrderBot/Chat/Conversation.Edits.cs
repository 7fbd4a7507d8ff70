using System.Globalization;
using System.Text.RegularExpressions;
using OrderBot.Chat.Dialogue;
using OrderBot.Menus;
using OrderBot.Orders;

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

        if (state.HasCart && SizeQuestion.TryAnswer(menu, state, text, turn.Words, turn.Now))
        {
            turn.CartChanged = true;
            return [CartView(turn)];
        }

        if (state.HasCart && ResizeLast(turn, words) is { } resized)
        {
            return resized;
        }

        var unsized = state.HasCart ? SizeQuestion.Unsized(menu, state) : [];
        if (unsized.Count > 0 && ChangeOptions(turn, words, unsized, text) is { } answered)
        {
            // "large, half chicken half beef": the size with more about the same line.
            return answered;
        }

        if (memory.Prompt == Prompt.Offer && memory.Offer is { } offered && TakeOffer(turn, offered, words) is { } taken)
        {
            return taken;
        }

        return null;
    }

    /// <summary>The line "it" means: the one changed last while it still exists, else the cart's last line (-1 for an empty cart).</summary>
    private static int LastLineOf(Turn turn) =>
        turn.State.Dialogue.LastLine is { } l && l >= 0 && l < turn.State.Cart.Count ? l : turn.State.Cart.Count - 1;

    /// <summary>"small", "make it a large": a size alone changes the line changed last.</summary>
    private IReadOnlyList<OutgoingMessage>? ResizeLast(Turn turn, string[] words)
    {
        var cart = turn.State.Cart;
        var last = LastLineOf(turn);
        if (last < 0 || SizeQuestion.Unsized(menu, turn.State).Count > 0 || menu.FindItem(cart[last].MenuItemId) is not { Sizes.Count: > 0 } item)
        {
            return null;
        }

        if (words.Any(w => w is not ("a" or "an") && TextReading.Number(w, turn.Words) is not null))
        {
            return null;
        }

        var modifiers = LineModifiers.Read(menu, item, words);
        var rest = LineFinder.ContentWords(modifiers.Rest, turn.Words).Where(w => w is not ("make" or "size" or "change" or "instead")).ToList();
        return modifiers is { Size: not null, Added.Count: 0, Removed.Count: 0 } && rest.Count == 0 ? ChangeOptions(turn, words, [last], string.Join(' ', words)) : null;
    }

    private static readonly HashSet<string> TakeWords =
    [
        "i'll", "ill", "i", "we", "have", "take", "i'd", "id", "like", "want", "give", "me", "get", "let", "make", "it", "sounds", "good", "great",
        "cool", "sure", "yes", "yeah", "ok", "okay", "perfect", "then", "please", "those", "of", "them", "that", "one", "ones", "a", "an", "go", "for",
        "with", "add", "order", "try", "do", "can", "could", "would", "love", "nice",
    ];

    /// <summary>"I'll have one", "a small one please", "2 of those without mayo": the item just asked about, as said.</summary>
    private IReadOnlyList<OutgoingMessage>? TakeOffer(Turn turn, OfferedItem offered, string[] words)
    {
        if (menu.FindItem(offered.ItemId) is not { } item)
        {
            return null;
        }

        if (words.Any(w => NamesItem(item, w)))
        {
            // The item named again: the order reading takes it, with everything else the message says.
            return null;
        }

        var modifiers = LineModifiers.Read(menu, item, words);
        var content = LineFinder.ContentWords(modifiers.Rest, turn.Words).Where(w => !TakeWords.Contains(w) && !turn.Words.Take.Contains(w)).ToList();
        var pointed = words.Any(w => w is "one" or "ones" or "those" or "them" or "it" or "that" or "some") || words.Any(turn.Words.Take.Contains) || modifiers.Any;
        if (content.Count > 0 || !pointed)
        {
            return null;
        }

        var quantity = words.Select(w => w is "a" or "an" ? null : Count(w, turn.Words)).FirstOrDefault(n => n is not null) ?? 1;
        if (CartEditor.LineFor(menu, item.Id, Math.Clamp(quantity, 1, menu.MaxQuantity), offered.Size) is not { } line)
        {
            return null;
        }

        turn.State.Dialogue = turn.State.Dialogue with { Offer = null, Topic = null };
        CartEditor.Add(menu, turn.State, modifiers.ApplyTo(menu, line), menu.MaxQuantity, turn.Now);
        turn.State.Dialogue = turn.State.Dialogue with { LastLine = turn.State.HasCart ? turn.State.Cart.Count - 1 : null };
        turn.CartChanged = true;
        return [CartView(turn)];
    }

    /// <summary>"the first", "2", "the large one": which of the lines offered by "which one do you mean?".</summary>
    private int? ChosenLine(Turn turn, string[] words)
    {
        var choices = turn.State.Dialogue.Choices.Where(i => i >= 0 && i < turn.State.Cart.Count).ToList();
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

        var fitting = choices.Where(i => LineFinder.FitsWholly(menu, turn.State.Cart[i], words, turn.Words)).ToList();
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
            return [SizeQuestion.Ask(menu, state, open, turn.Texts) switch
            {
                ButtonsReply b => b with { Text = turn.Texts.AlmostSize + b.Text },
                ListReply l => l with { Text = turn.Texts.AlmostSize + l.Text },
                var other => new TextReply(turn.Texts.AlmostSize + other.Text),
            }];
        }

        var chosen = new List<string>();
        foreach (var i in open)
        {
            var size = SizeQuestion.Sensible(menu, menu.FindItem(state.Cart[i].MenuItemId)!);
            CartEditor.SetSize(menu, state, i, size.Id, turn.Now);
            chosen.Add(ChatTexts.Say(turn.Texts.SizeFor, size.Name.ToLowerInvariant(), state.Cart[i].Name));
        }

        turn.CartChanged = true;
        return [new TextReply(ChatTexts.Say(turn.Texts.WentWith, string.Join(turn.Texts.And, chosen))), CartView(turn)];
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
            ?? SwapHalf(turn, t, onlyLine)
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

        if (!match.Success)
        {
            match = JustPattern().Match(t);
        }

        if (!match.Success || Count(match.Groups["n"].Value, turn.Words) is not { } quantity)
        {
            return null;
        }

        var description = TextReading.Words(match.Groups["rest"].Value);
        var content = LineFinder.ContentWords(description, turn.Words);
        var lines = onlyLine is { } only ? [only] : Described(turn, description);
        if (content.Count > 0 && onlyLine is null)
        {
            lines = lines.Where(i => LineFinder.FitsWholly(menu, turn.State.Cart[i], description, turn.Words)).ToList();
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
        return Changed(turn, [index], turn.Texts.Done);
    }

    private static int? Count(string word, DialogueWords language) =>
        word switch
        {
            "a couple" => 2,
            "a dozen" => 12,
            _ => TextReading.Number(word, language),
        };

    /// <summary>The lines some words describe; "it" and "that" mean the line changed last, "the other one" its twin.</summary>
    private List<int> Described(Turn turn, IReadOnlyList<string> words)
    {
        var cart = turn.State.Cart;
        var last = LastLineOf(turn);
        if (words.Contains("other") && last >= 0)
        {
            var rest = words.Where(w => w != "other").ToList();
            var twins = Enumerable.Range(0, cart.Count).Where(i => i != last && cart[i].MenuItemId == cart[last].MenuItemId).ToList();
            var fitting = twins.Where(i => LineFinder.FitsWholly(menu, cart[i], rest, turn.Words)).ToList();
            return fitting.Count > 0 ? [fitting[0]] : twins.Count > 0 ? [twins[0]] : [];
        }

        var found = LineFinder.Find(menu, cart, words, turn.Words);
        return LineFinder.ContentWords(words, turn.Words).Count == 0 && found.Count == 1 && last >= 0 && !words.Any(turn.Words.All.Contains) ? [last] : found;
    }

    private IReadOnlyList<OutgoingMessage>? Remove(Turn turn, string t, int? onlyLine)
    {
        string target, from;
        if (TakeOffPattern().Match(t) is { Success: true } takeOff)
        {
            (target, from) = (takeOff.Groups["target"].Value, takeOff.Groups["from"].Value);
        }
        else if (RemovePattern().Match(t) is { Success: true } match)
        {
            (target, from) = (match.Groups["target"].Value, match.Groups["from"].Value);
        }
        else
        {
            return null;
        }

        var cart = turn.State.Cart;
        var words = TextReading.Words(target);
        var count = words.Length > 0 && (char.IsAsciiDigit(words[0][0]) || words[0] is not ("a" or "an")) ? Count(words[0], turn.Words) : null;
        var fromWords = TextReading.Words(from);
        if (from.Length > 0 && LineFinder.Find(menu, cart, fromWords, turn.Words).Count == 0)
        {
            // "remove the coke from the list": the tail names no line, so it is no line's option either.
            (words, fromWords, from) = ([.. words, .. fromWords], [], "");
        }

        var lines = onlyLine is { } only ? [only] : Described(turn, words).Where(i => LineFinder.FitsWholly(menu, cart[i], words, turn.Words)).ToList();
        if (from.Length == 0 && lines.Count > 0 && (onlyLine is not null || !NamesOptionOnly(turn, words, lines)))
        {
            if (lines.Count > 1 && !words.Any(turn.Words.All.Contains) && count is null or 1 && lines.Sum(i => cart[i].Quantity) > 1 && (count is 1 ? lines.Select(i => cart[i].MenuItemId).Distinct().Count() > 1 : true))
            {
                return AskWhich(turn, t, lines);
            }

            var removed = new List<string>();
            foreach (var index in lines.OrderDescending())
            {
                var line = cart[index];
                var take = count is { } c ? Math.Min(c, line.Quantity) : line.Quantity;
                removed.Add($"{take} × {ChatText.Describe(menu, turn.Texts, line)}");
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
            turn.State.Dialogue = turn.State.Dialogue with { LastLine = null };
            var said = ChatTexts.Say(turn.Texts.Removed, string.Join(", ", removed));
            if (!turn.State.HasCart)
            {
                var amending = turn.State.Dialogue.AmendsOrderId is not null;
                turn.State.ClearCart();
                turn.Prompt = Prompt.None;
                return [new TextReply(said + (amending ? turn.Texts.PlacedUnchanged : turn.Texts.EmptyNow))];
            }

            return [new TextReply(said), CartView(turn)];
        }

        // "remove the onions (from the burger)": an option, not a line.
        var targets = onlyLine is { } o ? [o] : from.Length > 0 ? Described(turn, fromWords) : [];
        return ChangeOptions(turn, ["no", .. words], targets, t)
            ?? [new TextReply(ChatTexts.Say(turn.Texts.NotInOrder, ChatLimits.Fit(target, 60))), CartView(turn)];
    }

    /// <summary>"remove the onions" names an option; "remove the veggie one" or "remove the burger" names a line.</summary>
    private bool NamesOptionOnly(Turn turn, string[] words, List<int> lines) =>
        !words.Any(w => w is "one" or "ones")
        && lines.All(i => menu.FindItem(turn.State.Cart[i].MenuItemId) is { } item
            && LineModifiers.Read(menu, item, words) is { Any: true, Rest: var rest }
            && LineFinder.ContentWords(rest, turn.Words).Count == 0
            && !LineFinder.ContentWords(words, turn.Words).Any(w => NamesItem(item, w)));

    private static bool NamesItem(MenuItem item, string word) =>
        item.Aliases.Prepend(item.Name).Prepend(item.Category).Any(n => Menu.NormalizeKey(n).Split(' ').Any(part => LineFinder.Same(part, word)));

    /// <summary>"make the chicken half mushrooms": the option on that half is swapped, the other half kept.</summary>
    private IReadOnlyList<OutgoingMessage>? SwapHalf(Turn turn, string t, int? onlyLine)
    {
        if (HalfSwapPattern().Match(t) is not { Success: true } match)
        {
            return null;
        }

        var cart = turn.State.Cart;
        var from = TextReading.Words(match.Groups["from"].Value);
        foreach (var index in onlyLine is { } only ? [only] : Enumerable.Range(0, cart.Count).Reverse())
        {
            var item = menu.FindItem(cart[index].MenuItemId)!;
            var named = LineModifiers.Read(menu, item, from).Added.Select(o => o.Id).ToHashSet();
            var old = cart[index].Options.FirstOrDefault(o => o.Half is not null && named.Contains(o.Id));
            var next = LineModifiers.Read(menu, item, TextReading.Words(match.Groups["to"].Value)).Added;
            if (old is null || next.Count == 0 || next.Any(o => !menu.Group(o.Group).Halves))
            {
                continue;
            }

            var options = cart[index].Options.Where(o => o != old).Concat(next.Select(o => o with { Half = old.Half })).ToList();
            cart[index] = CartEditor.Reprice(menu, cart[index] with { Options = options });
            return Changed(turn, [index], turn.Texts.Changed);
        }

        return null;
    }

    /// <summary>"change the coke to a sprite", "fanta instead of coke", "one of the cokes a diet coke", "switch the pepperoni for sausage".</summary>
    private async Task<IReadOnlyList<OutgoingMessage>?> ReplaceAsync(Turn turn, string t, int? onlyLine, CancellationToken cancellationToken)
    {
        string fromText, toText;
        int? splitCount = null;
        if (ReplacePattern().Match(t) is { Success: true } replace)
        {
            (fromText, toText) = (replace.Groups["from"].Value, replace.Groups["to"].Value);
            splitCount = replace.Groups["n"].Success ? Count(replace.Groups["n"].Value, turn.Words) : null;
            if (splitCount is null && TextReading.Words(fromText) is [{ } alone] && alone is not ("a" or "an") && Count(alone, turn.Words) is { } counted)
            {
                // "make one with no onion": a count alone names units of the line meant, not a line.
                (fromText, splitCount) = ("", counted);
            }
        }
        else if (InsteadPattern().Match(t) is { Success: true } instead)
        {
            (fromText, toText) = (instead.Groups["from"].Value, instead.Groups["to"].Value);
        }
        else if (SplitPattern().Match(t) is { Success: true } split)
        {
            (fromText, toText) = (split.Groups["from"].Value, split.Groups["to"].Value);
            splitCount = Count(split.Groups["n"].Value, turn.Words);
        }
        else
        {
            return null;
        }

        var cart = turn.State.Cart;
        var fromWords = TextReading.Words(fromText);
        var lines = onlyLine is { } only ? [only] : Described(turn, fromWords)
            .Where(i => LineFinder.ContentWords(fromWords, turn.Words).Count == 0 || LineFinder.FitsWholly(menu, cart[i], fromWords, turn.Words)).ToList();
        if (splitCount is not null && lines.Count > 1)
        {
            // "one of them without onions": of the lines meant, the one that has more than one.
            var several = lines.Where(i => cart[i].Quantity > 1).ToList();
            lines = several.Count == 1 ? several : lines;
        }

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
        var swapped = SwappedOptions(item, line, fromWords);
        var modifiers = LineModifiers.Read(menu, item, toWords);
        OrderLine changed;
        if (modifiers.Any && LineFinder.ContentWords(modifiers.Rest, turn.Words).All(w => LineFinder.Fits(menu, line, w)))
        {
            changed = modifiers.ApplyTo(menu, swapped);
        }
        else
        {
            var read = await ExtractAsync(turn, toText, cancellationToken);
            if (read.Items.Count != 1)
            {
                return null;
            }

            var next = read.Items[0];
            var nextItem = menu.FindItem(next.MenuItemId)!;
            var size = next.Size ?? (line.Size is not null && nextItem.Sizes.Contains(line.Size) ? line.Size : null);
            var kept = next.Options.Count > 0 || nextItem.Id != item.Id
                ? CartEditor.OptionsFrom(next)
                : swapped.Options.ToList();
            if (nextItem.Id != item.Id)
            {
                // Options that fit the new item too stay ("the coke to a sprite": a large coke becomes a large sprite).
                kept.AddRange(swapped.Options.Where(o => menu.FindOption(nextItem, o.Id) is not null && kept.All(k => k.Id != o.Id)));
            }

            changed = CartEditor.Reprice(menu, new OrderLine(nextItem.Name, line.Quantity, 0m, nextItem.Id, size, kept));
        }

        var units = splitCount is { } s ? Math.Min(s, line.Quantity) : line.Quantity;
        if (units < line.Quantity)
        {
            cart[index] = line with { Quantity = line.Quantity - units };
            cart.Insert(index + 1, changed with { Quantity = units });
            return Changed(turn, [index + 1], turn.Texts.Changed, merge: false);
        }

        cart[index] = changed with { Quantity = line.Quantity };
        return Changed(turn, [index], turn.Texts.Changed);
    }

    /// <summary>The line without the options that <paramref name="fromWords"/> name ("the pepperoni" in "switch the pepperoni for sausage").</summary>
    private OrderLine SwappedOptions(MenuItem item, OrderLine line, string[] fromWords)
    {
        var named = LineModifiers.Read(menu, item, fromWords).Added.Select(o => o.Id).ToHashSet();
        var present = line.Options.Where(o => named.Contains(o.Id) && !o.Negated).ToList();
        return present.Count == 0 || fromWords.Any(w => NamesItem(item, w)) ? line : line with { Options = line.Options.Except(present).ToList() };
    }

    /// <summary>"make the burger a double", "no onions", "with extra cheese on both", "add bacon to the burger", "make it large".</summary>
    private IReadOnlyList<OutgoingMessage>? Modify(Turn turn, string t, int? onlyLine)
    {
        if (AddOntoPattern().Match(t) is { Success: true } onto)
        {
            var targets = onlyLine is { } only ? [only] : Described(turn, TextReading.Words(onto.Groups["target"].Value));
            if (targets.Count > 0 && ChangeOptions(turn, TextReading.Words(onto.Groups["what"].Value), targets, t) is { } added)
            {
                return added;
            }
        }

        if (CanBePattern().Match(t) is { Success: true } canBe)
        {
            var targets = onlyLine is { } only ? [only] : Described(turn, TextReading.Words(canBe.Groups["target"].Value));
            if (targets.Count > 0 && ChangeOptions(turn, TextReading.Words(canBe.Groups["rest"].Value), targets, t) is { } changed)
            {
                return changed;
            }
        }

        if (OnLinePattern().Match(t) is { Success: true } onLine
            && Described(turn, TextReading.Words(onLine.Groups["target"].Value)) is { Count: > 0 } described
            && described.All(i => LineFinder.FitsWholly(menu, turn.State.Cart[i], TextReading.Words(onLine.Groups["target"].Value), turn.Words) || LineFinder.ContentWords(TextReading.Words(onLine.Groups["target"].Value), turn.Words).Count == 0)
            && ChangeOptions(turn, TextReading.Words(onLine.Groups["what"].Value), onlyLine is { } on ? [on] : described, t) is { } onTarget)
        {
            // "no cheese on the veggie one": the words after "on the" say which line, the words before what changes.
            return onTarget;
        }

        if (ModifyPattern().Match(t) is not { Success: true } match)
        {
            return null;
        }

        var rest = TextReading.Words(match.Groups["rest"].Value);
        var pointed = onlyLine is { } o ? [o] : rest.Contains("other") ? Described(turn, rest) : [];
        return ChangeOptions(turn, rest, pointed, t);
    }

    /// <summary>
    /// Applies the sizes and options in <paramref name="words"/> to the lines they describe (or <paramref name="targets"/>):
    /// words left over must describe the line. Null when no line takes any of it.
    /// </summary>
    private IReadOnlyList<OutgoingMessage>? ChangeOptions(Turn turn, string[] words, List<int> targets, string original)
    {
        var cart = turn.State.Cart;
        var candidates = new List<(int Index, LineModifiers Modifiers)>();
        var everyLine = words.Any(turn.Words.All.Contains) && !words.Contains("one");
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
            var rest = LineFinder.ContentWords(modifiers.Rest, turn.Words);
            if (modifiers.Any && (rest.Count == 0 || rest.All(w => LineFinder.Fits(menu, cart[i], w))))
            {
                candidates.Add((i, modifiers));
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var described = candidates.Where(c => LineFinder.ContentWords(c.Modifiers.Rest, turn.Words).Count > 0).ToList();
        if (described.Count > 0)
        {
            candidates = described;
        }
        else if (candidates.Count > 1 && !everyLine && targets.Count != 1)
        {
            // Nothing says which line: removals go to the lines that have the option, anything else to the line changed last.
            var having = candidates.Where(c => c.Modifiers.Removed.Count > 0 && c.Modifiers.Removed.All(id => cart[c.Index].Options.Any(o => o.Id == id && !o.Negated) || menu.FindItem(cart[c.Index].MenuItemId)!.Defaults.Contains(id))).ToList();
            var last = turn.State.Dialogue.LastLine;
            candidates = having.Count == 1 ? having : candidates.Any(c => c.Index == last) ? [candidates.First(c => c.Index == last)] : [candidates[^1]];
        }

        if (candidates.Count > 1 && !everyLine && candidates.Select(c => cart[c.Index].MenuItemId).Distinct().Count() < candidates.Count && targets.Count == 0)
        {
            return AskWhich(turn, original, candidates.Select(c => c.Index).ToList());
        }

        foreach (var (index, modifiers) in candidates)
        {
            cart[index] = modifiers.ApplyTo(menu, cart[index]);
        }

        return Changed(turn, candidates.Select(c => c.Index).ToList(), turn.Texts.Changed);
    }

    /// <summary>Says what changed, remembers the line for "it" and "the other one", merges lines that became equal, shows the cart.</summary>
    private IReadOnlyList<OutgoingMessage> Changed(Turn turn, List<int> lines, string verb, bool merge = true)
    {
        var cart = turn.State.Cart;
        var said = $"{verb}: {string.Join(", ", lines.Select(i => $"{cart[i].Quantity} × {ChatText.Describe(menu, turn.Texts, cart[i])}"))}.";
        turn.State.Dialogue = turn.State.Dialogue with { LastLine = lines.Count == 1 ? lines[0] : null };
        if (merge && MergeEqualLines(cart))
        {
            turn.State.Dialogue = turn.State.Dialogue with { LastLine = null };
        }

        turn.State.CartUpdatedAt = turn.Now;
        turn.CartChanged = true;
        return [new TextReply(said), CartView(turn)];
    }

    private static bool MergeEqualLines(List<OrderLine> cart)
    {
        var merged = false;
        for (var i = cart.Count - 1; i > 0; i--)
        {
            var same = cart.FindIndex(l => l.MenuItemId == cart[i].MenuItemId && l.Size == cart[i].Size && l.Options.OrderBy(o => o.Id).SequenceEqual(cart[i].Options.OrderBy(o => o.Id)));
            if (same >= 0 && same < i)
            {
                cart[same] = cart[same] with { Quantity = cart[same].Quantity + cart[i].Quantity };
                cart.RemoveAt(i);
                merged = true;
            }
        }

        return merged;
    }

    /// <summary>"Which one do you mean?" with a button per line; the answer applies <paramref name="edit"/> to it.</summary>
    private List<OutgoingMessage> AskWhich(Turn turn, string edit, List<int> lines)
    {
        var state = turn.State;
        var shown = lines.Take(ChatLimits.MaxButtons).ToList();
        state.Dialogue = state.Dialogue with { PendingEdit = edit, Choices = shown };
        turn.Prompt = Prompt.WhichLine;
        var text = turn.Texts.WhichOne + "\n" + string.Join("\n", shown.Select((i, k) => $"{k + 1}. {state.Cart[i].Quantity} × {ChatText.Describe(menu, turn.Texts, state.Cart[i])}"));
        return [new ButtonsReply(
            ChatLimits.Fit(text, ChatLimits.ButtonBody),
            shown.Select((i, k) => new ChatButton($"{CartButtons.Line}:{state.CartId}:{i}", ChatLimits.Fit($"{k + 1}. {ChatText.Describe(menu, turn.Texts, state.Cart[i])}", ChatLimits.ButtonTitle))).ToList())];
    }

    // turn.Words a correction may open with, before its verb: "sorry, ", "hmm actually ", "can you ", "oh and ".
    private const string Lead = @"(?:(?:hmm+|um+|uh+|ok|okay|oh|oops|sorry|actually|wait|please|and|also|but|yes|yeah|so|well|hey|then|on second thoughts?|scratch that|my bad|nvm|never mind|nevermind|correction|change of plans?|i changed my mind|can you|could you|would you|can i|could i|can we|can|could|would|will|should|i'd like to|id like to|i want to|i'd like|id like|i want|i need|let's|lets)[, ]+)*";

    // A correction may also open with "no": "no, make that 2"; before an option it means "without" and is no lead-in.
    private const string NoLead = @"(?:no[, ]+)?" + Lead;

    [GeneratedRegex("^" + NoLead + @"(?:make (?:that|it|them|this|those)|change (?:that|it|them|this) to|i meant|i mean|make the order|let's do|lets do|let's make it|lets make it|(?:only|just) (?:the )?)? ?(?:the )?(?<n>" + N + @")(?:(?: of)? (?<rest>.+?))??(?: (?:not|instead of|rather than) " + N + @")?(?: please| instead| then| only| total| in total| actually| thanks)*$")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex("^" + NoLead + @"(?<n>" + N + @")(?: (?<rest>.+?))? (?:not|instead of|rather than) " + N + @"(?: .*)?$")]
    private static partial Regex NotPattern();

    [GeneratedRegex(@"^(?:.+? )?(?:only|just) (?:want |need |the )?(?<n>" + N + @") (?<rest>.+)$")]
    private static partial Regex JustPattern();

    [GeneratedRegex("^" + NoLead + @"(?:remove|delete|drop|take out|take off|take away|cancel|forget|scratch|lose|ditch|skip|get rid of|no more|nix|minus|i don't want|i dont want|i do not want|don't want|dont want|leave out|leave off)(?: the| my| that| those)? (?<target>.+?)(?: (?:from|off|out of|on|in) (?:the |my |this |that )?(?<from>.+?))?(?: anymore| any more| please| after all| thanks)*$")]
    private static partial Regex RemovePattern();

    [GeneratedRegex("^" + NoLead + @"(?:take|leave|hold) (?:the |my |all the )?(?<target>.+?) (?:off|out)(?: (?:of |from |on )?(?:the |my |that |both )?(?<from>.+?))?(?: please| thanks)*$")]
    private static partial Regex TakeOffPattern();

    [GeneratedRegex("^" + NoLead + @"(?:make|change|switch|turn) (?:the |that )?(?<from>.+?) half (?:to |into |for |with )?(?:(?:a|an) )?(?<to>.+)$")]
    private static partial Regex HalfSwapPattern();

    [GeneratedRegex("^" + NoLead + @"(?:change|switch|swap|replace|turn|make|exchange|sub|substitute) (?:(?<n>" + N + @") of )?(?<from>.+?) (?:to|for|with|into|by|as) (?<to>.+)$")]
    private static partial Regex ReplacePattern();

    [GeneratedRegex("^" + NoLead + @"(?:can i have |can i get |could i get |could i have |make it |give me |i'll have |ill have )?(?<to>.+?),? (?:instead of|in place of|rather than) (?:the |my )?(?<from>.+)$|^" + Lead + @"instead of (?:the |my )?(?<from>.+?),? (?:can i have |can i get |could i have |could i get |i'd like |id like |make it |give me |get me |i'll have |ill have )?(?<to>.+)$")]
    private static partial Regex InsteadPattern();

    [GeneratedRegex("^" + Lead + @"(?:make |have |change |let )?(?<n>" + N + @") of (?:the |those |them|these |my )?(?<from>.*?),? (?:as |to |into |be |should be |is |a |an )?(?<to>(?:(?:a|an) )?.+)$|^" + Lead + @"(?:make |have )?(?<n>one|1|two|2) (?<to>(?:with|without|no|extra|in|on|as) .+)$")]
    private static partial Regex SplitPattern();

    [GeneratedRegex("^" + Lead + @"(?:(?:make|have|put|get|do|want|like|i'd like|id like|i want)\b ?(?<rest>.*)|(?<rest>(?:with|without|no|extra|hold|easy on|light on|on|add|plus)\b.*))$")]
    private static partial Regex ModifyPattern();

    [GeneratedRegex("^" + Lead + @"(?:add|put|throw|get|have) (?<what>.+?) (?:to|on|onto|in|into|for|with) (?:the |my |both |all |each |every )?(?<target>.+)$")]
    private static partial Regex AddOntoPattern();

    [GeneratedRegex("^" + Lead + @"(?:make |have |put |get |i want |i'd like |id like )?(?<what>.+?) (?:on|for|in|to|with) (?:the|my|that|both|all|each|every|them|it|those|these)\b ?(?<target>.*)$")]
    private static partial Regex OnLinePattern();

    [GeneratedRegex("^" + Lead + @"(?:can|could|would|will) (?:the |my )?(?<target>.+?) (?:be|have|come|get|come with) (?<rest>.+)$")]
    private static partial Regex CanBePattern();

    [GeneratedRegex("^" + Lead + @"(?:remove|delete|drop|take|cancel|make|change|switch|swap|replace|no)\b")]
    private static partial Regex EditVerbPattern();

    [GeneratedRegex(@",? ?\b(?:to|onto|on|into|from|for|in) (?:my|the|that|this) (?:last |previous |current )?(?:order|cart|basket|list)\b|\b(?:too|as well)$")]
    private static partial Regex OrderTailPattern();
}
