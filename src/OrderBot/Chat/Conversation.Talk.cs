using System.Text.RegularExpressions;
using OrderBot.Extraction;
using OrderBot.Chat.Dialogue;
using OrderBot.Logging;
using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Chat;

/// <summary>The acts that are not orders: small talk, yes and no, commands, questions and the hand-over to a person.</summary>
public sealed partial class Conversation
{
    private static readonly HashSet<string> ThanksCore = ["thanks", "thank", "thx", "ty", "cheers", "tnx", "thnx", "thankyou", "ta", "appreciated", "appreciate", "gracias", "obrigado", "obrigada", "valeu", "merci", "danke", "agradezco", "grax", "brigado", "brigada", "vlw", "agradeço"];
    private static readonly HashSet<string> ByeCore = ["bye", "goodbye", "byebye", "cya", "later", "goodnight", "night", "see", "adios", "adiós", "tchau", "ciao", "chau", "chao", "luego", "logo", "falou"];
    private static readonly HashSet<string> NoCore = ["no", "nope", "nah", "not", "wait", "hold", "negative", "não", "nao", "nel", "nop", "negativo", "espera"];
    private static readonly HashSet<string> RepeatPhrases =
    [
        "same again", "the usual", "my usual", "usual", "same as last time", "same as before", "repeat my last order", "repeat my order",
        "repeat the last order", "repeat last order", "order again", "reorder", "re-order", "same order", "the same", "same thing",
        "same as last", "again", "i'll have the usual", "ill have the usual", "the usual please", "same again please", "same order again",
        "repeat order", "my last order again", "last order again",
        "lo de siempre", "lo mismo de siempre", "lo mismo", "lo mismo que la última vez", "lo mismo que la ultima vez", "repetir el pedido", "repetir mi pedido",
        "o de sempre", "o mesmo", "o mesmo de sempre", "repetir o pedido", "repetir pedido", "repetir meu pedido", "o mesmo da última vez", "o mesmo da ultima vez",
    ];

    private List<OutgoingMessage>? Handover(Turn turn, string text, string[] words)
    {
        var t = string.Join(' ', words);
        if (PersonPattern().IsMatch(t))
        {
            return HandOver(turn, "asked for a person", turn.Texts.HandOverPerson);
        }

        if (StrongComplaintPattern().IsMatch(t) || (WeakComplaintPattern().IsMatch(t) && PastPattern().IsMatch(t)) || DialogueLanguages.All.Any(l => l.Complains(words)))
        {
            return HandOver(turn, "complaint", turn.Texts.HandOverComplaint);
        }

        return null;
    }

    private List<OutgoingMessage> HandOver(Turn turn, string reason, string reply)
    {
        turn.State.HandedOverAt = turn.Now;
        turn.State.HandoverReason = reason;
        turn.Prompt = Prompt.None;
        turn.Misunderstood = false;
        Log.HandedOver(logger, Redact.Phone(turn.State.CustomerId), reason);
        return [new TextReply(reply)];
    }

    private async Task<IReadOnlyList<OutgoingMessage>?> SmallTalkAsync(Turn turn, string[] said, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var memory = state.Dialogue;

        // Emoji other than a yes (🙏, 😊) colour a message without changing what it says.
        var words = said.Where(w => w.Any(char.IsLetterOrDigit) || turn.Words.YesCore.Contains(w)).ToArray();
        if (words.Length == 0)
        {
            return [new TextReply(state.HasCart ? "🙂" + turn.Texts.NotPlacedYet : "🙂")];
        }

        if (turn.Words.SaysYes(string.Join(' ', said)) && turn.Words.SaysYes(turn.Text))
        {
            return await AffirmAsync(turn, cancellationToken);
        }

        if (TextReading.OnlyFrom(words, turn.Words.No, turn.Words.Filler, turn.Words.Thanks) && words.Any(NoCore.Contains))
        {
            turn.State.Dialogue = memory with { Offer = null };
            turn.Prompt = Prompt.None;
            return state.HasCart
                ? [new TextReply(turn.Texts.NoWithCart)]
                : [new TextReply(turn.Texts.NoWithoutCart)];
        }

        if (TextReading.OnlyFrom(words, turn.Words.Greetings, turn.Words.Filler, turn.Words.Thanks) && words.Any(w => turn.Words.Greetings.Contains(w) && !turn.Words.Thanks.Contains(w)))
        {
            turn.Prompt = state.HasCart ? null : Prompt.None;
            return state.HasCart ? [Welcome(turn), CartView(turn)] : [Welcome(turn)];
        }

        var pending = state.HasCart ? turn.Texts.NotPlacedYet : "";
        if (TextReading.OnlyFrom(words, turn.Words.Goodbyes, turn.Words.Thanks, turn.Words.Filler, turn.Words.Approval) && words.Any(ByeCore.Contains))
        {
            return [new TextReply(turn.Texts.ByeReply + pending)];
        }

        if (TextReading.OnlyFrom(words, turn.Words.Thanks, turn.Words.Approval, turn.Words.Filler, turn.Words.Goodbyes) && words.Any(ThanksCore.Contains))
        {
            return [new TextReply(turn.Texts.ThanksReply + pending)];
        }

        if (TextReading.OnlyFrom(words, turn.Words.Approval, turn.Words.Filler))
        {
            return [new TextReply(state.HasCart ? "🙂" + pending : "🙂")];
        }

        return null;
    }

