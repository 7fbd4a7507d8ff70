using System.Globalization;
using System.Text;
using OrderBot.Chat.Dialogue;
using OrderBot.Chat.Fulfilment;
using OrderBot.Orders;
using OrderBot.Shop;

namespace OrderBot.Chat;

/// <summary>
/// With a shop file, the conversation collects what the kitchen needs after the items: pickup or delivery, an address
/// or pin in a zone, a time inside opening hours, payment and tip. Whatever a message already says fills the draft
/// (<see cref="DialogueMemory.Fulfilment"/>); only what is missing is asked, one question at a time, with buttons.
/// Without a shop file (<see cref="ShopSettings.None"/>) none of this runs.
/// </summary>
public sealed partial class Conversation
{
    private const string FulfilmentButton = "ful";

    private ShopSettings Shop => orders.Shop;

    private static FulfilmentTexts Says(Turn turn) => FulfilmentTexts.For(turn.Texts.Language);

    /// <summary>A new order in a shop with a shop file; an amendment keeps the placed order's fulfilment.</summary>
    private bool Collecting(Turn turn) => Shop.IsConfigured && turn.State.Dialogue.AmendsOrderId is null;

    private static FulfilmentDraft Draft(Turn turn) => turn.State.Dialogue.Fulfilment ?? new FulfilmentDraft();

    private static void Keep(Turn turn, FulfilmentDraft draft) => turn.State.Dialogue = turn.State.Dialogue with { Fulfilment = draft };

    private DateTime LocalNow(Turn turn) => Shop.Hours.LocalTime(new DateTimeOffset(turn.Now, TimeSpan.Zero));

    /// <summary>
    /// Reads what a text says about fulfilment into the draft, as the answer to the open question when there is one.
    /// Returns the text left for the order parser, or null when the message said nothing about fulfilment.
    /// </summary>
    private string? ReadFulfilment(Turn turn, string said)
    {
        var draft = Draft(turn);
        var asked = turn.State.Dialogue.Prompt == Prompt.Fulfilment ? draft.Asked : null;
        if (asked == FulfilmentStep.Schedule && draft.Offered is { } offered && turn.Words.SaysYes(said))
        {
            Keep(turn, draft with { Asap = false, At = offered, Offered = null, Asked = null });
            return "";
        }

        if (asked == FulfilmentStep.Postcode && PostcodeAnswer(said) is { } postcode)
        {
            Keep(turn, draft with { Postcode = postcode, Address = $"{draft.Address}, {postcode}", Asked = null });
            return "";
        }

        var now = LocalNow(turn);
        FulfilmentQuestion? question = asked switch
        {
            FulfilmentStep.Mode => FulfilmentQuestion.Mode,
            FulfilmentStep.Address or FulfilmentStep.Postcode => FulfilmentQuestion.Address,
            FulfilmentStep.Time or FulfilmentStep.Schedule => FulfilmentQuestion.Time,
            FulfilmentStep.Payment => FulfilmentQuestion.Payment,
            FulfilmentStep.Tip => FulfilmentQuestion.Tip,
            _ => null,
        };
        var read = question is { } q ? FulfilmentReader.ReadAnswer(said, turn.Texts.Language, q, now) : FulfilmentReader.Read(said, turn.Texts.Language, now);

        // An answer to "what's the address?" is an address only with a number in it (street number, postcode): "add a coke" is not one.
        if (question == FulfilmentQuestion.Address && read.Address is { } answer && !answer.Text.Any(char.IsDigit))
        {
            read = FulfilmentReader.Read(said, turn.Texts.Language, now);
        }

        if (!read.Any)
        {
            return null;
        }

        Keep(turn, Merge(turn, draft, read, said));
        return read.Remaining;
    }

    /// <summary>A bare postcode sent after "which postcode is that?" ("NW1 8AB", "28013", "01305-000").</summary>
    private static string? PostcodeAnswer(string said)
    {
        var text = said.Trim().TrimEnd('.');
        return text.Length is > 2 and <= 10 && text.Any(char.IsDigit) && text.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-') ? text : null;
    }

