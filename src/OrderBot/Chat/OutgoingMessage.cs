using System.Text.Json.Serialization;

namespace OrderBot.Chat;

/// <summary>
/// A reply in channel-neutral form. The conversation keeps within <see cref="ChatLimits"/> (the strictest
/// channel's, WhatsApp's), so every channel can show it as it is: WhatsApp as interactive messages, the web
/// page as bubbles with buttons, the terminal as numbered choices.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TextReply), "text")]
[JsonDerivedType(typeof(ButtonsReply), "buttons")]
[JsonDerivedType(typeof(ListReply), "list")]
[JsonDerivedType(typeof(StatusNotice), "status")]
public abstract record OutgoingMessage(string Text)
{
    /// <summary>
    /// The channel's id of the customer's message this answers, when the reply should quote it (the customer wrote
    /// again before it was answered); channels that cannot quote ignore it.
    /// </summary>
    public string? ReplyTo { get; init; }
}

public sealed record TextReply(string Text) : OutgoingMessage(Text);

/// <summary>
/// An order's status change told to the customer: plain text on every channel, except that WhatsApp sends its
/// approved template instead once its 24-hour window after <paramref name="LastCustomerMessageAt"/> has closed.
/// </summary>
public sealed record StatusNotice(string Text, string OrderNumber, string StatusPhrase, DateTime LastCustomerMessageAt) : OutgoingMessage(Text)
{
    /// <summary>The customer's language ("en", "es", "pt"): the text is in it, and the template sent instead must be too.</summary>
    public string Language { get; init; } = Languages.SupportedLanguages.Default;
}

/// <summary>Text with up to <see cref="ChatLimits.MaxButtons"/> quick-reply buttons.</summary>
public sealed record ButtonsReply(string Text, IReadOnlyList<ChatButton> Buttons) : OutgoingMessage(Text);

/// <summary>Text with a button that opens a list of rows to pick from.</summary>
public sealed record ListReply(string Text, string ButtonLabel, IReadOnlyList<ListSection> Sections) : OutgoingMessage(Text)
{
    [JsonIgnore]
    public IEnumerable<ListRow> Rows => Sections.SelectMany(s => s.Rows);
}

/// <param name="Id">Comes back as <see cref="ChoiceContent.Id"/> when pressed.</param>
public sealed record ChatButton(string Id, string Title);

public sealed record ListSection(string Title, IReadOnlyList<ListRow> Rows);

public sealed record ListRow(string Id, string Title, string? Description = null);

/// <summary>Sizes every channel can show (WhatsApp's interactive message limits).</summary>
public static class ChatLimits
{
    public const int MaxButtons = 3;
    public const int ButtonTitle = 20;
    public const int ButtonBody = 1024;
    public const int MaxListRows = 10;
    public const int MaxListSections = 10;
    public const int ListButtonLabel = 20;
    public const int SectionTitle = 24;
    public const int RowTitle = 24;
    public const int RowDescription = 72;
    public const int RowId = 200;
    public const int TextBody = 4096;

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters, ending in an ellipsis when cut.</summary>
    public static string Fit(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1).TrimEnd(), "…");
}
