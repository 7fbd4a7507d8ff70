using System.Text.Json.Nodes;
using OrderBot.Chat;

namespace OrderBot.Server.WhatsApp;

/// <summary>
/// Channel-neutral replies as Graph API message bodies, cut to WhatsApp's limits (3 buttons of 20 characters,
/// 10 list rows of 24, and the rest in the reference). The conversation already keeps within them; this is
/// the last guard, because the API rejects the whole message when one field is a character too long.
/// </summary>
public static class GraphMessages
{
    public static JsonObject Build(GraphRecipient to, OutgoingMessage message) => WithContext(message switch
    {
        ButtonsReply buttons when buttons.Buttons.Count > 0 => Envelope(to, "interactive", Buttons(buttons)),
        ListReply list when list.Rows.Any() => Envelope(to, "interactive", List(list)),
        _ => Envelope(to, "text", new JsonObject
        {
            ["preview_url"] = false,
            ["body"] = ChatLimits.Fit(message.Text, ChatLimits.TextBody),
        }),
    }, message.ReplyTo);

    /// <summary>An approved template whose body takes <paramref name="parameters"/> as {{1}}, {{2}}, ...</summary>
    public static JsonObject Template(GraphRecipient to, string name, string language, IEnumerable<string> parameters) => Envelope(to, "template", new JsonObject
    {
        ["name"] = name,
        ["language"] = new JsonObject { ["code"] = language },
        ["components"] = new JsonArray(new JsonObject
        {
            ["type"] = "body",
            ["parameters"] = new JsonArray(parameters.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p }).ToArray()),
        }),
    });

    /// <summary>
    /// Marks a customer's message read and shows the typing indicator until the reply goes out (or 25 s pass),
    /// in one call (platforms-2026.md 3). Marking one message read marks the earlier ones read too.
    /// </summary>
    public static JsonObject ReadWithTyping(string messageId) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["status"] = "read",
        ["message_id"] = messageId,
        ["typing_indicator"] = new JsonObject { ["type"] = "text" },
    };

    // A phone number goes in "to"; a customer known only by BSUID gets "recipient" (platforms-2026.md 1.4: when both
    // are present "to" wins, so only one is ever sent).
    private static JsonObject Envelope(GraphRecipient to, string type, JsonObject content)
    {
        var envelope = new JsonObject { ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual" };
        envelope[to.Phone is null ? "recipient" : "to"] = to.Phone ?? to.UserId;
        envelope["type"] = type;
        envelope[type] = content;
        return envelope;
    }

    /// <summary>Quotes the customer's message the reply answers (platforms-2026.md 3: <c>context.message_id</c>).</summary>
    private static JsonObject WithContext(JsonObject body, string? replyTo)
    {
        if (replyTo is not null)
        {
            body["context"] = new JsonObject { ["message_id"] = replyTo };
        }

        return body;
    }

    private static JsonObject Buttons(ButtonsReply reply)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var buttons = new JsonArray();
        foreach (var button in reply.Buttons.Take(ChatLimits.MaxButtons))
        {
            // Titles must be unique within a message: a clash after cutting gets a number.
            var title = ChatLimits.Fit(button.Title, ChatLimits.ButtonTitle);
            for (var n = 2; !seen.Add(title); n++)
            {
                title = ChatLimits.Fit(button.Title, ChatLimits.ButtonTitle - 2) + " " + n;
            }

            buttons.Add(new JsonObject
            {
                ["type"] = "reply",
                ["reply"] = new JsonObject { ["id"] = Cut(button.Id, 256), ["title"] = title },
            });
        }

        return new JsonObject
        {
            ["type"] = "button",
            ["body"] = new JsonObject { ["text"] = ChatLimits.Fit(reply.Text, ChatLimits.ButtonBody) },
            ["action"] = new JsonObject { ["buttons"] = buttons },
        };
    }

    private static JsonObject List(ListReply reply)
    {
        var sections = new JsonArray();
        var rowsLeft = ChatLimits.MaxListRows;
        foreach (var section in reply.Sections.Take(ChatLimits.MaxListSections))
        {
            var rows = new JsonArray();
            foreach (var row in section.Rows.Take(rowsLeft))
            {
                var json = new JsonObject { ["id"] = Cut(row.Id, ChatLimits.RowId), ["title"] = ChatLimits.Fit(row.Title, ChatLimits.RowTitle) };
                if (!string.IsNullOrEmpty(row.Description))
                {
                    json["description"] = ChatLimits.Fit(row.Description, ChatLimits.RowDescription);
                }

                rows.Add(json);
            }

            rowsLeft -= rows.Count;
            if (rows.Count > 0)
            {
                sections.Add(new JsonObject { ["title"] = ChatLimits.Fit(section.Title, ChatLimits.SectionTitle), ["rows"] = rows });
            }
        }

        return new JsonObject
        {
            ["type"] = "list",
            ["body"] = new JsonObject { ["text"] = ChatLimits.Fit(reply.Text, ChatLimits.TextBody) },
            ["action"] = new JsonObject
            {
                ["button"] = ChatLimits.Fit(reply.ButtonLabel, ChatLimits.ListButtonLabel),
                ["sections"] = sections,
            },
        };
    }

    /// <summary>Ids are cut without an ellipsis: they are matched, not read.</summary>
    private static string Cut(string id, int max) => id.Length <= max ? id : id[..max];
}