    private FulfilmentDraft Merge(Turn turn, FulfilmentDraft draft, FulfilmentMentions read, string said)
    {
        var d = draft with { Asked = null };
        if (read.Mode is { } mode)
        {
            d = d with { Mode = mode == MentionedMode.Pickup ? FulfilmentMode.Pickup : FulfilmentMode.Delivery };
        }

        if (read.Address is { } address)
        {
            // An address is where to deliver: "actually it's 9 Bayham St" switches to delivery unless the message says otherwise.
            d = d with { Address = address.Text, Postcode = address.Postcode, Latitude = null, Longitude = null, Mode = read.Mode is null ? FulfilmentMode.Delivery : d.Mode };
        }

        if (read.Time is { } time)
        {
            d = time.Asap ? d with { Asap = true, At = null, Offered = null } : d with { Asap = false, At = Pick(turn, time), Offered = null };
        }

        if (read.Payment is { } payment)
        {
            d = d with { Payment = payment switch { MentionedPayment.Cash => PaymentMethod.Cash, MentionedPayment.Card => PaymentMethod.Card, _ => PaymentMethod.Online } };
        }

        if (read.Tip is { } tip)
        {
            d = d with { TipPercent = tip.Percent };
        }

        if (read.Problems.Contains(FulfilmentProblem.InvalidTime))
        {
            var span = read.Spans.FirstOrDefault(s => s.Kind == MentionKind.Time);
            var written = span.Length > 0 ? said.Substring(span.Start, span.Length).Trim() : said.Trim();
            turn.FulfilmentNotes.Add(ChatTexts.Say(Says(turn).UnreadableTime, ChatLimits.Fit(written, 40)));
            d = d with { Asap = null, At = null };
        }

        if (read.Problems.Contains(FulfilmentProblem.AddressTooLong))
        {
            turn.FulfilmentNotes.Add(Says(turn).AddressTooLong);
            d = d with { Address = null, Postcode = null };
        }

        return d;
    }

    /// <summary>Of the readings of "at 7" (19:00 today, 07:00 tomorrow), the first the shop can take; else the reader's own.</summary>
    private DateTime? Pick(Turn turn, TimeMention time)
    {
        var now = new DateTimeOffset(turn.Now, TimeSpan.Zero);
        var readings = time.Alternatives.Count > 0 ? time.Alternatives : time.At is { } at ? [at] : [];
        foreach (var reading in readings)
        {
            if (Shop.Hours.Check(Shop.Hours.ToInstant(reading), now, Shop.MaxDaysAhead) == RequestedTimeVerdict.Allowed)
            {
                return reading;
            }
        }

        return time.At;
    }

    /// <summary>What to answer after the draft changed: the cart's next question or summary, or (no cart yet) "what would you like?".</summary>
    private IReadOnlyList<OutgoingMessage> AfterFulfilment(Turn turn)
    {
        if (turn.State.HasCart)
        {
            return [CartView(turn)];
        }

        turn.Prompt = Prompt.None;
        return [new TextReply(Body(turn, Says(turn).Noted))];
    }

