using System.Collections.Frozen;

namespace OrderBot.Chat.Fulfilment;

/// <summary>One language's <see cref="FulfilmentWords"/> compiled into phrase sets, once per language.</summary>
internal sealed class FulfilmentGrammar
{
    private static readonly FrozenDictionary<string, FulfilmentGrammar> ByLanguage =
        FulfilmentLanguages.All.ToFrozenDictionary(w => w.Language, w => new FulfilmentGrammar(w), StringComparer.Ordinal);

    public static FulfilmentGrammar For(string? language) =>
        language is not null && ByLanguage.TryGetValue(language, out var grammar) ? grammar : ByLanguage[EnglishFulfilment.Words.Language];

    private FulfilmentGrammar(FulfilmentWords words)
    {
        Modes = PhraseSet.Of(words.Pickup.Select(p => KeyValuePair.Create(p, MentionedMode.Pickup))
            .Concat(words.Delivery.Select(p => KeyValuePair.Create(p, MentionedMode.Delivery))));
        ModeLeads = PhraseSet.Of(words.ModeLeads);
        ModeBreakers = PhraseSet.Of(words.ModeBreakers);
        AddressLeads = PhraseSet.Of(words.AddressLeads);
        DeliveryAddressLeads = PhraseSet.Of(words.DeliveryAddressLeads);
        StreetsBeforeName = PhraseSet.Of(words.StreetsBeforeName);
        StreetsAfterName = PhraseSet.Of(words.StreetsAfterName);
        Units = PhraseSet.Of(words.Units);
        AddressStops = PhraseSet.Of(words.AddressStops);
        SpeakerStarts = PhraseSet.Of(words.SpeakerStarts);
        Conjunctions = PhraseSet.Of(words.Conjunctions);
        TimeLeads = PhraseSet.Of(words.TimeLeads);
        WeakTimeLeads = PhraseSet.Of(words.WeakTimeLeads);
        HourWords = PhraseSet.Of(words.HourWords);
        MinutesBefore = PhraseSet.Of(words.MinutesBefore);
        MinutesAfter = PhraseSet.Of(words.MinutesAfter);
        ClockMarks = PhraseSet.Of(words.ClockMarks);
        Meridiem = PhraseSet.Of(words.Evening.Select(p => KeyValuePair.Create(p, true)).Concat(words.Morning.Select(p => KeyValuePair.Create(p, false))));
        NamedTimes = PhraseSet.Of(words.NamedTimes);
        Days = PhraseSet.Of(words.Days.Select(d => KeyValuePair.Create(d.Key, new DayWord(d.Value, null, false)))
            .Concat(words.Tonight.Select(t => KeyValuePair.Create(t, new DayWord(0, null, true))))
            .Concat(words.Weekdays.Select(d => KeyValuePair.Create(d.Key, new DayWord(null, d.Value, false)))));
        DayLeads = PhraseSet.Of(words.DayLeads);
        RelativeLeads = PhraseSet.Of(words.RelativeLeads);
        Durations = PhraseSet.Of(words.Durations);
        DurationUnits = words.DurationUnits.ToFrozenDictionary(StringComparer.Ordinal);
        Asap = PhraseSet.Of(words.Asap);
        AsapAtEnd = PhraseSet.Of(words.AsapAtEnd);
        Payments = PhraseSet.Of(words.Payments);
        PaymentLeads = PhraseSet.Of(words.PaymentLeads);
        CashChange = PhraseSet.Of(words.CashChange);
        Tip = PhraseSet.Of(words.Tip);
        NoTip = PhraseSet.Of(words.NoTip);
        TipLinks = PhraseSet.Of(words.TipLinks);
        Percent = PhraseSet.Of(words.Percent);
        TimeFollowers = PhraseSet.Of(words.TimeFollowers);
        Numbers = PhraseSet.Of(words.Numbers);
    }

    public PhraseSet<MentionedMode> Modes { get; }
    public PhraseSet<bool> ModeLeads { get; }
    public PhraseSet<bool> ModeBreakers { get; }
    public PhraseSet<bool> AddressLeads { get; }
    public PhraseSet<bool> DeliveryAddressLeads { get; }
    public PhraseSet<bool> StreetsBeforeName { get; }
    public PhraseSet<bool> StreetsAfterName { get; }
    public PhraseSet<bool> Units { get; }
    public PhraseSet<bool> AddressStops { get; }
    public PhraseSet<bool> SpeakerStarts { get; }
    public PhraseSet<bool> Conjunctions { get; }
    public PhraseSet<bool> TimeLeads { get; }
    public PhraseSet<bool> WeakTimeLeads { get; }
    public PhraseSet<int> HourWords { get; }
    public PhraseSet<int> MinutesBefore { get; }
    public PhraseSet<int> MinutesAfter { get; }
    public PhraseSet<bool> ClockMarks { get; }

    /// <summary>True for evening ("pm"), false for morning ("am").</summary>
    public PhraseSet<bool> Meridiem { get; }
    public PhraseSet<int> NamedTimes { get; }
    public PhraseSet<DayWord> Days { get; }
    public PhraseSet<bool> DayLeads { get; }
    public PhraseSet<bool> RelativeLeads { get; }
    public PhraseSet<int> Durations { get; }
    public FrozenDictionary<string, int> DurationUnits { get; }
    public PhraseSet<bool> Asap { get; }
    public PhraseSet<bool> AsapAtEnd { get; }
    public PhraseSet<MentionedPayment> Payments { get; }
    public PhraseSet<bool> PaymentLeads { get; }
    public PhraseSet<bool> CashChange { get; }
    public PhraseSet<bool> Tip { get; }
    public PhraseSet<bool> NoTip { get; }
    public PhraseSet<bool> TipLinks { get; }
    public PhraseSet<bool> Percent { get; }
    public PhraseSet<bool> TimeFollowers { get; }
    public PhraseSet<int> Numbers { get; }
}

/// <summary>A day said with a time: days from today, a weekday, or tonight (today, evening).</summary>
internal readonly record struct DayWord(int? Offset, DayOfWeek? Weekday, bool Evening);
