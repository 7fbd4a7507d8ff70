using System.Globalization;
using System.Text;
using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Chat;

/// <summary>How the bot words prices, cart lines and order statuses; one place, so every reply reads alike.</summary>
public static class ChatText
{
    public static string Price(decimal amount, string currency, int minorUnits)
    {
        var number = Money.Round(amount, minorUnits).ToString("N" + minorUnits, CultureInfo.InvariantCulture);
        return currency switch
        {
            "USD" => "$" + number,
            "EUR" => "€" + number,
            "GBP" => "£" + number,
            _ => $"{number} {currency}",
        };
    }

    public static string Price(this Menu menu, decimal amount) => Price(amount, menu.Currency, menu.MinorUnits);

    public static decimal Total(this Menu menu, IEnumerable<OrderLine> cart) => Money.Round(cart.Sum(l => l.LineTotal), menu.MinorUnits);

    /// <summary>"2 × Pizza (Large; pepperoni, no onions) — $29.98".</summary>
    public static string Line(Menu menu, ChatTexts texts, OrderLine line) => $"{line.Quantity} × {Describe(menu, texts, line)} — {menu.Price(line.LineTotal)}";

    /// <summary>"Pizza (Large; pepperoni, no onions)": the item with what was chosen for it.</summary>
    public static string Describe(Menu menu, ChatTexts texts, OrderLine line)
    {
        var details = new List<string>();
        if (line.Size is not null)
        {
            details.Add(menu.Sizes.FirstOrDefault(s => s.Id == line.Size)?.Name ?? line.Size);
        }

        var options = string.Join(", ", line.Options.Select(Option));
        if (options.Length > 0)
        {
            details.Add(options);
        }

        return details.Count == 0 ? line.Name : $"{line.Name} ({string.Join("; ", details)})";

        string Option(OrderLineOption o)
        {
            var qualifier = o.Qualifier is null ? "" : (menu.FindQualifier(o.Qualifier)?.Name ?? o.Qualifier) + " ";
            return (o.Negated ? texts.Without : "") + qualifier + o.Name + (o.Half is { } half ? " " + texts.Half(half.ToString().ToLowerInvariant()) : "");
        }
    }

    public static string CartSummary(Menu menu, ConversationState state, ChatTexts texts)
    {
        var text = new StringBuilder(texts.YourOrder).Append(":\n");
        foreach (var line in state.Cart)
        {
            text.Append("• ").AppendLine(Line(menu, texts, line));
        }

        text.Append(texts.Total).Append(": ").Append(menu.Price(menu.Total(state.Cart)));
        if (!string.IsNullOrWhiteSpace(state.SpecialInstructions))
        {
            text.Append('\n').Append(texts.Note).Append(": ").Append(state.SpecialInstructions);
        }

        return text.ToString();
    }

    /// <summary>What the customer is told when staff move their order on, in their language.</summary>
    /// <summary>"Update on your order K7Q-2MX: it {phrase}."</summary>
    public static string Notice(string number, string phrase, ChatTexts? texts = null) =>
        ChatTexts.Say((texts ?? ChatTexts.English).Notice, number, phrase);

    /// <summary>
    /// The notice of an order's status, as every channel tells it: the text and its phrase, for this order's way of
    /// reaching the customer (a pickup "is ready for pickup"; a delivery on its way says when, in the shop's time).
    /// </summary>
    public static (string Text, string Phrase) NoticeOf(string number, OrderStatus status, Orders.Fulfilment? fulfilment, ChatTexts texts, Shop.OpeningHours hours)
    {
        var arrivesAt = fulfilment?.EstimatedAt is { } eta ? hours.LocalTime(new DateTimeOffset(eta, TimeSpan.Zero)) : (DateTime?)null;
        var phrase = StatusPhrase(status, fulfilment?.Mode, arrivesAt, texts);
        return (Notice(number, phrase, texts), phrase);
    }

    /// <summary>
    /// The status phrase for this order's way of reaching the customer: a pickup order "is ready for pickup"; a delivery
    /// on its way says when it should arrive (<paramref name="arrivesAt"/>, the shop's local time).
    /// </summary>
    public static string StatusPhrase(OrderStatus status, FulfilmentMode? mode, DateTime? arrivesAt, ChatTexts texts) => (status, mode) switch
    {
        (OrderStatus.Ready, FulfilmentMode.Pickup) => texts.ReadyForPickup,
        (OrderStatus.Shipped, _) when arrivesAt is { } at =>
            StatusPhrase(status, texts) + ChatTexts.Say(texts.ArrivingAround, at.ToString("HH:mm", CultureInfo.InvariantCulture)),
        _ => StatusPhrase(status, texts),
    };

    /// <summary>"is being prepared": completes "Your order K7Q-2MX ...".</summary>
    public static string StatusPhrase(OrderStatus status, ChatTexts? texts = null) => (texts ?? ChatTexts.English).StatusPhrase(status);

    /// <summary>The parser's ambiguity notes as questions to the customer.</summary>
    public static string Question(string ambiguity, ChatTexts texts)
    {
        const string HowMany = "how many? ";
        const string WhichItem = "which item? ";
        if (ambiguity.StartsWith(HowMany, StringComparison.Ordinal))
        {
            return ChatTexts.Say(texts.HowMany, ambiguity[HowMany.Length..]);
        }

        return ambiguity.StartsWith(WhichItem, StringComparison.Ordinal)
            ? ChatTexts.Say(texts.WhichMeant, ambiguity[WhichItem.Length..])
            : char.ToUpperInvariant(ambiguity[0]) + ambiguity[1..];
    }
}