    private IReadOnlyList<OutgoingMessage> OnFulfilmentChoice(Turn turn, string[] parts)
    {
        var d = Draft(turn) with { Asked = null };
        var value = parts.Length > 2 ? parts[2] : "";
        d = parts[1] switch
        {
            "mode" when Enum.TryParse<FulfilmentMode>(value, true, out var mode) && Enum.IsDefined(mode) => d with { Mode = mode },
            "asap" => d with { Asap = true, At = null, Offered = null },
            "at" when DateTime.TryParseExact(value, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) => d with { Asap = false, At = at, Offered = null },
            "pay" when Enum.TryParse<PaymentMethod>(value, true, out var method) && Enum.IsDefined(method) => d with { Payment = method },
            "tip" when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var percent) && percent >= 0 => d with { TipPercent = percent },
            _ => d,
        };
        Keep(turn, d);
        return AfterFulfilment(turn);
    }

    private IReadOnlyList<OutgoingMessage> OnLocation(Turn turn, LocationContent pin)
    {
        if (!Collecting(turn) || !Shop.Modes.Contains(FulfilmentMode.Delivery))
        {
            return [new TextReply(turn.Texts.LocationThanks)];
        }

        var d = Draft(turn) with { Asked = null };
        if (!Coordinates.IsLatitude(pin.Latitude) || !Coordinates.IsLongitude(pin.Longitude))
        {
            turn.Prompt = Prompt.Fulfilment;
            Keep(turn, d with { Asked = FulfilmentStep.Address, Latitude = null, Longitude = null });
            return [new TextReply(Says(turn).UnreadableLocation + " " + Says(turn).AskAddress)];
        }

        var address = string.IsNullOrWhiteSpace(pin.Address) ? null : ChatLimits.Fit(pin.Address.Trim(), FulfilmentReader.MaxAddressLength);
        var postcode = address is null ? null : FulfilmentReader.ReadAnswer(address, turn.Texts.Language, FulfilmentQuestion.Address, LocalNow(turn)).Address?.Postcode;
        Keep(turn, d with { Mode = FulfilmentMode.Delivery, Latitude = pin.Latitude, Longitude = pin.Longitude, Address = address, Postcode = postcode });
        return AfterFulfilment(turn);
    }

    private DeliveryZone? ZoneOf(FulfilmentDraft d) =>
        (d.Latitude is { } lat && d.Longitude is { } lon ? Shop.Zones.ForCoordinates(lat, lon) : null)
        ?? Shop.Zones.ForPostcode(d.Postcode)
        ?? Shop.Zones.ForAddress(d.Address);

    /// <summary>The methods the customer can choose from. Online needs a payment provider, which the chat does not offer yet.</summary>
    // Online is offered only when a payment provider can make the link (Payments:Provider and the shop's methods).
    private IReadOnlyList<PaymentMethod> PaymentChoices =>
        Shop.PaymentMethods.Where(m => m != PaymentMethod.Online || payments?.OnlineAvailable == true).ToList();

    /// <summary>The next question about fulfilment, or null when everything the kitchen needs is known (the draft is then complete).</summary>
    private OutgoingMessage? NextFulfilmentQuestion(Turn turn)
    {
        var says = Says(turn);
        var d = Draft(turn);
        var now = new DateTimeOffset(turn.Now, TimeSpan.Zero);

        if (d.Mode is null)
        {
            if (Shop.Modes.Count == 1)
            {
                d = d with { Mode = Shop.Modes[0] };
            }
            else
            {
                return Ask(FulfilmentStep.Mode, says.AskMode, [Button("mode:pickup", says.Pickup), Button("mode:delivery", says.Delivery)]);
            }
        }

        if (d.Mode == FulfilmentMode.Delivery)
        {
            if (!d.HasPlace)
            {
                return Ask(FulfilmentStep.Address, says.AskAddress, []);
            }

            var zone = ZoneOf(d);
            if (zone is null && d.Latitude is null && d.Postcode is null && Shop.Zones.All.Any(z => z.Postcodes.Count > 0))
            {
                return Ask(FulfilmentStep.Postcode, says.AskPostcode, []);
            }

            if (zone is null)
            {
                var place = string.IsNullOrWhiteSpace(d.Address) ? says.YourLocation : d.Address;
                d = d with { Address = null, Postcode = null, Latitude = null, Longitude = null };
                return Ask(FulfilmentStep.Address, ChatTexts.Say(says.OutsideZone, place, ShopPlace), PickupInstead());
            }

            var subtotal = menu.Total(turn.State.Cart);
            if (subtotal < zone.MinimumOrder)
            {
                // The address stays: adding items or choosing pickup both move on.
                return Ask(null, ChatTexts.Say(says.BelowMinimum, menu.Price(zone.MinimumOrder), menu.Price(subtotal)), PickupInstead());
            }
        }

        if (d.Asap == true && !Shop.Hours.IsOpenAt(now))
        {
            return OfferOpening(ChatTexts.Say(says.ClosedNow, "{0}"), Shop.Hours.NextOpening(now));
        }

        if (d.Asap is null)
        {
            if (!Shop.Hours.IsOpenAt(now))
            {
                return OfferOpening(ChatTexts.Say(says.ClosedNow, "{0}"), Shop.Hours.NextOpening(now));
            }

            var soonest = Shop.Hours.LocalTime(now + Estimate(turn, d));
            return Ask(FulfilmentStep.Time, ChatTexts.Say(says.AskTime, (int)Estimate(turn, d).TotalMinutes, Clock(soonest)), [Button("asap", says.Asap)]);
        }

        if (d.Asap == false)
        {
            if (d.At is not { } at)
            {
                d = d with { Asap = null };
                return Ask(FulfilmentStep.Time, ChatTexts.Say(says.TimePassed), [Button("asap", says.Asap)]);
            }

            switch (Shop.Hours.Check(Shop.Hours.ToInstant(at), now, Shop.MaxDaysAhead))
            {
                case RequestedTimeVerdict.Closed:
                    return OfferOpening(ChatTexts.Say(says.ClosedThen, When(turn, at), "{0}"), Shop.Hours.NextOpening(Shop.Hours.ToInstant(at)));
                case RequestedTimeVerdict.InThePast:
                    d = d with { Asap = null, At = null };
                    return Ask(FulfilmentStep.Time, says.TimePassed, [Button("asap", says.Asap)]);
                case RequestedTimeVerdict.TooFarAhead:
                    d = d with { Asap = null, At = null };
                    return Ask(FulfilmentStep.Time, ChatTexts.Say(says.TooFarAhead, Shop.MaxDaysAhead), [Button("asap", says.Asap)]);
            }
        }

        var methods = PaymentChoices;
        if (d.Payment is { } chosen && !methods.Contains(chosen))
        {
            turn.FulfilmentNotes.Add(ChatTexts.Say(says.PaymentNotTaken, PaymentName(turn, chosen).ToLowerInvariant()));
            d = d with { Payment = null };
        }

        if (d.Payment is null && methods.Count == 1)
        {
            d = d with { Payment = methods[0] };
        }
        else if (d.Payment is null && methods.Count > 1)
        {
            return Ask(FulfilmentStep.Payment, says.AskPayment, methods.Select(m => Button($"pay:{m.ToString().ToLowerInvariant()}", PaymentName(turn, m))).ToList());
        }

        if (Shop.Tips.Count == 0)
        {
            d = d with { TipPercent = null };
        }
        else
        {
            if (d.TipPercent is { } percent && percent != 0 && !Shop.Tips.Contains(percent))
            {
                turn.FulfilmentNotes.Add(ChatTexts.Say(says.TipNotOffered, string.Join(", ", Shop.Tips.Select(Percent))));
                d = d with { TipPercent = null };
            }

            if (d.TipPercent is null)
            {
                return AskTip();
            }
        }

        Keep(turn, d with { Asked = null, Offered = null });
        return null;

        OutgoingMessage Ask(FulfilmentStep? step, string text, IReadOnlyList<ChatButton> buttons)
        {
            Keep(turn, d with { Asked = step });
            turn.Prompt = Prompt.Fulfilment;
            var body = ChatLimits.Fit(Body(turn, text), ChatLimits.ButtonBody);
            return buttons.Count == 0 ? new TextReply(body) : new ButtonsReply(body, buttons);
        }

        OutgoingMessage OfferOpening(string text, DateTimeOffset? opens)
        {
            d = d with { Asap = null, At = null };
            if (opens is null)
            {
                return Ask(FulfilmentStep.Time, says.NeverOpens, []);
            }

            var local = Shop.Hours.LocalTime(opens.Value);
            d = d with { Offered = local };
            var day = local.Date == LocalNow(turn).Date ? Clock(local) : $"{says.Days[(int)local.DayOfWeek]} {Clock(local)}";
            return Ask(FulfilmentStep.Schedule, ChatTexts.Say(text, When(turn, local)),
                [Button($"at:{local.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}", ChatTexts.Say(says.ScheduleFor, day))]);
        }

        OutgoingMessage AskTip()
        {
            var choices = Shop.Tips.Select(t => (Id: $"tip:{t.ToString(CultureInfo.InvariantCulture)}", Title: Percent(t))).Prepend((Id: "tip:0", Title: says.NoTip)).ToList();
            if (choices.Count <= ChatLimits.MaxButtons)
            {
                return Ask(FulfilmentStep.Tip, says.AskTip, choices.Select(c => Button(c.Id, c.Title)).ToList());
            }

            Keep(turn, d with { Asked = FulfilmentStep.Tip });
            turn.Prompt = Prompt.Fulfilment;
            var rows = choices.Take(ChatLimits.MaxListRows).Select(c => new ListRow($"{FulfilmentButton}:{c.Id}", ChatLimits.Fit(c.Title, ChatLimits.RowTitle))).ToList();
            return new ListReply(ChatLimits.Fit(Body(turn, says.AskTip), ChatLimits.ButtonBody), ChatLimits.Fit(says.TipListButton, ChatLimits.ListButtonLabel), [new ListSection(ChatLimits.Fit(says.Tip, ChatLimits.SectionTitle), rows)]);
        }

        IReadOnlyList<ChatButton> PickupInstead() =>
            Shop.Modes.Contains(FulfilmentMode.Pickup) ? [Button("mode:pickup", says.PickupInstead)] : [];
    }

    private static ChatButton Button(string id, string title) => new($"{FulfilmentButton}:{id}", ChatLimits.Fit(title, ChatLimits.ButtonTitle));

    /// <summary>As soon as possible: preparation, the zone's delivery time, and a few minutes per order the kitchen already has.</summary>
    private TimeSpan Estimate(Turn turn, FulfilmentDraft d) =>
        ShopOrderRules.Lead(Shop, d.Mode == FulfilmentMode.Delivery ? ZoneOf(d) : null, turn.QueuedOrders);

    /// <summary>The notes of this turn (an unreadable time, a method not taken), the cart when it just changed, then the text.</summary>
    private string Body(Turn turn, string text)
    {
        var body = new StringBuilder();
        foreach (var note in turn.FulfilmentNotes)
        {
            body.Append(note).Append('\n');
        }

        turn.FulfilmentNotes.Clear();
        if (turn.CartChanged && turn.State.HasCart)
        {
            body.Append(ChatText.CartSummary(menu, turn.State, turn.Texts)).Append("\n\n");
        }

        return body.Append(text).ToString();
    }

    /// <summary>The cart with everything the kitchen needs, and Confirm / Change / Cancel.</summary>
    private ButtonsReply FulfilmentSummary(Turn turn)
    {
        var says = Says(turn);
        var state = turn.State;
        var d = Draft(turn);
        var price = PriceOf(turn, d);
        var text = new StringBuilder();
        foreach (var note in turn.FulfilmentNotes)
        {
            text.Append(note).Append('\n');
        }

        turn.FulfilmentNotes.Clear();
        text.Append(turn.Texts.YourOrder).Append(":\n");
        foreach (var line in state.Cart)
        {
            text.Append("• ").AppendLine(ChatText.Line(menu, turn.Texts, line));
        }

        if (price.Fee > 0 || price.Tip > 0 || (!Shop.Tax.Included && price.Tax > 0))
        {
            text.Append(says.Subtotal).Append(": ").AppendLine(menu.Price(price.Subtotal));
        }

        if (price.Fee > 0)
        {
            text.Append(says.Fee).Append(": ").AppendLine(menu.Price(price.Fee));
        }

        if (price.Tax > 0)
        {
            text.Append(Shop.Tax.Included ? says.TaxIncluded : says.Tax).Append(": ").AppendLine(menu.Price(price.Tax));
        }

        if (price.Tip > 0)
        {
            text.Append(says.Tip).Append(": ").AppendLine(menu.Price(price.Tip));
        }

        text.Append(turn.Texts.Total).Append(": ").AppendLine(menu.Price(price.Total));
        text.AppendLine(d.Mode == FulfilmentMode.Delivery
            ? ChatTexts.Say(says.DeliverTo, string.IsNullOrWhiteSpace(d.Address) ? says.YourLocation : d.Address)
            : ChatTexts.Say(says.PickupAt, ShopPlace));
        var at = d.Asap == false && d.At is { } requested ? When(turn, requested) : ChatTexts.Say(says.AsapAbout, Clock(Shop.Hours.LocalTime(new DateTimeOffset(turn.Now, TimeSpan.Zero) + Estimate(turn, d))));
        text.Append(says.When).Append(": ").AppendLine(at);
        if (d.Payment is { } method)
        {
            text.Append(says.Payment).Append(": ").AppendLine(PaymentName(turn, method));
        }

        if (!string.IsNullOrWhiteSpace(state.SpecialInstructions))
        {
            text.Append(turn.Texts.Note).Append(": ").AppendLine(state.SpecialInstructions);
        }

        return new ButtonsReply(
            ChatLimits.Fit(text.ToString().TrimEnd(), ChatLimits.ButtonBody),
            [
                new ChatButton($"{CartButtons.Confirm}:{state.CartId}", turn.Texts.Confirm),
                new ChatButton($"{CartButtons.Change}:{state.CartId}", turn.Texts.Change),
                new ChatButton($"{CartButtons.Cancel}:{state.CartId}", turn.Texts.Cancel),
            ]);
    }

    private OrderPrice PriceOf(Turn turn, FulfilmentDraft d)
    {
        var subtotal = menu.Total(turn.State.Cart);
        var fee = d.Mode == FulfilmentMode.Delivery ? ZoneOf(d)?.Fee ?? 0 : 0;
        var tip = OrderPricing.Tip(subtotal, d.TipPercent ?? 0, menu.MinorUnits);
        return OrderPricing.Price(subtotal, fee, Shop.Tax, tip, menu.MinorUnits);
    }

    /// <summary>The order request's fulfilment part, from a complete draft.</summary>
    private (FulfilmentRequest? Fulfilment, PaymentMethod? Payment, decimal? Tip) RequestParts(FulfilmentDraft d) =>
        (d.Mode is not { } mode ? null : new FulfilmentRequest(mode)
        {
            Address = mode == FulfilmentMode.Delivery ? d.Address : null,
            Postcode = mode == FulfilmentMode.Delivery ? d.Postcode : null,
            Latitude = mode == FulfilmentMode.Delivery ? d.Latitude : null,
            Longitude = mode == FulfilmentMode.Delivery ? d.Longitude : null,
            RequestedFor = d.Asap == false && d.At is { } at ? Shop.Hours.ToInstant(at) : null,
        }, d.Payment, d.TipPercent);

    /// <summary>"We'll bring it to … around 19:35." after placing.</summary>
    /// <remarks>The time is the one the order was stored with, so the customer's later notices say the same.</remarks>
    private string PlacedLine(Turn turn, FulfilmentDraft d, Orders.Fulfilment? placed)
    {
        var says = Says(turn);
        var at = d.Asap == false && d.At is { } requested
            ? When(turn, requested)
            : ChatTexts.Say(says.Around, Clock(Shop.Hours.LocalTime(new DateTimeOffset(placed?.EstimatedAt ?? turn.Now, TimeSpan.Zero))));
        return d.Mode == FulfilmentMode.Delivery
            ? ChatTexts.Say(says.PlacedDelivery, string.IsNullOrWhiteSpace(d.Address) ? says.YourLocation : d.Address, at)
            : ChatTexts.Say(says.PlacedPickup, at);
    }

    /// <summary>A shop rule the Order Handler refused (a race with the clock or staff): forget the part it is about and ask again.</summary>
    private IReadOnlyList<OutgoingMessage>? AnswerRule(Turn turn, OrderRuleException e)
    {
        var d = Draft(turn);
        d = e.Rule switch
        {
            OrderRule.ModeNotOffered => d with { Mode = null },
            OrderRule.AddressRequired or OrderRule.OutsideZone => d with { Address = null, Postcode = null, Latitude = null, Longitude = null },
            OrderRule.ShopClosed or OrderRule.TimeInThePast or OrderRule.TimeTooFarAhead => d with { Asap = null, At = null },
            OrderRule.PaymentNotAccepted => d with { Payment = null },
            OrderRule.TipNotOffered => d with { TipPercent = null },
            _ => d,
        };
        if (e.Rule == OrderRule.SoldOut)
        {
            return null;
        }

        Keep(turn, d);
        return [CartView(turn)];
    }

    private string ShopPlace => Shop.Definition?.Address ?? Shop.Definition?.Name ?? "";

    /// <summary>"today at 19:00", "tomorrow at 11:00", "Sat at 12:00".</summary>
    private string When(Turn turn, DateTime local)
    {
        var today = LocalNow(turn).Date;
        var day = local.Date == today ? Says(turn).Today : local.Date == today.AddDays(1) ? Says(turn).Tomorrow : Says(turn).Days[(int)local.DayOfWeek];
        return ChatTexts.Say(Says(turn).DayAt, day, Clock(local));
    }

    private static string Clock(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string PaymentName(Turn turn, PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => Says(turn).Cash,
        PaymentMethod.Card => Says(turn).Card,
        _ => Says(turn).Online,
    };
}
