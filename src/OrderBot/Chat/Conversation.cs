using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Chat.Dialogue;
using OrderBot.Customers;
using OrderBot.Extraction;
using OrderBot.Logging;
using OrderBot.Menus;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// The message handler: reads one customer message as dialogue acts against the menu, the open cart and the latest
/// order, applies them and answers with channel-neutral messages. It knows no channel; WhatsApp, the web page and
/// the terminal all call it.
/// </summary>
/// <remarks>
/// The state is loaded into the caller's <see cref="OrderBotDbContext"/> and left unsaved, so the caller saves
/// it together with the inbox row and the replies in one transaction. Orders are placed through
/// <see cref="OrderHandler"/> with the cart's id as idempotency key: handling the same message again after a
/// crash, or a Confirm pressed twice, finds the order placed the first time instead of placing another.
/// A message only adds items when it orders them: questions, small talk, corrections and answers to the bot's
/// questions are read first, in that order.
/// </remarks>
public sealed partial class Conversation(
    IOrderExtractor extractor,
    OrderHandler orders,
    CustomerDirectory customers,
    Menu menu,
    TimeProvider time,
    IOptions<ConversationOptions> options,
    ILogger<Conversation> logger,
    Stock.StockList? stock = null,
    Payments.IPaymentLinks? payments = null)
{
    public const string IdempotencyScope = "chat";

    /// <summary>
    /// The language of this message: the one its words clearly tell (among the menu's languages and every language
    /// the bot speaks, since a customer may write Spanish to an English menu), else the one the conversation had,
    /// else the menu's first language.
    /// </summary>
    private string LanguageOf(ConversationState state, IncomingContent content)
    {
        var known = state.Dialogue.Language ?? (menu.Languages.Count > 0 ? menu.Languages[0] : Languages.SupportedLanguages.Default);
        if (content is not TextContent text)
        {
            return known;
        }

        // Menu names tell nothing about the customer: "2 al pastor tacos" is English on an English menu.
        var words = TextReading.Words(text.Text).Where(w => !MenuWords.Contains(w)).ToList();
        var candidates = menu.Languages.Concat(DialogueLanguages.Codes).Distinct(StringComparer.Ordinal).ToList();
        var detected = Languages.LanguageDetector.Detect(string.Join(' ', words), candidates);
        var byDialogue = DialogueLanguages.Tell(words, candidates);
        // The parser's words and the dialogue's ("chegou", "péssimo") disagreeing is no clear switch: keep the language.
        return detected is null ? byDialogue ?? known : byDialogue is null || byDialogue == detected ? detected : known;
    }

    private HashSet<string> MenuWords => _menuWords ??= MenuNames().SelectMany(TextReading.Words).ToHashSet(StringComparer.Ordinal);

    private HashSet<string>? _menuWords;

    private IEnumerable<string> MenuNames() =>
        menu.Items.SelectMany(i => i.Aliases.Append(i.Name).Concat(i.Names.Values))
            .Concat(menu.Sizes.SelectMany(s => s.Aliases.Append(s.Name).Concat(s.Names.Values)))
            .Concat(menu.OptionGroups.SelectMany(g => g.Options).SelectMany(o => o.Aliases.Append(o.Name).Concat(o.Names.Values)));

    public Task<IReadOnlyList<OutgoingMessage>> HandleAsync(OrderBotDbContext db, IncomingMessage message, CancellationToken cancellationToken) =>
        HandleAsync(db, message, Reads(), cancellationToken);

    /// <summary>Shop-wide reads for messages handled together (<see cref="ChatProcessor"/>): each is read once for all of them.</summary>
    public ShopReads Reads() => new(orders, stock);

    /// <summary>Handles the message in the caller's unit of work, with shop-wide facts from <paramref name="reads"/>.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> HandleAsync(OrderBotDbContext db, IncomingMessage message, ShopReads reads, CancellationToken cancellationToken)
    {
        // The customer row commits with the conversation; a caller that loaded the customer and the state reads neither again.
        var customer = await customers.UpsertAsync(db, message.CustomerId, message.DisplayName, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var state = db.ConversationStates.Local.FirstOrDefault(s => s.CustomerId == message.CustomerId)
            ?? await db.ConversationStates.FirstOrDefaultAsync(s => s.CustomerId == message.CustomerId, cancellationToken);
        if (state is null)
        {
            state = new ConversationState { CustomerId = message.CustomerId, Channel = message.Channel, CreatedAt = now };
            db.ConversationStates.Add(state);
        }

        state.Channel = message.Channel;
        state.UpdatedAt = now;
        var language = ChatLanguage.For(LanguageOf(state, message.Content));
        // Stored with the customer, so status notices and templates sent later, outside the conversation, use it too.
        customer.Language = language.Code;

        state.Dialogue = state.Dialogue with { Language = language.Code };
        var turn = new Turn(state, message, now, language) { Reads = reads };
        if (state.HandedOverAt is { } since)
        {
            if (now - since < options.Value.HandoverTimeout)
            {
                // A person has the conversation: the message waits in the inbox for them, the bot says nothing.
                Log.HeldForStaff(logger, Redact.Phone(message.CustomerId));
                return [];
            }

            state.HandBack();
        }

        if (state.HasCart && now - state.CartUpdatedAt > options.Value.CartLifetime)
        {
            state.ClearCart();
            turn.Replies.Add(new TextReply(turn.Texts.CartExpired));
        }

        if (Collecting(turn))
        {
            // Only a conversation that may show an as-soon-as-possible estimate needs the kitchen's queue.
            turn.QueuedOrders = await reads.QueuedOrdersAsync(cancellationToken);
        }

        Log.Handling(logger, Redact.Phone(message.CustomerId), message.Channel, message.Content.GetType().Name);
        var replies = message.Content switch
        {
            TextContent text => await OnTextAsync(turn, text.Text, cancellationToken),
            ChoiceContent choice => await OnChoiceAsync(turn, choice, cancellationToken),
            CatalogOrderContent catalog => OnCatalogOrder(turn, catalog),
            LocationContent pin => OnLocation(turn, pin),
            _ => [new TextReply(ChatTexts.Say(turn.Texts.OnlyText, Example(turn)))],
        };
        turn.Replies.AddRange(replies);
        Finish(turn);
        return turn.Replies;
    }

    /// <summary>Remembers what the bot asked, so the next short answer is read as the answer to it, and never asks the same twice in a row.</summary>
    private static void Finish(Turn turn)
    {
        var memory = turn.State.Dialogue;
        var last = turn.Replies.LastOrDefault();
        if (last is not null && last.Text == memory.LastQuestion && memory.Prompt == Prompt.Size && turn.Prompt is null or Prompt.Size && !turn.CartChanged)
        {
            // The same size question again: say it differently rather than repeat it word for word.
            turn.Replies[^1] = last is ButtonsReply b
                ? b with { Text = turn.Texts.StillNeedSize + b.Text }
                : new TextReply(turn.Texts.StillNeedSize + last.Text);
            last = turn.Replies[^1];
        }

        var prompt = turn.Prompt ?? memory.Prompt;
        turn.State.Dialogue = memory with
        {
            Prompt = prompt,
            LastQuestion = last is ButtonsReply or ListReply ? last.Text : memory.LastQuestion,
            Misunderstood = turn.Misunderstood ? memory.Misunderstood + 1 : 0,
            SizeNudges = prompt == Prompt.Size ? turn.State.Dialogue.SizeNudges : 0,
        };
    }

    private async Task<IReadOnlyList<OutgoingMessage>> OnTextAsync(Turn turn, string said, CancellationToken cancellationToken)
    {
        turn.Text = said;
        var text = turn.Words.Expand(said);
        var words = TextReading.Words(text);
        if (words.Length == 0)
        {
            return [new TextReply(ChatTexts.Say(turn.Texts.TypeOrder, Example(turn)))];
        }

        if (Handover(turn, text, words) is { } handedOver)
        {
            return handedOver;
        }

        // Before fulfilment reading, which takes "send me the link" as choosing online payment for a next order.
        if (PaymentLinkPattern().IsMatch(text.ToLowerInvariant()) && await PaymentLinkAgainAsync(turn, cancellationToken) is { } link)
        {
            return [link];
        }

        if (Collecting(turn) && ReadFulfilment(turn, said) is { } remaining)
        {
            // What is left goes on as an order only when it orders something: "actually I'll pay cash" is about payment alone.
            var rest = turn.Words.Expand(remaining);
            var restWords = TextReading.Words(rest);
            if (restWords.Length == 0 || (await ExtractAsync(turn, rest, cancellationToken)).Items.Count == 0)
            {
                return AfterFulfilment(turn);
            }

            text = rest;
            words = restWords;
        }

        if (await AnswerPromptAsync(turn, text, words, cancellationToken) is { } answered)
        {
            return answered;
        }

        if (await SmallTalkAsync(turn, words, cancellationToken) is { } talk)
        {
            return talk;
        }

        if (await CommandAsync(turn, text, words, cancellationToken) is { } command)
        {
            return command;
        }

        // A correction in the customer's language is read in the dialogue's own wording ("que sean 3" is "make that 3").
        var (actText, actWords) = turn.Words.Acts.Read(words, turn.Words) is { } act ? (act, TextReading.Words(act)) : (text, words);

        // A correction of the open cart is read before questions: "can you put them on brioche?" changes the cart.
        if (turn.State.HasCart && await EditAsync(turn, actText, actWords, cancellationToken) is { } edited)
        {
            return edited;
        }

        if (await QuestionAsync(turn, text, words, cancellationToken) is { } answer)
        {
            return answer;
        }

        if (!turn.State.HasCart && await EditAsync(turn, actText, actWords, cancellationToken) is { } amended)
        {
            return amended;
        }

        return await OrderAsync(turn, text, AddTarget(text, words), cancellationToken);
    }

    private async Task<ExtractedOrder> ExtractAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        if (!turn.Extracted.TryGetValue(text, out var extracted))
        {
            extracted = await extractor.ExtractAsync(text, cancellationToken);
            turn.Extracted[text] = extracted;
        }

        return extracted;
    }

    private async Task<IReadOnlyList<OutgoingMessage>> OrderAsync(Turn turn, string said, string text, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var extracted = await ExtractAsync(turn, text, cancellationToken);
        if (extracted.IsEmpty && extracted.Ambiguities.Count == 0)
        {
            return NotUnderstood(turn, extracted);
        }

        if (extracted.Unrecognized.Count > 0 && Misspelled(turn, text) is { } typo)
        {
            // "garlic bred": the words almost spell one item; a topping read from half of them would be a guess.
            return [typo];
        }

        await StartAmendingIfAskedAsync(turn, said, cancellationToken);
        var lines = UnitsReader.Apply(menu, text, extracted.Items.Select(CartEditor.LineFrom).ToList(), turn.Words);
        var halved = HalvesReader.Apply(menu, text, lines);
        var soldOut = await SoldOutAsync(turn, cancellationToken);
        var refused = new List<string>();
        foreach (var line in halved)
        {
            if (soldOut.Refusal(line) is { } reply)
            {
                refused.Add(reply);
                continue;
            }

            CartEditor.Add(menu, state, line, menu.MaxQuantity, turn.Now);
        }

        if (!ReferenceEquals(halved, lines))
        {
            // The halves were read: "half" is no longer an unknown word.
            extracted = extracted with { Unrecognized = extracted.Unrecognized.Where(u => !TextReading.Words(u).All(w => w is "half" or "halves" or "one" or "other" or "the" or "left" or "right" or "plain")).ToList() };
        }

        state.Dialogue = state.Dialogue with { LastLine = state.HasCart ? state.Cart.Count - 1 : null };
        turn.CartChanged |= extracted.Items.Count > 0;
        if (!string.IsNullOrWhiteSpace(extracted.SpecialInstructions))
        {
            state.SpecialInstructions = string.IsNullOrEmpty(state.SpecialInstructions)
                ? extracted.SpecialInstructions
                : $"{state.SpecialInstructions}; {extracted.SpecialInstructions}";
        }

        var replies = new List<OutgoingMessage>();
        // "cool, 2 tacos" or "buenas! 2 tacos": the courtesy around an order is not an unknown dish.
        var unknown = extracted.Unrecognized.Where(u => !TextReading.OnlyFrom(TextReading.Words(u), turn.Words.Approval, turn.Words.Thanks, turn.Words.Greetings, turn.Words.Filler, turn.Words.Yes, turn.Words.Goodbyes));
        var notes = refused.Concat(unknown.Select(p => Unrecognized(turn, p))).Concat(extracted.Ambiguities.Select(a => ChatText.Question(a, turn.Texts))).ToList();
        if (notes.Count > 0)
        {
            // A long message can leave many unknown parts; the reply still has to fit one WhatsApp text (found by ChatFuzzTests).
            replies.Add(new TextReply(ChatLimits.Fit(string.Join("\n", notes), ChatLimits.TextBody)));
        }

        if (state.HasCart)
        {
            replies.Add(CartView(turn));
        }

        return replies;
    }

    /// <summary>Nothing of the menu in it and no act the bot knows: say so kindly; the third time in a row, a person takes over.</summary>
    private List<OutgoingMessage> NotUnderstood(Turn turn, ExtractedOrder extracted)
    {
        turn.Misunderstood = true;
        if (turn.State.Dialogue.Misunderstood + 1 >= 3)
        {
            return HandOver(turn, "misunderstood", turn.Texts.HandOverMisunderstood);
        }

        var suggestion = extracted.Unrecognized.Count == 1 ? Suggest(turn, extracted.Unrecognized[0]) : null;
        if (suggestion is not null)
        {
            turn.Misunderstood = false;
            return [suggestion];
        }

        var cart = turn.State.HasCart ? turn.Texts.CartUnchanged : "";
        return [new TextReply(ChatTexts.Say(turn.Texts.NotUnderstood, cart, Example(turn)))];
    }

    /// <summary>"Did you mean Garlic Bread?" as a button that adds exactly that item; null when nothing on the menu is close.</summary>
    private ButtonsReply? Suggest(Turn turn, string phrase)
    {
        var closest = MenuSuggestions.Closest(menu, phrase, 3);
        if (closest.Count == 0)
        {
            return null;
        }

        var quantity = TextReading.Words(phrase).Select(w => TextReading.Number(w, turn.Words)).FirstOrDefault(n => n is not null) ?? 1;
        var items = closest.Select(name => menu.FindItem(name)!).ToList();
        turn.Prompt = Prompt.Offer;
        turn.State.Dialogue = turn.State.Dialogue with { Offer = new OfferedItem(items[0].Id, null, quantity) };
        var quoted = ChatLimits.Fit(phrase, 80);
        return new ButtonsReply(
            ChatTexts.Say(turn.Texts.DidYouMean, quoted, string.Join(turn.Texts.Or, items.Select(i => i.Name))),
            items.Select(i => new ChatButton($"{OfferButton}:{i.Id}:{quantity}", ChatLimits.Fit(i.Name, ChatLimits.ButtonTitle))).ToList());
    }

    private const string OfferButton = "offer";

    /// <summary>An example order from this menu, in the turn's language.</summary>
    private string Example(Turn turn) => MenuBrowser.Example(menu, turn.Texts);

    /// <summary>A "Did you mean …?" offer when the whole message (less its count) is a near miss of one item's name.</summary>
    private ButtonsReply? Misspelled(Turn turn, string text)
    {
        var words = TextReading.Words(text).Where(w => TextReading.Number(w, turn.Words) is null && !turn.Words.Filler.Contains(w)).ToArray();
        if (words.Length is 0 or > 4)
        {
            return null;
        }

        var phrase = string.Join(' ', words);
        var closest = MenuSuggestions.Closest(menu, phrase, 1);
        if (closest.Count == 0 || menu.FindItem(phrase) is not null)
        {
            return null;
        }

        var item = menu.FindItem(closest[0])!;
        var nameWords = item.Aliases.Prepend(item.Name).Select(n => Menu.NormalizeKey(n).Split(' ')).ToList();
        var close = nameWords.Any(n => n.Length == words.Length && n.Zip(words).All(p => LineFinder.Same(p.First, p.Second) || MenuSuggestions.Distance(p.First, p.Second) <= Math.Max(1, p.First.Length / 4)));
        return close ? Suggest(turn, text) : null;
    }

    private string Unrecognized(Turn turn, string phrase)
    {
        var closest = MenuSuggestions.Closest(menu, phrase);
        var quoted = ChatLimits.Fit(phrase, 80);
        return closest.Count == 0
            ? ChatTexts.Say(turn.Texts.NotOnMenu, quoted)
            : ChatTexts.Say(turn.Texts.DidYouMeanType, quoted, string.Join(turn.Texts.Or, closest));
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
                return [await AlreadyPlacedAsync(turn, state.LastOrderId, cancellationToken)];
            case CartButtons.Change when forOpenCart:
                turn.Prompt = Prompt.None;
                return [ChangeHelp(turn)];
            case CartButtons.Cancel when forOpenCart:
                return DropCart(turn);
            case CartButtons.Size when forOpenCart && parts.Length == 4:
                return AnswerSizeButton(turn, parts[2], parts[3]);
            case CartButtons.Line when forOpenCart && parts.Length == 3 && int.TryParse(parts[2], out var line):
                return await ApplyPendingEditAsync(turn, line, cancellationToken);
            case CartButtons.Confirm or CartButtons.Change or CartButtons.Cancel or CartButtons.Size or CartButtons.Line:
                return [new TextReply(turn.Texts.CartClosed)];
            case OfferButton when parts.Length == 3 && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var quantity) && quantity > 0:
                return AddOffered(turn, new OfferedItem(parts[1], null, quantity));
            case "menu":
                var page = MenuBrowser.Choose(menu, choice.Id, turn.Texts, out var itemId);
                if (page is not null)
                {
                    return [page];
                }

                return AddOffered(turn, new OfferedItem(itemId!, null, 1));
            case "status":
                return [await StatusAsync(turn, cancellationToken)];
            case FulfilmentButton when parts.Length > 1 && Collecting(turn):
                return OnFulfilmentChoice(turn, parts);
            default:
                // A template's quick reply or a button of an older version: its title is what the customer meant.
                return await OnTextAsync(turn, choice.Title, cancellationToken);
        }
    }

    /// <summary>Adds what the bot offered (a suggestion, a menu pick, an item asked about) exactly as offered.</summary>
    private IReadOnlyList<OutgoingMessage> AddOffered(Turn turn, OfferedItem offered)
    {
        turn.State.Dialogue = turn.State.Dialogue with { Offer = null };
        var quantity = Math.Clamp(offered.Quantity, 1, menu.MaxQuantity);
        if (CartEditor.LineFor(menu, offered.ItemId, quantity, offered.Size) is not { } line)
        {
            return [new TextReply(turn.Texts.ItemGone), MenuBrowser.Open(menu, turn.Texts)];
        }

        CartEditor.Add(menu, turn.State, line, menu.MaxQuantity, turn.Now);
        turn.CartChanged = true;
        return [CartView(turn)];
    }

    private List<OutgoingMessage> OnCatalogOrder(Turn turn, CatalogOrderContent catalog)
    {
        var state = turn.State;
        state.ClearCart();
        state.Dialogue = state.Dialogue with { LastLine = null };
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

            CartEditor.Add(menu, state, line, menu.MaxQuantity, turn.Now);
        }

        if (!string.IsNullOrWhiteSpace(catalog.Note) && state.HasCart)
        {
            state.SpecialInstructions = ChatLimits.Fit(catalog.Note.Trim(), OrderRequest.MaxSpecialInstructionsLength);
        }

        turn.CartChanged = state.HasCart;
        var replies = new List<OutgoingMessage>();
        if (unknown.Count > 0)
        {
            replies.Add(new TextReply(ChatTexts.Say(turn.Texts.ProductsGone, string.Join(", ", unknown))));
        }

        replies.Add(state.HasCart ? CartView(turn) : new TextReply(turn.Texts.TypeInstead));
        return replies;
    }

    /// <summary>One message being handled: the conversation's state, the message and the language it is answered in.</summary>
    private sealed record Turn(ConversationState State, IncomingMessage Message, DateTime Now, ChatLanguage Language)
    {
        public DialogueWords Words => Language.Words;

        public ChatTexts Texts => Language.Texts;

        /// <summary>The text as the customer sent it (for a choice: its title).</summary>
        public string Text { get; set; } = "";

        public List<OutgoingMessage> Replies { get; } = [];

        /// <summary>What the last reply asks; null keeps the open question (small talk does not close it).</summary>
        public Prompt? Prompt { get; set; }

        public bool CartChanged { get; set; }

        public bool Misunderstood { get; set; }

        public required ShopReads Reads { get; init; }

        /// <summary>Orders confirmed or being prepared when the message came (the kitchen's queue), with a shop file.</summary>
        public int QueuedOrders { get; set; }

        /// <summary>What the extractor read from each text this turn: one message may be read by several steps (the model is not asked twice).</summary>
        public Dictionary<string, ExtractedOrder> Extracted { get; } = new(StringComparer.Ordinal);

        /// <summary>What to say before the next fulfilment question or summary (an unreadable time, a method not taken).</summary>
        public List<string> FulfilmentNotes { get; } = [];
    }

    private static partial class Log
    {
        [LoggerMessage(3001, LogLevel.Debug, "Handling a {Content} from {Customer} on {Channel}")]
        public static partial void Handling(ILogger logger, string customer, string channel, string content);

        [LoggerMessage(3002, LogLevel.Information, "Conversation with {Customer} handed to staff: {Reason}")]
        public static partial void HandedOver(ILogger logger, string customer, string reason);

        [LoggerMessage(3003, LogLevel.Debug, "Message from {Customer} kept for staff; the bot stays silent while a person has the conversation")]
        public static partial void HeldForStaff(ILogger logger, string customer);
    }
}
