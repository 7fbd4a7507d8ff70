using System.Globalization;
using System.Text.Json;
using OrderBot.Chat;

namespace OrderBot.Server.WhatsApp;

/// <summary>A delivery status Meta reported for a message the bot sent.</summary>
/// <param name="ErrorCode">The first error's <c>code</c>, which decides what happens next (<see cref="GraphErrors"/>).</param>
public sealed record StatusUpdate(string MessageId, OutboundState State, string? Error, int? ErrorCode = null);

/// <summary>
/// Reads a webhook delivery into inbox messages and status updates. Liberal in what it accepts: unknown
/// fields, changes and message types are skipped or become <see cref="UnsupportedContent"/>, never an error;
/// only JSON that does not parse at all is rejected (with <see cref="JsonException"/>). Text that is not valid
/// UTF-8 or UTF-16 is repaired (<see cref="JsonText"/>) and counted in <see cref="Repaired"/>.
/// </summary>
public sealed record WebhookPayload(IReadOnlyList<IncomingMessage> Messages, IReadOnlyList<StatusUpdate> Statuses)
{
    public const string Channel = "whatsapp";

    /// <summary>Why a message was not stored: <see cref="Dropped"/>'s keys, also the metric's <c>kind</c>.</summary>
    public const string NotConversational = "ignored", OtherNumber = "other_number", Invalid = "invalid";

    // Kinds a customer expects no answer to: a reaction, a deleted message (revoke), an answer to a call-permission
    // request, system notices (number changed), and the welcome/ephemeral events (platforms-2026.md 1.5, issue 16).
    private static readonly HashSet<string> Ignored =
        ["reaction", "revoke", "system", "ephemeral", "request_welcome", "call_permission_reply", "interactive:call_permission_reply"];

    // Media whose caption is what the customer says ("this one, large" under a photo).
    private static readonly HashSet<string> Captioned = ["image", "video", "document"];

    /// <summary>Strings in the delivery that held invalid UTF-8 or lone surrogates and were repaired with U+FFFD.</summary>
    public int Repaired { get; init; }

    /// <summary>Messages left out, by reason (<see cref="NotConversational"/>, <see cref="OtherNumber"/>, <see cref="Invalid"/>).</summary>
    public IReadOnlyDictionary<string, int> Dropped { get; init; } = new Dictionary<string, int>();

    /// <summary>Status updates left out because they belong to another business number.</summary>
    public int OtherNumberStatuses { get; init; }

