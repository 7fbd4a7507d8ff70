using System.Text.Json.Serialization;

namespace OrderBot.Chat;

/// <summary>
/// A customer's message as every channel hands it to the conversation: who sent it, through which channel,
/// the channel's own message id (unique per channel, used to drop duplicates) and what it contains.
/// </summary>
/// <param name="Channel">The <see cref="IChatChannel.Name"/> that received it and will carry the replies.</param>
/// <param name="SentAt">When the customer sent it (the channel's timestamp); one customer's messages are handled in this order.</param>
public sealed record IncomingMessage(string Channel, string MessageId, string CustomerId, DateTime SentAt, IncomingContent Content)
{
    /// <summary>The name the customer's profile shows, when the channel tells it.</summary>
    public string? DisplayName { get; init; }
}

/// <summary>What a message carries. Stored in the inbox as JSON, so the kinds are named on the wire.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TextContent), "text")]
[JsonDerivedType(typeof(ChoiceContent), "choice")]
[JsonDerivedType(typeof(CatalogOrderContent), "catalog_order")]
[JsonDerivedType(typeof(LocationContent), "location")]
[JsonDerivedType(typeof(UnsupportedContent), "unsupported")]
public abstract record IncomingContent;

public sealed record TextContent(string Text) : IncomingContent;

/// <summary>A button or list row the customer picked; <see cref="Id"/> is the id the bot gave it.</summary>
public sealed record ChoiceContent(string Id, string Title) : IncomingContent;

/// <summary>A cart sent from a catalog; product ids are menu item ids (optionally "item:size").</summary>
public sealed record CatalogOrderContent(IReadOnlyList<CatalogLine> Lines, string? Note) : IncomingContent;

public sealed record CatalogLine(string ProductId, int Quantity);

/// <summary>A location pin the customer shared; coordinates in degrees, already checked to be on Earth.</summary>
public sealed record LocationContent(double Latitude, double Longitude, string? Name, string? Address) : IncomingContent;

/// <summary>Anything the bot cannot read (image, audio, location, sticker...), named by its channel type.</summary>
public sealed record UnsupportedContent(string Type) : IncomingContent;
