using System.Globalization;
using System.Text.Json;
using OrderBot.Chat;
using OrderBot.Customers;
using OrderBot.Shop;

namespace OrderBot.Server.WhatsApp;

/// <summary>A delivery status Meta reported for a message the bot sent.</summary>
/// <param name="ErrorCode">The first error's <c>code</c>, which decides what happens next (<see cref="GraphErrors"/>).</param>
public sealed record StatusUpdate(string MessageId, OutboundState State, string? Error, int? ErrorCode = null);

/// <summary>
/// A customer's WhatsApp identity changed (<c>user_changed_number</c>, <c>user_changed_user_id</c>,
/// platforms-2026.md 1.5): who they were and who they are now. A field left null did not change.
/// </summary>
public sealed record IdentityChange(ChannelIdentity Old, ChannelIdentity New, string Kind);

/// <summary>
/// Reads a webhook delivery into inbox messages and status updates. Liberal in what it accepts: unknown
/// fields, changes and message types are skipped or become <see cref="UnsupportedContent"/>, never an error;
/// only JSON that does not parse at all is rejected (with <see cref="JsonException"/>). Text that is not valid
/// UTF-8 or UTF-16 is repaired (<see cref="JsonText"/>) and counted in <see cref="Repaired"/>.
/// </summary>
/// <remarks>
/// Every identity field is optional (platforms-2026.md 1.2): a username user's message has no <c>from</c>, only
/// <c>from_user_id</c> (the BSUID). <see cref="IncomingMessage.CustomerId"/> is provisional (the phone number, else the
/// BSUID); the endpoint resolves <see cref="Senders"/> to the stored customer, which may be known by the other one.
/// </remarks>
public sealed record WebhookPayload(IReadOnlyList<IncomingMessage> Messages, IReadOnlyList<StatusUpdate> Statuses)
{
    public const string Channel = "whatsapp";

    /// <summary>Why a message was not stored: <see cref="Dropped"/>'s keys, also the metric's <c>kind</c>.</summary>
    public const string NotConversational = "ignored", OtherNumber = "other_number", Invalid = "invalid", IdentityChanged = "identity_change";

    // Kinds a customer expects no answer to: a reaction, a deleted message (revoke), an answer to a call-permission
    // request, system notices we do not act on, and the welcome/ephemeral events (platforms-2026.md 1.5, issue 16).
    private static readonly HashSet<string> Ignored =
        ["reaction", "revoke", "system", "ephemeral", "request_welcome", "call_permission_reply", "interactive:call_permission_reply"];

    // Older library names of the same system messages (platforms-2026.md 1.5).
    private static readonly HashSet<string> NumberChanged = ["user_changed_number", "customer_changed_number"];
    private static readonly HashSet<string> UserIdChanged = ["user_changed_user_id", "customer_identity_changed"];

    // Media whose caption is what the customer says ("this one, large" under a photo).
    private static readonly HashSet<string> Captioned = ["image", "video", "document"];

    /// <summary>Strings in the delivery that held invalid UTF-8 or lone surrogates and were repaired with U+FFFD.</summary>
    public int Repaired { get; init; }

    /// <summary>Messages left out, by reason (<see cref="NotConversational"/>, <see cref="OtherNumber"/>, <see cref="Invalid"/>).</summary>
    public IReadOnlyDictionary<string, int> Dropped { get; init; } = new Dictionary<string, int>();

    /// <summary>Status updates left out because they belong to another business number.</summary>
    public int OtherNumberStatuses { get; init; }

    /// <summary>Who sent each message, by <see cref="IncomingMessage.MessageId"/>: phone and/or BSUID, username, the number written to.</summary>
    public IReadOnlyDictionary<string, ChannelIdentity> Senders { get; init; } = new Dictionary<string, ChannelIdentity>();

    /// <summary>Identities learnt without a message to answer: a phone number shared on request (platforms-2026.md 1.6).</summary>
    public IReadOnlyList<ChannelIdentity> Learnt { get; init; } = [];

