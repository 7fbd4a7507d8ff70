using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrderBot.Chat.Fulfilment;
using Xunit;

namespace OrderBot.Tests.Chat.Fulfilment;

/// <summary>
/// Hand-written messages per language (en.jsonl, es.jsonl, pt.jsonl) with everything the reader must find in
/// them and the text it must leave for the order parser. A field left out means "not mentioned"; a case with no
/// field but the message is a plain order that must come back untouched. "Now" is Thursday 3 December 2026, noon.
/// </summary>
public sealed class FulfilmentCaseTests
{
    public static readonly DateTime Now = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Unspecified);

    private sealed record Case(
        string M,
        string? Q = null,
        string? Mode = null,
        string? Address = null,
        string? Postcode = null,
        string? Time = null,
        int? Alts = null,
        string? Payment = null,
        decimal? Tip = null,
        string[]? Problems = null,
        string? Rest = null);

    private static readonly JsonSerializerOptions Format = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static List<Case> Cases(string language) =>
    [
        .. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Chat", "Fulfilment", language + ".jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<Case>(l, Format)!),
    ];

    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "en", "es", "pt" })
        {
            foreach (var c in Cases(language))
            {
                data.Add(language, c.M);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("pt")]
    public void Each_language_has_at_least_sixty_cases_with_plain_orders_among_them(string language)
    {
        var cases = Cases(language);
        Assert.True(cases.Count >= 60, $"{cases.Count} cases");
        Assert.True(cases.Count(c => c.Rest is null) >= 10, "negative cases");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void The_message_is_read_as_written_in_the_case(string language, string message)
    {
        var c = Cases(language).First(x => x.M == message);
        var read = c.Q is null
            ? FulfilmentReader.Read(c.M, language, Now)
            : FulfilmentReader.ReadAnswer(c.M, language, Enum.Parse<FulfilmentQuestion>(c.Q, ignoreCase: true), Now);

        Assert.Equal(c.Mode, read.Mode?.ToString().ToLowerInvariant());
        Assert.Equal(c.Address, read.Address?.Text);
        Assert.Equal(c.Postcode, read.Address?.Postcode);
        Assert.Equal(c.Payment, read.Payment?.ToString().ToLowerInvariant());
        Assert.Equal(c.Tip, read.Tip?.Percent);
        Assert.Equal(c.Problems ?? [], read.Problems.Select(p => p.ToString()));
        Assert.Equal(c.Time, read.Time switch
        {
            null => null,
            { Asap: true } => "asap",
            { At: { } at } => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            _ => "?",
        });
        if (c.Alts is { } alternatives)
        {
            Assert.Equal(alternatives, read.Time!.Alternatives.Count);
            Assert.Contains(read.Time.At!.Value, read.Time.Alternatives);
        }

        Assert.Equal(c.Rest ?? c.M, read.Remaining);
        Assert.Equal(c.Rest is not null, read.Any);
    }
}