    /// <summary>"yes", "ok", 👍: confirms what the bot asked to confirm, adds what it offered, or restates the order just placed.</summary>
    private async Task<IReadOnlyList<OutgoingMessage>> AffirmAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var memory = state.Dialogue;
        if (memory.Prompt == Prompt.Offer && memory.Offer is { } offered)
        {
            return AddOffered(turn, offered);
        }

        if (state.HasCart)
        {
            if (SizeQuestion.Unsized(menu, state).Count > 0)
            {
                return NudgeSize(turn);
            }

            return memory.Prompt == Prompt.Confirm ? await ConfirmAsync(turn, cancellationToken) : [CartView(turn)];
        }

        if (state.LastOrderId is not null && memory.Prompt == Prompt.Placed)
        {
            return [await AlreadyPlacedAsync(turn, state.LastOrderId, cancellationToken)];
        }

        turn.Prompt = Prompt.None;
        return state.LastOrderId is not null
            ? [await AlreadyPlacedAsync(turn, state.LastOrderId, cancellationToken)]
            : [new TextReply(ChatTexts.Say(turn.Texts.WhatWouldYouLike, Example(turn)))];
    }

    private async Task<IReadOnlyList<OutgoingMessage>?> CommandAsync(Turn turn, string text, string[] words, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var t = string.Join(' ', words.Where(w => w is not ("please" or "pls" or "plz")));
        var intent = IntentReader.Read(t);
        switch (intent.Kind)
        {
            case IntentKind.Help:
                turn.Prompt = state.HasCart ? null : Prompt.None;
                return state.HasCart ? [Welcome(turn), CartView(turn)] : [Welcome(turn)];
            case IntentKind.Menu:
                return [MenuBrowser.Open(menu, turn.Texts)];
            case IntentKind.Status:
                return [await StatusAsync(turn, cancellationToken)];
            case IntentKind.Cancel:
                return state.HasCart ? DropCart(turn) : [await CancelLatestAsync(turn, cancellationToken)];
            case IntentKind.Change:
                turn.Prompt = Prompt.None;
                return state.HasCart ? [ChangeHelp(turn), CartView(turn)] : [await AmendHelpAsync(turn, cancellationToken)];
        }

        if (RepeatPhrases.Contains(t) || DialogueLanguages.All.Any(l => l.Repeat.Contains(t)) || RepeatPattern().IsMatch(t))
        {
            return await RepeatLastAsync(turn, cancellationToken);
        }

        if (CancelOrderPattern().IsMatch(t) || CancelAnywherePattern().IsMatch(t))
        {
            return state.HasCart && !t.Contains("order", StringComparison.Ordinal) && !t.Contains("pedido", StringComparison.Ordinal) ? DropCart(turn) : [await CancelLatestAsync(turn, cancellationToken)];
        }

        return null;
    }

    private async Task<IReadOnlyList<OutgoingMessage>?> QuestionAsync(Turn turn, string text, string[] words, CancellationToken cancellationToken)
    {
        var t = LeadInPattern().Replace(string.Join(' ', words), "");
        var first = t.Split(' ')[0];
        var asks = text.TrimEnd().EndsWith('?') || turn.Words.QuestionStarts.Contains(first) || QuestionOpeningPattern().IsMatch(t) || PricePattern().IsMatch(t);
        if (!asks || OrderRequestPattern().IsMatch(t))
        {
            return null;
        }

        var memory = turn.State.Dialogue;

        if (WaitPattern().IsMatch(t))
        {
            return [await WaitAnswerAsync(turn, cancellationToken)];
        }

        if (ShopPattern().Match(t) is { Success: true } shop)
        {
            return [new TextReply(ChatTexts.Say(turn.Texts.NoShopInfo, turn.Texts.ShopTopic(ShopTopic(shop.Value))))];
        }

        var extracted = await ExtractAsync(turn, text, cancellationToken);
        var item = extracted.Items.Count > 0 ? menu.FindItem(extracted.Items[0].MenuItemId) : null;
        var followUp = FollowUpPattern().IsMatch(t) && memory.Topic is not null;
        if (extracted.Items.Count == 0 && memory.Prompt == Prompt.Offer && memory.Offer is { } asked && menu.FindItem(asked.ItemId) is { } askedItem
            && LineModifiers.Read(menu, askedItem, words) is { Size: { } otherSize })
        {
            // "and the small?": the item just asked about, in another size.
            var read = new ExtractedItem(askedItem.Id, askedItem.Name, 1, 0m, otherSize.Id, []);
            Offer(turn, read, "price");
            return [new TextReply(MenuAnswers.Price(menu, read, turn.Texts))];
        }

        if (PricePattern().IsMatch(t) || (followUp && memory.Topic == "price" && extracted.Items.Count > 0))
        {
            if (extracted.Items.Count > 0)
            {
                if (extracted.Items.Count == 1)
                {
                    Offer(turn, extracted.Items[0], "price");
                }

                return [new TextReply(string.Join("\n", extracted.Items.Select(i => MenuAnswers.Price(menu, i, turn.Texts))))];
            }

            return [new TextReply(turn.State.HasCart
                ? ChatTexts.Say(turn.Texts.CartComesTo, menu.Price(menu.Total(turn.State.Cart)))
                : turn.Texts.WhichPrice)];
        }

        var (tag, allergen) = MenuAnswers.DietaryWord(words.Where(w => !NamedOnMenu(w, item)).ToList());
        if (tag is not null || allergen is not null)
        {
            var about = item ?? ItemNamedInCart(turn, words);
            if (about is not null && extracted.Items.Count == 1)
            {
                Offer(turn, extracted.Items[0], "dietary");
            }

            return [new TextReply(about is not null ? MenuAnswers.Dietary(menu, about, tag, allergen, turn.Texts) : MenuAnswers.DietaryList(menu, tag, allergen, turn.Texts))];
        }

        if (ContentsPattern().IsMatch(t) && item is not null)
        {
            Offer(turn, extracted.Items[0], "contents");
            return [new TextReply(MenuAnswers.Contents(menu, item, turn.Texts))];
        }

        if (BrowsePattern().IsMatch(t) && MenuAnswers.Category(menu, words, turn.Texts) is { } category)
        {
            return [new TextReply(category)];
        }

        if (item is not null && extracted.Items.Count == 1)
        {
            // "do you have garlic bread?": yes, at this price, and one tap adds it.
            var read = extracted.Items[0];
            turn.Prompt = Prompt.Offer;
            turn.State.Dialogue = turn.State.Dialogue with { Offer = new OfferedItem(read.MenuItemId, read.Size, read.Quantity) };
            return [new ButtonsReply(ChatTexts.Say(turn.Texts.YesWeHave, MenuAnswers.Price(menu, read, turn.Texts)), [new ChatButton($"{OfferButton}:{read.MenuItemId}:{read.Quantity}", turn.Texts.YesAddIt)])];
        }

        if (MenuAnswers.Category(menu, words, turn.Texts) is { } anyCategory)
        {
            return [new TextReply(anyCategory)];
        }

        if (extracted.Items.Count > 1)
        {
            return [new TextReply(ChatTexts.Say(turn.Texts.YesPrices, string.Join(" ", extracted.Items.Select(i => MenuAnswers.Price(menu, i, turn.Texts)))))];
        }

        return [new TextReply(turn.Texts.NotSure)];
    }

    /// <summary>Remembers the item a question was about, so "I'll have one" or "a small one" adds it and "and the large?" prices it.</summary>
    private static void Offer(Turn turn, ExtractedItem item, string topic)
    {
        turn.Prompt = Prompt.Offer;
        turn.State.Dialogue = turn.State.Dialogue with { Offer = new OfferedItem(item.MenuItemId, item.Size, 1), Topic = topic };
    }

    /// <summary>A word that names an item or option ("shrimp" on a taco) is an order word, not a dietary question.</summary>
    private bool NamedOnMenu(string word, MenuItem? about) =>
        menu.FindItem(word) is not null || (about is not null && menu.FindOption(about, word) is not null);

    private MenuItem? ItemNamedInCart(Turn turn, string[] words)
    {
        var lines = LineFinder.Find(menu, turn.State.Cart, words, turn.Words);
        return lines.Count == 1 && LineFinder.ContentWords(words, turn.Words).Count > 0 ? menu.FindItem(turn.State.Cart[lines[0]].MenuItemId) : null;
    }

    private async Task<OutgoingMessage> WaitAnswerAsync(Turn turn, CancellationToken cancellationToken) =>
        await LatestOrderAsync(turn.State.CustomerId, cancellationToken) is { } order
            ? new TextReply(ChatTexts.Say(turn.Texts.WaitStatus, order.Number, ChatText.StatusPhrase(order.Status, turn.Texts)))
            : new TextReply(turn.Texts.WaitNoOrder);

    private static string ShopTopic(string matched) => matched switch
    {
        _ when matched.Contains("open", StringComparison.Ordinal) || matched.Contains("close", StringComparison.Ordinal) || matched.Contains("hour", StringComparison.Ordinal) => "hours",
        _ when matched.Contains("deliver", StringComparison.Ordinal) => "delivery",
        _ when matched.Contains("pay", StringComparison.Ordinal) || matched.Contains("card", StringComparison.Ordinal) || matched.Contains("cash", StringComparison.Ordinal) => "payment",
        _ when matched.Contains("park", StringComparison.Ordinal) => "parking",
        _ => "address",
    };

    [GeneratedRegex(@"\b(?:(?:talk|speak|chat)(?: to| with)? (?:a |an |the |some |your )?(?:real )?(?:person|human|someone|somebody|staff|manager|agent|owner|employee|people|representative|boss|operator)|real person|human being|(?:a|an|the) (?:human|manager|agent)\b|call me|customer service|customer support|(?:someone|somebody|anyone|anybody|a person|a human) (?:who works|from the (?:shop|restaurant|store|kitchen))|get me (?:someone|somebody|a person|a human|the manager|a manager)|(?:hablar|habla|hable) con (?:una |un |el |la |alguien|algún |algun )?(?:persona|humano|encargado|encargada|gerente|empleado|alguien)|(?:falar|fala) com (?:um |uma |o |a |alguém|alguem)?(?:atendente|humano|pessoa|gerente|alguém|alguem|responsável|responsavel))")]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"\b(?:complain|complaint|complaining|ridiculous|terrible|awful|disgusting|worst|unacceptable|refund|horrible|rude|inedible|furious|appalling|disgraceful|food poisoning|never again|waste of money|this is a joke|is a joke|pathetic|useless|scam)\b")]
    private static partial Regex StrongComplaintPattern();

    [GeneratedRegex(@"\b(?:cold|late|wrong|missing|burnt|burned|soggy|stale|raw|undercooked|overcooked|spilled|spilt|forgot|forgotten|never came|never arrived|hair|bad)\b")]
    private static partial Regex WeakComplaintPattern();

    [GeneratedRegex(@"\b(?:was|were|last time|yesterday|arrived|came|got|received|delivered|my order|my food|you sent|you forgot|i ordered)\b")]
    private static partial Regex PastPattern();

    /// <summary>
    /// The payment link named ("send me the payment link again", "I lost the link", "manda o link de novo", "el enlace de
    /// pago"); only taken as a request for it when the customer has an online order waiting for payment and no cart.
    /// </summary>
    [GeneratedRegex(@"\b(?:link|links|enlace|enlaces)\b")]
    private static partial Regex PaymentLinkPattern();

    /// <summary>The link again, a new one on its way, or that none is left; null when the customer has no online order to pay.</summary>
    private async Task<OutgoingMessage?> PaymentLinkAgainAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (payments is null || turn.State.HasCart
            || await LatestOrderAsync(turn.State.CustomerId, cancellationToken) is not { Payment: { Method: PaymentMethod.Online, State: PaymentState.Pending } } order)
        {
            return null;
        }

        var texts = Payments.PaymentTexts.For(turn.Texts.Language);
        return new TextReply(await payments.AgainAsync(order, cancellationToken) switch
        {
            Payments.LinkAgain.Open open => ChatTexts.Say(
                texts.Link,
                order.Number,
                ChatText.Price(order.TotalAmount, order.Currency, menu.MinorUnits),
                Math.Max(1, (int)Math.Floor(open.Left.TotalMinutes)),
                open.Link.Url),
            Payments.LinkAgain.Renewing => ChatTexts.Say(texts.Renewing, order.Number),
            _ => ChatTexts.Say(texts.ExpiredFinal, order.Number),
        });
    }

    [GeneratedRegex(@"\b(?:(?:repeat|redo|reorder|re-order|order|have|get|want|do) (?:my |the |that )?(?:last|previous|usual|same)(?: thing| one| order)?(?: again| as (?:last time|before|yesterday))?|same (?:thing |order |one )?(?:again|as (?:last time|before|yesterday|usual))|(?:have|get|want|order) (?:that|it|the same) again|the usual|my usual|my regular|the same as always|my last order|lo (?:mismo )?de siempre|repetir (?:el |mi )?pedido|o (?:mesmo )?de sempre|repetir (?:o |meu )?pedido)\b")]
    private static partial Regex RepeatPattern();

    [GeneratedRegex(@"^(?:(?:actually|sorry|oh|oops|please|yes|yeah|ok|okay|no|hmm|hi|hey|wait|so)[, ]+)*(?:(?:can|could) (?:you|i|we) |i (?:want|would like|'d like|need) to |please )?cancel(?: (?:my|the|this|that))?(?: (?:order|last order|whole order|whole thing|everything|it|all|pizza|burger|food))?(?:[, ]+(?:please|sorry|thanks|thank you|now))*$")]
    private static partial Regex CancelOrderPattern();

    [GeneratedRegex(@"^(?:(?:hey|hi|hello|ok|okay|so|and|also|um|uh|hmm|oh|cool|great|thanks|sorry|excuse me|quick question)[, ]+)+")]
    private static partial Regex LeadInPattern();

    [GeneratedRegex(@"^(?:and |what about |how about |also )")]
    private static partial Regex FollowUpPattern();

    [GeneratedRegex(@"\bcancel (?:my|the|this|that|our) (?:whole |entire |last |current )?order\b|\bcancel (?:it|everything|the whole thing) (?:please|now)\b|\bcancela(?:r)? (?:mi|el|o|meu) pedido\b")]
    private static partial Regex CancelAnywherePattern();

    [GeneratedRegex(@"^(?:do you (?:have|sell|do|serve|make|offer|deliver|take|accept)|have you got|is there|are there|are you|is it|what's|whats|how's|hows|tell me)\b")]
    private static partial Regex QuestionOpeningPattern();

    // "can I get 2 pizzas?" and "could you add a coke?" are orders phrased as questions.
    [GeneratedRegex(@"^(?:hi |hello |hey |ok |okay |yes |and |also )?(?:can|could|may|would|will) (?:i|we|you|u) (?:please |pls |also |just )*(?:get|have|order|grab|take|add|make|give|do|send|put|bring|throw in|include|add on)\b(?! (?:a |an )?(?:delivery|refund|receipt)\b)|^(?:i'd|id|i would|we'd|i will|i'll|ill) (?:like|love|take|have|want)\b")]
    private static partial Regex OrderRequestPattern();

    [GeneratedRegex(@"\b(?:how long|how much longer|when will (?:it|my order|my food|the food)|when is (?:it|my order)|how soon|wait time|waiting time|eta|ready yet|is it ready|be ready)\b")]
    private static partial Regex WaitPattern();

    [GeneratedRegex(@"\b(?:open|opening|close|closing|closed|hours|deliver|delivery|deliveries|pay|payment|card|cards|cash|address|located|location|where are you|where is the (?:shop|store|restaurant)|parking|park)\b")]
    private static partial Regex ShopPattern();

    [GeneratedRegex(@"\b(?:how much|price|prices|pricing|cost|costs|how expensive|what do(?:es)? (?:it|they|a|an|the) .*cost)\b")]
    private static partial Regex PricePattern();

    [GeneratedRegex(@"\b(?:what(?:'s| is| are|s)? (?:on|in)|what comes (?:on|with)|come with|comes with|ingredients|what is (?:a|an|the)|what's (?:a|an|the)|whats (?:a|an|the)|describe|made of|made with|what kind of|what type of)\b")]
    private static partial Regex ContentsPattern();

    [GeneratedRegex(@"\b(?:what|which|any|kinds?|types?|options|choices|flavou?rs|selection|do you have|have you got|got any|list)\b")]
    private static partial Regex BrowsePattern();
}