    /// <summary>Number and BSUID changes (platforms-2026.md 1.5), in delivery order.</summary>
    public IReadOnlyList<IdentityChange> IdentityChanges { get; init; } = [];

    /// <param name="phoneNumberId">Our business number's id: changes for another number of the same account are skipped.</param>
    public static WebhookPayload Parse(ReadOnlyMemory<byte> body, DateTime now, string? phoneNumberId = null) =>
        Parse(body, now, phoneNumberId is null ? null : new HashSet<string> { phoneNumberId });

    /// <param name="phoneNumberIds">Our business numbers' ids: changes for any other number of the same account are skipped.</param>
    public static WebhookPayload Parse(ReadOnlyMemory<byte> body, DateTime now, IReadOnlySet<string>? phoneNumberIds)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        return new Reader(now, phoneNumberIds).Read(document.RootElement);
    }

    /// <summary>A WhatsApp phone id (<c>from</c>, <c>wa_id</c>) in E.164 form; null when it is not all digits (then it is no phone number, platforms-2026.md 1.2).</summary>
    public static string? Phone(string? waId)
    {
        var digits = waId?.StartsWith('+') == true ? waId[1..] : waId;
        return digits is { Length: >= 5 and <= 20 } && digits.All(char.IsAsciiDigit) ? "+" + digits : null;
    }

    /// <summary>A BSUID as sent: opaque (platforms-2026.md 1.1 warns against strict patterns), printable and not absurdly long.</summary>
    public static string? UserId(string? value) =>
        value is { Length: > 0 and <= 160 } && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? value : null;

    /// <summary>One delivery's reading, with what was repaired along the way.</summary>
    private sealed class Reader(DateTime now, IReadOnlySet<string>? phoneNumberIds)
    {
        private readonly Dictionary<string, int> _dropped = [];
        private readonly Dictionary<string, ChannelIdentity> _senders = [];
        private readonly List<ChannelIdentity> _learnt = [];
        private readonly List<IdentityChange> _changes = [];
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

                    var account = Property(value, "metadata") is { } metadata ? String(metadata, "phone_number_id") : null;
                    if (phoneNumberIds is not null && account is not null && !phoneNumberIds.Contains(account))
                    {
                        Drop(OtherNumber, Array(value, "messages").Count());
                        _otherNumberStatuses += Array(value, "statuses").Count();
                        continue;
                    }

                    // A contact is named by its phone (wa_id) and/or its BSUID (user_id); a message by from and/or from_user_id.
                    var contacts = new Dictionary<string, JsonElement>();
                    foreach (var contact in Array(value, "contacts"))
                    {
                        foreach (var key in new[] { String(contact, "wa_id"), String(contact, "user_id") }.OfType<string>())
                        {
                            contacts.TryAdd(key, contact);
                        }
                    }

                    messages.AddRange(Array(value, "messages").Select(m => Message(m, contacts, account)).OfType<IncomingMessage>());
                    statuses.AddRange(Array(value, "statuses").Select(Status).OfType<StatusUpdate>());
                }
            }

            return new WebhookPayload(messages, statuses)
            {
                Repaired = _repaired, Dropped = _dropped, OtherNumberStatuses = _otherNumberStatuses,
                Senders = _senders, Learnt = _learnt, IdentityChanges = _changes,
            };
        }

        private IncomingMessage? Message(JsonElement message, Dictionary<string, JsonElement> contacts, string? account)
        {
            var from = String(message, "from");
            var id = String(message, "id");
            var type = String(message, "type") ?? "unknown";
            // call_permission_reply comes as its own type or as an interactive answer, depending on the API version.
            var kind = type == "interactive" && Property(message, type) is { } interactive ? $"interactive:{String(interactive, "type")}" : type;
            // Some threads say from may carry the BSUID (platforms-2026.md 1.2, unverified): a from that is not digits is not a phone.
            var phone = Phone(from);
            var userId = UserId(String(message, "from_user_id")) ?? (phone is null ? UserId(from) : null);
            // Meta's ids are printable; a control character (PostgreSQL refuses NUL in text) means a forged or broken message.
            if ((phone is null && userId is null) || string.IsNullOrEmpty(id) || id.Length > 512 || id.Any(char.IsControl))
            {
                return Drop(Invalid);
            }

            var contact = contacts.TryGetValue(userId ?? "", out var byUser) ? byUser
                : contacts.TryGetValue(from ?? "", out var byPhone) ? byPhone : default;
            var profile = Property(contact, "profile");
            var sender = new ChannelIdentity(
                phone,
                userId ?? UserId(String(contact, "user_id")),
                UserId(String(message, "from_parent_user_id")) ?? UserId(String(contact, "parent_user_id")),
                profile is { } p ? Label(p, "username", 100) : null,
                profile is { } q ? Label(q, "name", 200) : null,
                account);
            if (type == "system" && Property(message, "system") is { ValueKind: JsonValueKind.Object } system && SystemChange(system, sender) is { } identityChange)
            {
                _changes.Add(identityChange);
                return Drop(IdentityChanged);
            }

            if (type == "contacts" && SharedOnRequest(message) is { } shared)
            {
                _learnt.Add(sender with { Phone = shared });
                return Drop(IdentityChanged);
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
            _senders[id] = sender;
            return new IncomingMessage(Channel, id, phone ?? CustomerDirectory.IdForUserId(userId!), sentAt, content) { DisplayName = sender.DisplayName };
        }

        /// <summary>
        /// A number or BSUID change. The new number is <c>system.wa_id</c>, the new BSUID <c>system.user_id</c>; the old
        /// ones are the message's <c>from</c> / <c>from_user_id</c>, or <c>system.previous_user_id</c> as some code reads
        /// it (platforms-2026.md 1.5 calls the source of the old BSUID unverified, so both are taken).
        /// </summary>
        private IdentityChange? SystemChange(JsonElement system, ChannelIdentity sender)
        {
            var kind = String(system, "type") ?? "";
            var newUserId = UserId(String(system, "user_id"));
            var newParent = UserId(String(system, "parent_user_id"));
            if (NumberChanged.Contains(kind) && Phone(String(system, "wa_id") ?? String(system, "new_wa_id")) is { } newPhone)
            {
                return new IdentityChange(sender, new ChannelIdentity(newPhone, newUserId, newParent, Account: sender.Account), kind);
            }

            if (UserIdChanged.Contains(kind) && newUserId is not null)
            {
                var previous = UserId(String(system, "previous_user_id"));
                var old = previous is not null && previous != sender.UserId ? sender with { UserId = previous } : sender;
                return old.UserId == newUserId && old.Phone is null ? null : new IdentityChange(old, new ChannelIdentity(null, newUserId, newParent, Account: sender.Account), kind);
            }

            return null;
        }

        /// <summary>The phone number a customer shared when asked (<c>origin: contact_request</c>, platforms-2026.md 1.6); null for any other contact card.</summary>
        private string? SharedOnRequest(JsonElement message)
        {
            var card = Array(message, "contacts").FirstOrDefault();
            if ((String(message, "origin") ?? String(card, "origin")) != "contact_request")
            {
                return null;
            }

            return Array(card, "phones")
                .Select(p => Phone(String(p, "wa_id")) ?? Phone(new string((String(p, "phone") ?? "").Where(char.IsAsciiDigit).ToArray())))
                .FirstOrDefault(p => p is not null);
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
            return latitude is { } lat && Coordinates.IsLatitude(lat) && longitude is { } lon && Coordinates.IsLongitude(lon)
                ? new LocationContent(lat, lon, Label(body, "name"), Label(body, "address"))
                : null;
        }

        private double? Coordinate(JsonElement body, string name) =>
            double.TryParse(String(body, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

        private string? Label(JsonElement body, string name, int max = 300) =>
            String(body, name) is { } text && new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim() is { Length: > 0 } clean
                ? ChatLimits.Fit(clean, max)
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
