using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using OrderBot.Chat;
using OrderBot.Server.WhatsApp;
using OrderBot.Tests.Support;
using OrderBot.Tests.WhatsApp;

namespace OrderBot.Tests.Reliability;

/// <summary>
/// Generated webhook deliveries, correctly signed: Meta's shapes carrying hostile content, wrong types, missing
/// fields, huge and odd values and duplicates. No 500, nothing unhandled in the logs, an order only after the
/// customer confirmed, and every price the menu's (a catalog cart's <c>item_price</c> is never believed).
/// </summary>
public sealed class WebhookFuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("ORDERBOT_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) ? n : 10_000;

    // Few enough customers that carts build up and get confirmed; a pool of ids so deliveries repeat each other.
    private static readonly string[] Customers = Enumerable.Range(0, 40).Select(i => $"4917{Random.Shared.Next(100_000, 999_999)}{i:D2}").ToArray();
    private static readonly string[] RepeatedIds = Enumerable.Range(0, 300).Select(_ => MetaPayloads.NewId()).ToArray();

    private static readonly string[] Phrases =
    [
        "2 large lattes", "a croissant with ham", "water", "latte with oat milk and an extra shot", "3 croissants please",
        "add a water", "remove the croissant", "make it large", "large", "small", "big", "menu", "hi", "status", "cancel",
        "confirm", "yes", "ok", "change", "50 lattes", "51 lattes", "1000000 lattes", "-3 lattes", "0 croissants",
        "a latte for 0.01 euro", "latte price 0", "🍕🍕 ☕", "", "   ", "no milk latte", "extra extra extra shot latte",
        "a latte\u0000with nul", "<script>alert(1)</script> latte", "'; DROP TABLE orders; -- 2 croissants",
    ];

    // Generated nodes can be shared between cases (Gen.Const), and a JsonNode has one parent: clone on insertion.
    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf<JsonNode?>(
        Gen.Const((JsonNode?)null),
        Gen.Long.Select(i => (JsonNode?)i),
        Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)d : -0.0),
        Gen.Bool.Select(b => (JsonNode?)b),
        Gen.String[0, 60].Select(s => (JsonNode?)s),
        Gen.Const((JsonNode?)new JsonArray()),
        Gen.Const((JsonNode?)new JsonObject()));

    /// <summary>
    /// Text the JSON reader cannot turn into UTF-16, spliced into the signed bytes where its marker stands (issue 15):
    /// escaped lone surrogates, overlong and truncated UTF-8, stray bytes. The server reads each as U+FFFD.
    /// </summary>
    private static readonly (string Marker, byte[] Bytes)[] Broken =
    [
        ("@@lone-high@@", "\\ud83d"u8.ToArray()),
        ("@@lone-low@@", "\\udf55"u8.ToArray()),
        ("@@overlong-slash@@", [0xC0, 0xAF]),
        ("@@overlong-3@@", [0xE0, 0x80, 0xAF]),
        ("@@overlong-4@@", [0xF0, 0x80, 0x80, 0x80]),
        ("@@truncated-pizza@@", [0xF0, 0x9F, 0x8D]),
        ("@@truncated-euro@@", [0xE2, 0x82]),
        ("@@continuation@@", [0x80]),
        ("@@ff@@", [0xFF]),
        ("@@utf8-surrogate@@", [0xED, 0xA0, 0xBD]),
    ];

    private static readonly Gen<string> Text = Gen.Frequency(
        (12, Gen.OneOf(Phrases.Select(Gen.Const).ToArray())),
        (2, Gen.Select(Gen.OneOf(Phrases.Select(Gen.Const).ToArray()), Gen.OneOf(Broken.Select(b => Gen.Const(b.Marker)).ToArray()), Gen.Bool)
            .Select((phrase, marker, before) => before ? marker + phrase : phrase + " " + marker)),
        (4, Gen.String[0, 200]),
        (1, Gen.Char.Array[2_000, 40_000].Select(c => new string(c))),
        (1, Gen.Int[1, 4000].Select(i => string.Concat(Enumerable.Repeat("latte ", i)))));

    /// <summary>A sender and the customer id the server keeps for it: a phone as E.164, anything else printable as a BSUID (platforms-2026.md 1.2).</summary>
    private static readonly Gen<(JsonNode? Node, string? WaId)> From = Gen.Frequency(
        (20, Gen.OneOf(Customers.Select(Gen.Const).ToArray()).Select(c => ((JsonNode?)c, StoredAs(c)))),
        (2, Gen.OneOf(Customers.Select(Gen.Const).ToArray()).Select(c => ((JsonNode?)long.Parse(c, CultureInfo.InvariantCulture), StoredAs(c)))),
        (1, Gen.String[0, 40].Select(s => ((JsonNode?)s, StoredAs(s)))),
        (1, Gen.Const(((JsonNode?)new string('9', 5_000), StoredAs(new string('9', 5_000))))),
        (1, Scalar.Select(s => (s, s is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number ? StoredAs(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()) : null))));

    /// <summary>
    /// The customer id of a sender, by the webhook's own reading (a random text that reads as a sender can order and
    /// confirm like anyone). JSON escapes do not occur in the generated strings that read as one.
    /// </summary>
    private static string? StoredAs(string from) => WebhookPayload.Phone(from) ?? WebhookPayload.UserId(from);

    private static readonly Gen<JsonNode?> Id = Gen.Frequency(
        (12, Gen.Const(0).Select(_ => (JsonNode?)MetaPayloads.NewId())),
        (4, Gen.OneOf(RepeatedIds.Select(Gen.Const).ToArray()).Select(i => (JsonNode?)i)),
        (1, Gen.Int[500, 5_000].Select(l => (JsonNode?)("wamid." + new string('A', l)))),
        (1, Scalar));

    private static readonly Gen<JsonNode?> Timestamp = Gen.Frequency(
        (12, Gen.Const(0).Select(_ => (JsonNode?)MetaPayloads.Timestamp())),
        (1, Gen.OneOf<JsonNode?>("-5", "0", "99999999999999999999", "253402300800", "1e9", " 1749416383", "abc")),
        (1, Gen.Long.Select(l => (JsonNode?)l)),
        (1, Scalar));

    private static readonly Gen<JsonNode?> Quantity = Gen.Frequency(
        (6, Gen.Int[1, 5].Select(i => (JsonNode?)i)),
        (1, Gen.Long.Select(l => (JsonNode?)l)),
        (1, Gen.OneOf<JsonNode?>("2", "-1", "1e3", "two", 2.5, 0, int.MaxValue, int.MinValue)),
        (1, Scalar));

    private static readonly Gen<JsonNode?> Product = Gen.Select(
        Gen.Frequency((6, Gen.OneOf<JsonNode?>("latte", "latte:large", "latte:small", "croissant", "water", "latte:huge", "croissant:large")), (1, Gen.String[0, 30].Select(s => (JsonNode?)s)), (1, Scalar)),
        Quantity,
        Gen.Frequency((3, Gen.Decimal.Select(d => (JsonNode?)d)), (3, Gen.Int[-1000, 1000].Select(c => (JsonNode?)(c / 100m))), (1, Scalar)))
        .Select((id, quantity, price) => (JsonNode?)new JsonObject { ["product_retailer_id"] = id?.DeepClone(), ["quantity"] = quantity?.DeepClone(), ["item_price"] = price?.DeepClone(), ["currency"] = "EUR" });

    /// <summary>
    /// A message's type, its content object (sometimes not matching each other) and the words the conversation reads
    /// from it: a choice it does not know falls back to its title, so a title or payload can confirm too.
    /// </summary>
    private static readonly Gen<(string Type, JsonNode? Content, string? Said)> Content = Gen.Frequency(
        (10, Text.Select(t => ("text", (JsonNode?)new JsonObject { ["body"] = t }, (string?)AsRead(t)))),
        (2, Gen.Select(Gen.OneOf<string>("confirm", "confirm:abc", "cancel:x", "menu", "status", "size:1:0:large", "category:coffee", "item:latte", "", "::::"), Gen.String[0, 30])
            .Select((id, title) => ("interactive", (JsonNode?)new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = id, ["title"] = title } }, (string?)title))),
        (1, Gen.OneOf<string>("category:coffee", "item:latte", "item:nope", "more:coffee:9", "").Select(id =>
            ("interactive", (JsonNode?)new JsonObject { ["type"] = "list_reply", ["list_reply"] = new JsonObject { ["id"] = id, ["title"] = "t" } }, (string?)null))),
        (1, Gen.String[0, 30].Select(p => ("button", (JsonNode?)new JsonObject { ["payload"] = p, ["text"] = p }, (string?)p))),
        (3, Gen.Frequency((6, Product.Array[0, 4]), (1, Product.Array[50, 300])).Select(items =>
            ("order", (JsonNode?)new JsonObject { ["catalog_id"] = "194836987003835", ["product_items"] = new JsonArray(items) }, (string?)null))),
        (1, Gen.OneOf<string>("image", "audio", "sticker", "location", "reaction", "system", "unsupported", "contacts", "").Select(t =>
            (t, (JsonNode?)new JsonObject { ["id"] = "1479537139650973", ["mime_type"] = "image/jpeg" }, (string?)null))),
        (2, Gen.Select(Gen.OneOf<string>("text", "interactive", "order", "button"), Scalar).Select((t, c) => (t, c, (string?)null))),
        (1, Gen.Select(Gen.OneOf<string>("text", "interactive", "order"), Scalar).Select((t, body) =>
            (t, (JsonNode?)new JsonObject { ["body"] = body?.DeepClone(), ["type"] = body?.DeepClone(), ["product_items"] = body?.DeepClone(), ["button_reply"] = body?.DeepClone() }, (string?)null))));

    /// <summary>A message object (or something in its place) and the customer who confirmed with it, if it is a confirmation.</summary>
    private static readonly Gen<(JsonNode? Node, string? Confirmer)> Message = Gen.Frequency(
        (20, Gen.Select(From, Id, Timestamp, Content, Gen.Int[0, 9]).Select((from, id, timestamp, content, drop) =>
        {
            var message = new JsonObject
            {
                ["from"] = from.Node?.DeepClone(), ["id"] = id?.DeepClone(), ["timestamp"] = timestamp?.DeepClone(), ["type"] = content.Type,
                [content.Type.Length == 0 ? "x" : content.Type] = content.Content?.DeepClone(),
            };
            if (drop < 3)
            {
                // A missing field: Meta never leaves these out, a forger or a bug might.
                message.Remove(new[] { "from", "id", "timestamp", "type" }[drop]);
            }
            else if (drop == 9)
            {
                message["context"] = new JsonObject { ["forwarded"] = true, ["id"] = "wamid.x" };
                message["referral"] = new JsonObject { ["source_url"] = "https://fb.me/x", ["headline"] = new string('h', 300) };
            }

            // A missing timestamp is taken as "now", so only a missing sender or id keeps a confirmation from counting.
            var confirms = from.WaId is not null && drop >= 2 && content.Said is { } said && id is JsonValue && IntentReader.Read(said).Kind == IntentKind.Confirm;
            return ((JsonNode?)message, confirms ? from.WaId : null);
        })),
        (1, Scalar.Select(s => (s, (string?)null))));

    private static readonly Gen<JsonNode?> Statuses = Gen.Frequency(
        (4, Gen.Const((JsonNode?)null)),
        (2, Gen.Select(Gen.OneOf<string>("sent", "delivered", "read", "failed", "played", "deleted", ""), Gen.OneOf<JsonNode?>("wamid.fake000001", "wamid.nope", 5, null))
            .Select((status, id) => (JsonNode?)new JsonArray(new JsonObject
            {
                ["id"] = id?.DeepClone(), ["status"] = status, ["timestamp"] = "1749416383", ["recipient_id"] = Customers[0],
                ["errors"] = new JsonArray(new JsonObject { ["code"] = 131047, ["title"] = "Re-engagement message" }, 7, "x", null),
            }))),
        (1, Scalar));

    private static JsonObject Value(JsonArray messages, JsonNode? statuses, JsonNode? contacts) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = FakeGraphApi.PhoneNumberId },
        ["contacts"] = contacts?.DeepClone(),
        ["messages"] = messages,
        ["statuses"] = statuses?.DeepClone(),
    };

    private static readonly Gen<JsonNode?> Contacts = Gen.Frequency(
        (6, Gen.Const(0).Select(_ => (JsonNode?)new JsonArray(Customers.Take(3).Select(c => (JsonNode?)new JsonObject { ["profile"] = new JsonObject { ["name"] = "Sheena" }, ["wa_id"] = c }).ToArray()))),
        (1, Gen.String[0, 500].Select(name => (JsonNode?)new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = Customers[1] }))),
        (1, Scalar.Select(s => (JsonNode?)new JsonArray(s?.DeepClone(), new JsonObject { ["profile"] = s?.DeepClone(), ["wa_id"] = s?.DeepClone() }))),
        (1, Scalar));

    /// <summary>A whole delivery and the customers it confirms for; the envelope itself is sometimes wrong.</summary>
    private static readonly Gen<(string Body, List<string> Confirmers)> Delivery = Gen.Frequency(
        (12, Gen.Select(Message.Array[1, 4], Statuses, Contacts, Gen.Int[0, 9]).Select((messages, statuses, contacts, shape) =>
        {
            var list = messages.ToList();
            if (shape == 0)
            {
                list.AddRange(messages); // the same messages twice in one delivery
            }

            var value = Value(new JsonArray(list.Select(m => m.Node?.DeepClone()).ToArray()), statuses, contacts);
            JsonNode? changes = shape switch
            {
                1 => new JsonArray(new JsonObject { ["field"] = "account_update", ["value"] = value.DeepClone() }, 3, null, "x", new JsonObject { ["field"] = "messages", ["value"] = value }),
                2 => new JsonArray(new JsonObject { ["field"] = 7, ["value"] = new JsonArray(value) }),
                3 => value,
                _ => new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }),
            };
            JsonNode? entry = shape switch
            {
                4 => new JsonArray(null, 1, "x", new JsonArray(), new JsonObject { ["id"] = "1", ["changes"] = changes }),
                5 => new JsonObject { ["id"] = "1", ["changes"] = changes },
                _ => new JsonArray(new JsonObject { ["id"] = "102290129340398", ["changes"] = changes }),
            };
            var confirmers = shape is 2 or 3 or 5 ? [] : list.Select(m => m.Confirmer).OfType<string>().ToList();
            return (new JsonObject { ["object"] = "whatsapp_business_account", ["entry"] = entry }.ToJsonString(), confirmers);
        })),
        (1, Scalar.Select(s => (s?.ToJsonString() ?? "null", new List<string>()))),
        (1, Gen.String[0, 100].Select(s => (s, new List<string>()))));

    /// <summary>The delivery's bytes with each broken-text marker replaced by its raw bytes.</summary>
    private static byte[] Splice(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        foreach (var (marker, raw) in Broken)
        {
            for (var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker)); at >= 0; at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker)))
            {
                bytes = [.. bytes[..at], .. raw, .. bytes[(at + marker.Length)..]];
            }
        }

        return bytes;
    }

    /// <summary>What the server reads from a text with markers: each broken sequence as replacement characters.</summary>
    private static string AsRead(string text) => Broken.Aggregate(text, (t, b) => t.Replace(b.Marker, "\uFFFD", StringComparison.Ordinal));

    [Fact]
    public async Task Generated_webhook_deliveries_never_cause_a_500_and_orders_come_only_from_confirmations_at_menu_prices()
    {
        // The per-sender limit (30 a minute) would leave a few hundred messages for the conversation and fewer than ten orders.
        await using var whatsapp = await WhatsAppTestApp.StartAsync(("Chat:MaxParallelism", "4"), ("WhatsApp:MessagesPerSenderPerMinute", "10000"));
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var confirmations = new ConcurrentDictionary<string, int>();

        await Delivery.SampleAsync(async delivery =>
        {
            var response = await whatsapp.PostAsync(Splice(delivery.Body));
            statuses.AddOrUpdate(response.StatusCode, 1, (_, count) => count + 1);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                foreach (var customer in delivery.Confirmers)
                {
                    confirmations.AddOrUpdate(customer, 1, (_, count) => count + 1);
                }
            }

            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest;
        }, iter: Cases, threads: 4);

        await Eventually.TrueAsync(
            () => whatsapp.QueryAsync(async db => !await db.ChatInbox.AnyAsync(m => m.ProcessedAt == null) && !await db.OutboundMessages.AnyAsync(m => m.State == OutboundState.Pending)),
            "every recorded message handled and answered", TimeSpan.FromMinutes(5));
        var orders = await whatsapp.QueryAsync(db => db.Orders.AsNoTracking().ToListAsync());

        Assert.Empty(whatsapp.App.Logs.Errors);
        Assert.True(orders.Count > 0, $"no order was placed, so the run proves little: {string.Join(", ", statuses)}");
        Assert.All(orders.GroupBy(o => o.CustomerId), customer =>
            Assert.True(customer.Count() <= confirmations.GetValueOrDefault(customer.Key), $"{customer.Key} has {customer.Count()} orders but confirmed {confirmations.GetValueOrDefault(customer.Key)} times"));
        MenuPrices.AssertAll(TestMenus.Cafe(), orders);
    }
}
