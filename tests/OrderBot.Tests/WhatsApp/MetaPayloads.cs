using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderBot.Tests.WhatsApp;

/// <summary>Webhook deliveries in the shapes of Meta's documentation (see shared/reference/whatsapp-cloud-api.md).</summary>
public static class MetaPayloads
{
    // Meta's timestamps are when the customer sent the message, so they start near now: the 24-hour window is measured from them.
    private static long _next = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 600;

    /// <summary>A fresh wamid-like id; real ones are opaque base64 strings.</summary>
    public static string NewId() => "wamid.HBgL" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');

    /// <summary>Strictly increasing Unix seconds from ten minutes ago, so a test's messages have a known order.</summary>
    public static string Timestamp() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Text(string waId, string body, string? id = null) => Message(waId, "text", new JsonObject { ["body"] = body }, id);

    public static JsonObject ButtonReply(string waId, string buttonId, string title, string? id = null)
    {
        var message = Message(waId, "interactive", new JsonObject
        {
            ["type"] = "button_reply",
            ["button_reply"] = new JsonObject { ["id"] = buttonId, ["title"] = title },
        }, id);
        message["context"] = new JsonObject { ["from"] = "15550783881", ["id"] = "wamid.earlier" };
        return message;
    }

    public static JsonObject ListReply(string waId, string rowId, string title) => Message(waId, "interactive", new JsonObject
    {
        ["type"] = "list_reply",
        ["list_reply"] = new JsonObject { ["id"] = rowId, ["title"] = title, ["description"] = "" },
    });

    public static JsonObject CatalogOrder(string waId, params (string RetailerId, int Quantity, decimal Price)[] items) => Message(waId, "order", new JsonObject
    {
        ["catalog_id"] = "194836987003835",
        ["text"] = "Love these!",
        ["product_items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
        {
            ["product_retailer_id"] = i.RetailerId, ["quantity"] = i.Quantity, ["item_price"] = i.Price, ["currency"] = "EUR",
        }).ToArray()),
    });

    public static JsonObject Audio(string waId) =>
        Message(waId, "audio", new JsonObject { ["id"] = "1479537139650974", ["mime_type"] = "audio/ogg; codecs=opus", ["voice"] = true });

    public static JsonObject Sticker(string waId) =>
        Message(waId, "sticker", new JsonObject { ["id"] = "1479537139650975", ["mime_type"] = "image/webp", ["animated"] = false });

    public static JsonObject Status(string wamid, string status, string recipient) => new()
    {
        ["id"] = wamid, ["status"] = status, ["timestamp"] = Timestamp(), ["recipient_id"] = recipient,
    };

    /// <summary>One delivery: every message in one change of one entry, with a contact for each sender.</summary>
    public static string Delivery(IEnumerable<JsonObject> messages, IEnumerable<JsonObject>? statuses = null)
    {
        var list = messages.ToList();
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = FakeGraphApi.PhoneNumberId },
        };
        if (list.Count > 0)
        {
            value["contacts"] = new JsonArray(list.Select(m => m["from"]!.GetValue<string>()).Distinct()
                .Select(from => (JsonNode)new JsonObject { ["profile"] = new JsonObject { ["name"] = "Sheena Nelson" }, ["wa_id"] = from }).ToArray());
            value["messages"] = new JsonArray(list.Select(m => (JsonNode)m).ToArray());
        }

        if (statuses is not null)
        {
            value["statuses"] = new JsonArray(statuses.Select(s => (JsonNode)s).ToArray());
        }

        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }),
            }),
        }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    private static JsonObject Message(string waId, string type, JsonObject content, string? id = null) => new()
    {
        ["from"] = waId,
        ["id"] = id ?? NewId(),
        ["timestamp"] = Timestamp(),
        ["type"] = type,
        [type] = content,
    };
}
