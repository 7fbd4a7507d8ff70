namespace OrderBot.Chat.Fulfilment;

/// <summary>
/// The words one language uses about pickup or delivery, addresses, times, payment and tips. The reader's rules
/// are written against these sets, never against literals: a new language is one more instance (see
/// <see cref="FulfilmentLanguages"/>) plus its test cases. Phrases are written as people spell them, accents
/// included; matching folds accents, and hyphens count as spaces ("meio-dia" is "meio dia").
/// </summary>
internal sealed record FulfilmentWords
{
    public required string Language { get; init; }

    /// <summary>Take-away words ("pickup", "to go", "para llevar", "vou buscar").</summary>
    public required IReadOnlyList<string> Pickup { get; init; }

    /// <summary>Delivery words ("deliver", "send it to", "a domicilio", "manda pra").</summary>
    public required IReadOnlyList<string> Delivery { get; init; }

    /// <summary>Words before a mode that belong to it ("for pickup", "para entrega").</summary>
    public required IReadOnlyList<string> ModeLeads { get; init; }

    /// <summary>Words right after a mode phrase that make it an ordinary verb ("a coke to go with it").</summary>
    public required IReadOnlyList<string> ModeBreakers { get; init; }

    /// <summary>Phrases after which an address follows ("my address is", "I'm at", "mi dirección es").</summary>
    public required IReadOnlyList<string> AddressLeads { get; init; }

    /// <summary>Prepositions that, right after a delivery word, start its address ("deliver to", "entregar en", "manda na").</summary>
    public required IReadOnlyList<string> DeliveryAddressLeads { get; init; }

    /// <summary>Street types written before the name, the house number after it ("calle", "c/", "rua", "av.").</summary>
    public required IReadOnlyList<string> StreetsBeforeName { get; init; }

    /// <summary>Street types written after the name, the house number before it ("12 Baker St").</summary>
    public required IReadOnlyList<string> StreetsAfterName { get; init; }

    /// <summary>Flat, floor and block words followed by their value ("apt 3", "piso 2", "bloco B").</summary>
    public required IReadOnlyList<string> Units { get; init; }

    /// <summary>Words that end an address ("please", "thanks").</summary>
    public required IReadOnlyList<string> AddressStops { get; init; }

    /// <summary>First-person openers: a clause they start is the customer talking again, not more address ("…, I'll pay online").</summary>
    public required IReadOnlyList<string> SpeakerStarts { get; init; }

    /// <summary>List words: an address ends before one followed by a quantity ("… 5 y dos tacos").</summary>
    public required IReadOnlyList<string> Conjunctions { get; init; }

    /// <summary>Phrases before a bare hour that make it a time ("at", "a las", "às", "pras").</summary>
    public required IReadOnlyList<string> TimeLeads { get; init; }

    /// <summary>Phrases that belong to a time only when it carries a clock mark ("for 7pm", "para 20h").</summary>
    public required IReadOnlyList<string> WeakTimeLeads { get; init; }

    /// <summary>Hour words read after a time lead ("seven", "ocho", "oito").</summary>
    public required IReadOnlyDictionary<string, int> HourWords { get; init; }

    /// <summary>Minutes said before the hour ("half past" 30, "quarter to" -15, "quinze para as" -15).</summary>
    public required IReadOnlyDictionary<string, int> MinutesBefore { get; init; }

    /// <summary>Minutes said after the hour ("and a half" 30, "y cuarto" 15, "menos cuarto" -15, "e meia" 30).</summary>
    public required IReadOnlyDictionary<string, int> MinutesAfter { get; init; }

    /// <summary>Marks that make a number a clock hour ("o'clock", "h", "horas").</summary>
    public required IReadOnlyList<string> ClockMarks { get; init; }

    /// <summary>Afternoon and evening ("pm", "in the evening", "de la noche", "da noite").</summary>
    public required IReadOnlyList<string> Evening { get; init; }

    /// <summary>Morning ("am", "in the morning", "de la mañana", "da manhã").</summary>
    public required IReadOnlyList<string> Morning { get; init; }

    /// <summary>Times of day by name, in minutes after midnight ("noon" 720, "mediodía" 720, "meia-noite" 0).</summary>
    public required IReadOnlyDictionary<string, int> NamedTimes { get; init; }

    /// <summary>Days counted from today ("today" 0, "tomorrow" 1, "mañana" 1, "amanhã" 1).</summary>
    public required IReadOnlyDictionary<string, int> Days { get; init; }

    /// <summary>"Tonight": today, in the evening.</summary>
    public required IReadOnlyList<string> Tonight { get; init; }

    /// <summary>Weekday names, with the words before them ("on friday", "el viernes", "na sexta-feira").</summary>
    public required IReadOnlyDictionary<string, DayOfWeek> Weekdays { get; init; }

    /// <summary>Words that lead a weekday ("on", "el", "na").</summary>
    public required IReadOnlyList<string> DayLeads { get; init; }

    /// <summary>Words before a duration ("in", "en", "dentro de", "daqui a", "em").</summary>
    public required IReadOnlyList<string> RelativeLeads { get; init; }

    /// <summary>Whole durations in minutes ("an hour" 60, "half an hour" 30, "media hora" 30, "uma hora e meia" 90).</summary>
    public required IReadOnlyDictionary<string, int> Durations { get; init; }

    /// <summary>Duration units in minutes ("hours" 60, "mins" 1), after a number.</summary>
    public required IReadOnlyDictionary<string, int> DurationUnits { get; init; }

    /// <summary>As soon as possible, wherever said ("asap", "lo antes posible", "o mais rápido possível").</summary>
    public required IReadOnlyList<string> Asap { get; init; }

    /// <summary>Words that mean as soon as possible only when they close the message ("now", "ya", "agora").</summary>
    public required IReadOnlyList<string> AsapAtEnd { get; init; }

    /// <summary>Payment methods ("cash", "card", "send me a link", "efectivo", "pix").</summary>
    public required IReadOnlyDictionary<string, MentionedPayment> Payments { get; init; }

    /// <summary>Words before a payment method that belong to it ("pay by", "paying", "pago con", "no").</summary>
    public required IReadOnlyList<string> PaymentLeads { get; init; }

    /// <summary>Change for a note, which means cash; the amount after it is part of the phrase ("troco pra 50").</summary>
    public required IReadOnlyList<string> CashChange { get; init; }

    /// <summary>"Tip", "propina", "gorjeta".</summary>
    public required IReadOnlyList<string> Tip { get; init; }

    /// <summary>"No tip", "sin propina", "sem gorjeta".</summary>
    public required IReadOnlyList<string> NoTip { get; init; }

    /// <summary>Small words between a tip word and its percentage ("of", "de", "del").</summary>
    public required IReadOnlyList<string> TipLinks { get; init; }

    /// <summary>"Percent" written out ("percent", "por ciento", "por cento").</summary>
    public required IReadOnlyList<string> Percent { get; init; }

    /// <summary>Words that may follow a bare hour ("at 7 please"); any other word makes it not a time ("at 7 up").</summary>
    public required IReadOnlyList<string> TimeFollowers { get; init; }

    /// <summary>Number words for durations and quantities ("two", "dos", "duas"), from the language's words.</summary>
    public required IReadOnlyDictionary<string, int> Numbers { get; init; }
}