    /// <param name="phoneNumberId">Our business number's id: changes for another number of the same account are skipped.</param>
    public static WebhookPayload Parse(ReadOnlyMemory<byte> body, DateTime now, string? phoneNumberId = null)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        return new Reader(now, phoneNumberId).Read(document.RootElement);
    }

    /// <summary>WhatsApp ids are the number's digits; customers are stored in E.164 form.</summary>
    public static string CustomerId(string waId) => waId.StartsWith('+') ? waId : "+" + waId;

    /// <summary>One delivery's reading, with what was repaired along the way.</summary>
    private sealed class Reader(DateTime now, string? phoneNumberId)
    {
        private readonly Dictionary<string, int> _dropped = [];
        private int _repaired;
        private int _otherNumberStatuses;

        public WebhookPayload Read(JsonElement root)
        {
            var messages = new List<IncomingMessage>();
            var statuses = new List<StatusUpdate>();
            foreach (var entry in Array(root, "entry"))
            {
                foreach (var change in Array(entry, "changes"))
                {
                    if (String(change, "field") is not (null or "messages") || Property(change, "value") is not { ValueKind: JsonValueKind.Object } value)
                    {
                        continue;
                    }

                    if (phoneNumberId is not null && Property(value, "metadata") is { } metadata
                        && String(metadata, "phone_number_id") is { } number && number != phoneNumberId)
                    {
                        Drop(OtherNumber, Array(value, "messages").Count());
                        _otherNumberStatuses += Array(value, "statuses").Count();
                        continue;
                    }

                    var names = Array(value, "contacts")
                        .Select(c => (Id: String(c, "wa_id"), Name: Property(c, "profile") is { } p ? String(p, "name") : null))
                        .Where(c => c.Id is not null)
                        .DistinctBy(c => c.Id)
                        .ToDictionary(c => c.Id!, c => c.Name);
                    messages.AddRange(Array(value, "messages").Select(m => Message(m, names)).OfType<IncomingMessage>());
                    statuses.AddRange(Array(value, "statuses").Select(Status).OfType<StatusUpdate>());
                }
            }

            return new WebhookPayload(messages, statuses) { Repaired = _repaired, Dropped = _dropped, OtherNumberStatuses = _otherNumberStatuses };
        }

        private IncomingMessage? Message(JsonElement message, Dictionary<string, string?> names)
        {
            var from = String(message, "from");
            var id = String(message, "id");
            var type = String(message, "type") ?? "unknown";
            // call_permission_reply comes as its own type or as an interactive answer, depending on the API version.
            var kind = type == "interactive" && Property(message, type) is { } interactive ? $"interactive:{String(interactive, "type")}" : type;
            // Meta's ids are printable; a control character (PostgreSQL refuses NUL in text) means a forged or broken message.
            if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(id) || id.Length > 512 || from.Length > 32
                || from.Any(char.IsControl) || id.Any(char.IsControl))
            {
                return Drop(Invalid);
            }

            if (Ignored.Contains(type) || Ignored.Contains(kind))
            {
                return Drop(NotConversational);
            }

            if (Content(message, type) is not { } content)
            {
                return Drop(Invalid);
            }

            var sentAt = long.TryParse(String(message, "timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds is > 0 and < 253402300799
                ? DateTime.UnixEpoch.AddSeconds(seconds)
                : now;
            return new IncomingMessage(Channel, id, CustomerId(from), sentAt, content)
            {
                DisplayName = names.GetValueOrDefault(from) is { } name ? new string(name.Where(c => !char.IsControl(c)).ToArray()) : null,
            };
        }

        private IncomingMessage? Drop(string reason, int count = 1)
        {
            if (count > 0)
            {
                _dropped[reason] = _dropped.GetValueOrDefault(reason) + count;
            }

            return null;
        }

        /// <summary>What the message says; null when it is of a kind we read but its content is impossible (a location off the globe).</summary>
        private IncomingContent? Content(JsonElement message, string type)
        {
            var body = Property(message, type) is { ValueKind: JsonValueKind.Object } b ? b : default;
            switch (type)
            {
                case "text" when String(body, "body") is { } text:
                    return new TextContent(text);
                case var media when Captioned.Contains(media) && String(body, "caption") is { } caption && !string.IsNullOrWhiteSpace(caption):
                    return new TextContent(caption);
                case "location":
                    return Location(body);
                case "interactive":
                    var kind = String(body, "type");
                    if (kind is "button_reply" or "list_reply" && Property(body, kind) is { } reply && String(reply, "id") is { } choice)
                    {
                        return new ChoiceContent(choice, String(reply, "title") ?? "");
                    }

                    return new UnsupportedContent($"interactive:{kind}");
                case "button" when String(body, "payload") is { } payload:
                    return new ChoiceContent(payload, String(body, "text") ?? payload);
                case "order":
                    var lines = Array(body, "product_items")
                        .Select(p => new CatalogLine(String(p, "product_retailer_id") ?? "", Quantity(p)))
                        .Where(l => l.ProductId.Length > 0)
                        .ToList();
                    return new CatalogOrderContent(lines, String(body, "text"));
                default:
                    return new UnsupportedContent(type);
            }
        }

        /// <summary>A pin: latitude and longitude are numbers in Meta's reference and strings in some SDKs (platforms-2026.md 1.8 E).</summary>
        private LocationContent? Location(JsonElement body)
        {
            var latitude = Coordinate(body, "latitude");
            var longitude = Coordinate(body, "longitude");
            return latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180
                ? new LocationContent(latitude.Value, longitude.Value, Label(body, "name"), Label(body, "address"))
                : null;
        }

        private double? Coordinate(JsonElement body, string name) =>
            double.TryParse(String(body, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

        private string? Label(JsonElement body, string name) =>
            String(body, name) is { } text && new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim() is { Length: > 0 } clean
                ? ChatLimits.Fit(clean, 300)
                : null;

        private int Quantity(JsonElement product) =>
            Property(product, "quantity") is { ValueKind: JsonValueKind.Number } q && q.TryGetInt32(out var n) ? n
            : int.TryParse(String(product, "quantity"), CultureInfo.InvariantCulture, out var parsed) ? parsed : 1;

        private StatusUpdate? Status(JsonElement status)
        {
            var id = String(status, "id");
            OutboundState? state = String(status, "status") switch
            {
                "sent" => OutboundState.Sent,
                "delivered" => OutboundState.Delivered,
                "read" or "played" => OutboundState.Read,
                "failed" => OutboundState.Failed,
                _ => null,
            };
            if (id is null || state is null)
            {
                return null;
            }

            var first = Array(status, "errors").FirstOrDefault(e => e.ValueKind == JsonValueKind.Object);
            if (first.ValueKind != JsonValueKind.Object)
            {
                return new StatusUpdate(id, state.Value, null);
            }

            // Meta: decide by code and error_data.details, not by title (platforms-2026.md section 2).
            var code = String(first, "code");
            var details = Property(first, "error_data") is { } data ? String(data, "details") : null;
            var error = $"{code ?? "?"} {String(first, "message") ?? String(first, "title")}{(details is null ? "" : $": {details}")}";
            return new StatusUpdate(id, state.Value, error, int.TryParse(code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null);
        }

        private string? String(JsonElement element, string name) => Property(element, name) switch
        {
            { ValueKind: JsonValueKind.String } value => Text(value),
            { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
            _ => null,
        };

        private string Text(JsonElement value)
        {
            var text = JsonText.Read(value, out var repaired);
            _repaired += repaired ? 1 : 0;
            return text;
        }
    }

    // Every read goes through these and String, which accept any element: a scalar where Meta sends an object or
    // an array is skipped like a missing field instead of throwing (found by WebhookFuzzTests).
    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name)
    {
        if (Property(element, name) is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                yield return item;
            }
        }
    }
}
