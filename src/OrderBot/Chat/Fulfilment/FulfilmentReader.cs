namespace OrderBot.Chat.Fulfilment;

/// <summary>
/// Reads what a customer's message says about fulfilment (pickup or delivery, address, time, payment, tip) in
/// English, Spanish or Portuguese, with or without accents, and returns the message without those spans so the
/// order parser never reads "deliver to 12 Baker St at 7pm" as 12 or 7 of something. Pure: no shop settings,
/// no clock of its own; "now" is the shop's local time, given by the caller.
/// </summary>
internal static class FulfilmentReader
{
    /// <summary>Longer addresses are refused (<see cref="FulfilmentProblem.AddressTooLong"/>), never cut.</summary>
    public const int MaxAddressLength = 300;

    /// <summary>Reads a message in <paramref name="language"/> ("en", "es", "pt"; English otherwise) at the shop's local time.</summary>
    public static FulfilmentMentions Read(string text, string? language, DateTime localNow) =>
        new MessageReading(text ?? "", FulfilmentGrammar.For(language), localNow, question: null).Read();

    /// <summary>Reads a message at <paramref name="now"/>; times are returned in the shop's zone.</summary>
    public static FulfilmentMentions Read(string text, string? language, DateTimeOffset now, TimeZoneInfo shopZone) =>
        Read(text, language, LocalNow(now, shopZone));

    /// <summary>
    /// Reads the answer to <paramref name="question"/>: for an address the whole message is the address once the
    /// other mentions are taken out ("Rua Augusta 100, apto 3"); for a time a bare hour is enough ("7:30", "8").
    /// </summary>
    public static FulfilmentMentions ReadAnswer(string text, string? language, FulfilmentQuestion question, DateTime localNow) =>
        new MessageReading(text ?? "", FulfilmentGrammar.For(language), localNow, question).Read();

    public static FulfilmentMentions ReadAnswer(string text, string? language, FulfilmentQuestion question, DateTimeOffset now, TimeZoneInfo shopZone) =>
        ReadAnswer(text, language, question, LocalNow(now, shopZone));

    private static DateTime LocalNow(DateTimeOffset now, TimeZoneInfo shopZone)
    {
        ArgumentNullException.ThrowIfNull(shopZone);
        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(now, shopZone).DateTime, DateTimeKind.Unspecified);
    }
}
