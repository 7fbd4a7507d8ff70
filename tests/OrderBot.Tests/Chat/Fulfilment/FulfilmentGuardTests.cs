using System.Text.Json;
using CsCheck;
using OrderBot.Chat.Fulfilment;
using Xunit;

namespace OrderBot.Tests.Chat.Fulfilment;

/// <summary>
/// The reader must not take anything from a plain order: every single-message extraction case of the sample
/// menus goes through it, and random text never breaks it or makes it invent text.
/// </summary>
public sealed class FulfilmentGuardTests
{
    private static readonly DateTime Now = FulfilmentCaseTests.Now;

    /// <summary>Menu cases that do say how to deliver but do not check the parser's instructions (they test the items).</summary>
    private static readonly HashSet<string> DeliveryWithoutInstructionCheck =
    [
        "2 x-burguer e 2 coca lata, entrega na rua das flores 120",
    ];

    private sealed record MenuCase(string Message, string? Instructions);

    private static IEnumerable<MenuCase> MenuCases(string folder) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Extraction", folder, "cases.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<JsonElement>(l))
            .Select(e => new MenuCase(
                e.GetProperty("message").GetString()!,
                e.TryGetProperty("instructions", out var i) ? i.GetString() : null));

    [Theory]
    [InlineData("burger-bar", "en")]
    [InlineData("taqueria-es", "es")]
    [InlineData("lanchonete-pt", "pt")]
    public void A_plain_order_of_the_menu_cases_has_no_mention_and_keeps_its_text(string folder, string language)
    {
        var wrong = new List<string>();
        foreach (var c in MenuCases(folder).Where(c => c.Instructions is null && !DeliveryWithoutInstructionCheck.Contains(c.Message)))
        {
            var read = FulfilmentReader.Read(c.Message, language, Now);
            if (read.Any || read.Remaining != c.Message)
            {
                wrong.Add($"\"{c.Message}\": {string.Join(", ", read.Spans.Select(s => $"{s.Kind} '{c.Message.Substring(s.Start, s.Length)}'"))}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("burger-bar", "en")]
    [InlineData("taqueria-es", "es")]
    [InlineData("lanchonete-pt", "pt")]
    public void In_a_menu_case_with_instructions_only_the_instructions_are_taken(string folder, string language)
    {
        foreach (var c in MenuCases(folder).Where(c => c.Instructions is not null))
        {
            var read = FulfilmentReader.Read(c.Message, language, Now);
            var instructions = c.Message.IndexOf(c.Instructions!, StringComparison.Ordinal);
            Assert.True(instructions >= 0, c.Message);
            Assert.All(read.Spans, s => Assert.True(
                s.Start >= instructions && s.Start + s.Length <= instructions + c.Instructions!.Length,
                $"\"{c.Message}\": {s.Kind} '{c.Message.Substring(s.Start, s.Length)}' is outside \"{c.Instructions}\""));
        }
    }

    [Fact]
    public void The_pizza_data_set_utterances_have_no_mention_when_the_data_set_is_on_this_machine()
    {
        var path = FindUp(Path.Combine("shared", "data", "pizza", "PIZZA_dev.json"));
        if (path is null)
        {
            Assert.Skip("PIZZA_dev.json is not on this machine");
        }

        var wrong = File.ReadLines(path)
            .Select(l => JsonSerializer.Deserialize<JsonElement>(l).GetProperty("dev.SRC").GetString()!)
            .Where(m => FulfilmentReader.Read(m, "en", Now).Any)
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private static readonly string[] Pieces =
    [
        "deliver to", "at", "7", "19:30", "25:99", "7.30", "pm", "h", "tomorrow", "mañana", "amanhã", "às", "a las", "y media",
        "e meia", "quarter to", "in", "an hour", "minutes", "asap", "now", "ya", "agora", "cash", "card", "pix", "tip", "%", "10",
        "no tip", "calle", "rua", "12", "Baker St", "apto", "3", ",", ".", "?", "!", "\n", "01310-100", "NW1 6XE", "2 pizzas", "and",
        "y", "e", "para llevar", "pickup", "to go", "with", "🍕", "\u0001", "-", ":", "9999999999", "friday", "sexta", "meio-dia", "noon",
    ];

    [Fact]
    public void Random_text_never_throws_and_what_remains_is_a_subsequence_of_the_message()
    {
        var piece = Gen.OneOf(Gen.OneOf(Pieces), Gen.String[Gen.Char, 0, 6], Gen.Int[0, 99].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var messages = piece.Array[0, 14].Select(p => string.Join(' ', p));
        var languages = Gen.OneOf("en", "es", "pt", "fr");
        var questions = Gen.OneOf<FulfilmentQuestion?>(null, FulfilmentQuestion.Address, FulfilmentQuestion.Time);
        Gen.Select(messages, languages, questions).Sample((message, language, question) =>
        {
            var read = question is { } q ? FulfilmentReader.ReadAnswer(message, language, q, Now) : FulfilmentReader.Read(message, language, Now);
            Assert.True(IsSubsequence(read.Remaining, message), $"\"{read.Remaining}\" is not taken from \"{message}\"");
            Assert.All(read.Spans, s => Assert.InRange(s.Start + s.Length, 0, message.Length));
            if (!read.Any)
            {
                Assert.Equal(message, read.Remaining);
            }
        }, iter: 3000);
    }

    [Fact]
    public void An_address_of_five_thousand_characters_is_refused_as_too_long_and_not_left_for_the_parser()
    {
        var message = "deliver to 12 " + string.Concat(Enumerable.Repeat("Baker ", 840)) + "Street";
        var read = FulfilmentReader.Read(message, "en", Now);
        Assert.True(message.Length > 5000);
        Assert.Null(read.Address);
        Assert.Equal([FulfilmentProblem.AddressTooLong], read.Problems);
        Assert.Equal(MentionedMode.Delivery, read.Mode);
        Assert.Equal("", read.Remaining);

        var answer = FulfilmentReader.ReadAnswer(new string('x', 2500) + " " + new string('y', 2500), "pt", FulfilmentQuestion.Address, Now);
        Assert.Null(answer.Address);
        Assert.Equal([FulfilmentProblem.AddressTooLong], answer.Problems);
    }

    [Fact]
    public void An_ambiguous_hour_keeps_both_readings_and_takes_the_next_one_after_now()
    {
        var read = FulfilmentReader.Read("at 7", "en", Now);
        Assert.True(read.Time!.AmbiguousHour);
        Assert.Equal([new DateTime(2026, 12, 3, 19, 0, 0), new DateTime(2026, 12, 4, 7, 0, 0)], read.Time.Alternatives);
        Assert.Equal(new DateTime(2026, 12, 3, 19, 0, 0), read.Time.At);

        var early = FulfilmentReader.Read("at 7", "en", new DateTime(2026, 12, 3, 6, 0, 0));
        Assert.Equal(new DateTime(2026, 12, 3, 7, 0, 0), early.Time!.At);
    }

    [Fact]
    public void Now_in_another_zone_is_read_in_the_shops_local_time()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("shop", TimeSpan.FromHours(-3), "shop", "shop");
        var read = FulfilmentReader.Read("em meia hora", "pt", new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero), zone);
        Assert.Equal(new DateTime(2026, 12, 3, 12, 30, 0), read.Time!.At);
    }

    [Fact]
    public void Every_language_has_its_words_and_an_unknown_language_reads_as_english()
    {
        Assert.Equal(["en", "es", "pt"], FulfilmentLanguages.All.Select(w => w.Language));
        Assert.Equal(MentionedMode.Pickup, FulfilmentReader.Read("pickup", "fr", Now).Mode);
    }

    private static bool IsSubsequence(string part, string whole)
    {
        var j = 0;
        foreach (var c in whole)
        {
            if (j < part.Length && part[j] == c)
            {
                j++;
            }
        }

        return j == part.Length;
    }

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
