using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrderBot.Chat;
using OrderBot.Server.WhatsApp;

namespace OrderBot.Tests.WhatsApp;

/// <summary>
/// Text the JSON reader cannot turn into UTF-16 (issue 15, item 1): escaped lone surrogates and invalid UTF-8
/// bytes inside a validly signed delivery are repaired with U+FFFD; the rest of the delivery is stored and answered.
/// </summary>
public sealed class BrokenTextTests : IAsyncLifetime
{
    private WhatsAppTestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WhatsAppTestApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Raw UTF-8 that is not text: overlong "/", overlong NUL, a truncated 🍕, a lone continuation byte, 0xFF, an encoded surrogate.</summary>
    public static TheoryData<string, string> BrokenBytes => new()
    {
        { "overlong slash", "C0AF" },
        { "overlong NUL", "E08080" },
        { "truncated pizza emoji", "F09F8D" },
        { "truncated euro sign", "E282" },
        { "lone continuation byte", "80" },
        { "0xFF", "FF" },
        { "surrogate encoded in UTF-8", "EDA0BD" },
    };

    [Theory]
    [InlineData("\\ud83d")]
    [InlineData("\\udc00 pizza")]
    [InlineData("pizza \\ud83d\\ud83d")]
    [InlineData("\\ud83d\\u0041")]
    public void An_escaped_lone_surrogate_is_read_as_the_replacement_character(string escaped)
    {
        var payload = WebhookPayload.Parse(Delivery(Encoding.ASCII.GetBytes(escaped)), DateTime.UtcNow);

        var text = Assert.IsType<TextContent>(Assert.Single(payload.Messages).Content).Text;
        Assert.Contains(JsonText.Replacement, text);
        Assert.DoesNotContain(text, char.IsSurrogate);
        Assert.Equal(1, payload.Repaired);
    }

    [Theory]
    [MemberData(nameof(BrokenBytes))]
    public void Invalid_utf8_is_read_with_replacement_characters(string what, string hex)
    {
        var bytes = Encoding.ASCII.GetBytes("2 lattes ").Concat(Convert.FromHexString(hex)).Concat(Encoding.ASCII.GetBytes(" please")).ToArray();

        var payload = WebhookPayload.Parse(Delivery(bytes), DateTime.UtcNow);

        var text = Assert.IsType<TextContent>(Assert.Single(payload.Messages).Content).Text;
        Assert.StartsWith("pizza 2 lattes " + JsonText.Replacement, text, StringComparison.Ordinal);
        Assert.EndsWith(JsonText.Replacement + " please", text, StringComparison.Ordinal);
        Assert.True(payload.Repaired == 1, what);
    }

    [Fact]
    public void Escapes_around_broken_bytes_are_still_unescaped()
    {
        var literal = Encoding.ASCII.GetBytes("\"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83c\\udf55").Concat(Convert.FromHexString("C0")).Concat("\""u8.ToArray()).ToArray();

        Assert.Equal("a\"b\\c/d\né🍕\uFFFD", JsonText.Repair(literal));
    }

    [Fact]
    public async Task A_signed_delivery_with_a_broken_emoji_is_acknowledged_and_every_message_in_it_is_stored_and_answered()
    {
        var surrogate = WhatsAppTestApp.NewWaId();
        var badBytes = WhatsAppTestApp.NewWaId();
        var fine = WhatsAppTestApp.NewWaId();
        var json = MetaPayloads.Delivery(
        [
            MetaPayloads.Text(surrogate, "hi SURROGATE"),
            MetaPayloads.Text(badBytes, "hi BADBYTES"),
            MetaPayloads.Text(fine, "hi"),
        ]);
        var body = Splice(Splice(Encoding.UTF8.GetBytes(json), "SURROGATE", "\\ud83d"u8.ToArray()), "BADBYTES", Convert.FromHexString("F09F8D"));

        var response = await _app.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var customer in new[] { surrogate, badBytes, fine })
        {
            await _app.Graph.NthToAsync("+" + customer, 1);
        }

        var stored = await _app.QueryAsync(db => db.ChatInbox.Where(m => m.CustomerId == "+" + surrogate || m.CustomerId == "+" + badBytes).Select(m => m.Content).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.All(stored, content => Assert.Contains("hi \uFFFD", System.Text.Json.JsonSerializer.Deserialize<IncomingContent>(content, global::OrderBot.Orders.OrderJson.Options) is TextContent t ? t.Text : "", StringComparison.Ordinal));
    }

    /// <summary>A one-message delivery whose text is "pizza " followed by <paramref name="rawText"/>, exactly these bytes.</summary>
    private static byte[] Delivery(byte[] rawText) =>
        Splice(Encoding.UTF8.GetBytes(MetaPayloads.Delivery([MetaPayloads.Text(WhatsAppTestApp.NewWaId(), "pizza MARK")])), "MARK", rawText);

    private static byte[] Splice(byte[] body, string marker, byte[] replacement)
    {
        var at = body.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker));
        Assert.True(at >= 0, $"{marker} not in the delivery");
        return [.. body[..at], .. replacement, .. body[(at + marker.Length)..]];
    }
}
