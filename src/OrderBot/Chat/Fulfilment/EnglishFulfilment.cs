using OrderBot.Languages;

namespace OrderBot.Chat.Fulfilment;

internal static class EnglishFulfilment
{
    public static readonly FulfilmentWords Words = new()
    {
        Language = "en",
        Pickup =
        [
            "pickup", "pick up", "pick it up", "pick them up", "pick-up", "i'll pick it up", "ill pick it up", "i will pick it up",
            "collect", "collection", "i'll collect", "i'll collect it", "to collect", "take away", "takeaway", "take-away", "takeout",
            "to go", "carry out", "carryout", "come get it", "come and get it", "come get them", "come pick it up", "come by for it",
            "picking up", "picking it up", "i'll come by",
        ],
        Delivery =
        [
            "delivery", "deliver", "deliver it", "deliver them", "delivered", "deliver please", "home delivery", "delivery please",
            "bring it", "bring them", "bring it over", "send it", "send them", "send it over", "deliever", "delievery", "delivry",
            "delivey", "dilivery", "pay on delivery", "pay at the door", "paying on delivery",
        ],
        ModeLeads = ["for", "as", "it's for", "its for", "it's", "it is", "i want", "i'd like", "by", "i'll do", "ill do", "we'll do", "do"],
        ModeBreakers = ["with", "along", "me", "us"],
        AddressLeads =
        [
            "my address is", "the address is", "address is", "address", "my address", "address:", "i'm at", "im at", "i am at",
            "we're at", "were at", "we are at", "i live at", "we live at", "my postcode is", "postcode", "post code", "zip code", "zip",
        ],
        DeliveryAddressLeads = ["to", "at", "over to", "to me at", "to us at"],
        StreetsBeforeName = [],
        StreetsAfterName =
        [
            "street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "drive", "dr", "boulevard", "blvd", "terrace",
            "crescent", "close", "way", "court", "ct", "place", "pl", "square", "sq", "gardens", "mews", "row", "parkway", "pkwy",
            "highway", "hwy",
        ],
        Units = ["apt", "apartment", "flat", "unit", "suite", "floor", "building", "bldg", "#"],
        AddressStops = ["please", "pls", "plz", "thanks", "thank you", "thx", "cheers"],
        SpeakerStarts = ["i", "i'll", "ill", "i'm", "im", "i'd", "i've", "we", "we'll", "we're", "we'd", "we've"],
        Conjunctions = ["and", "plus", "&"],
        TimeLeads =
        [
            "at", "by", "around", "at around", "at about", "ready at", "ready by", "for around", "before", "after",
            "no later than", "not before", "till", "until", "at like",
        ],
        WeakTimeLeads = ["for", "on"],
        HourWords = new Dictionary<string, int>
        {
            ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
            ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        },
        MinutesBefore = new Dictionary<string, int>
        {
            ["half past"] = 30, ["quarter past"] = 15, ["a quarter past"] = 15, ["quarter after"] = 15, ["ten past"] = 10,
            ["twenty past"] = 20, ["quarter to"] = -15, ["a quarter to"] = -15, ["quarter of"] = -15, ["ten to"] = -10, ["twenty to"] = -20,
        },
        MinutesAfter = new Dictionary<string, int> { ["and a half"] = 30, ["thirty"] = 30, ["fifteen"] = 15, ["forty five"] = 45, ["forty-five"] = 45 },
        ClockMarks = ["o'clock", "oclock", "o clock", "h", "hrs"],
        Evening = ["pm", "p.m.", "p m", "in the evening", "this evening", "in the afternoon", "this afternoon", "at night", "tonight", "tonite", "2nite"],
        Morning = ["am", "a.m.", "a m", "in the morning", "this morning"],
        NamedTimes = new Dictionary<string, int> { ["noon"] = 720, ["midday"] = 720, ["lunchtime"] = 720, ["midnight"] = 0 },
        Days = new Dictionary<string, int>
        {
            ["today"] = 0, ["tomorrow"] = 1, ["tomorow"] = 1, ["tommorow"] = 1, ["tommorrow"] = 1, ["tmrw"] = 1, ["tmr"] = 1,
        },
        Tonight = ["tonight", "tonite", "2nite", "this evening"],
        Weekdays = new Dictionary<string, DayOfWeek>
        {
            ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
            ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
            ["sunday"] = DayOfWeek.Sunday, ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
            ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["fri"] = DayOfWeek.Friday,
            ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
        },
        DayLeads = ["on", "this", "on this"],
        RelativeLeads = ["in", "within", "in about", "in around"],
        Durations = new Dictionary<string, int>
        {
            ["an hour"] = 60, ["a hour"] = 60, ["one hour"] = 60, ["half an hour"] = 30, ["half hour"] = 30, ["a half hour"] = 30,
            ["an hour and a half"] = 90, ["a couple of hours"] = 120, ["a couple hours"] = 120, ["a quarter of an hour"] = 15, ["quarter of an hour"] = 15,
        },
        DurationUnits = new Dictionary<string, int>
        {
            ["hour"] = 60, ["hours"] = 60, ["hr"] = 60, ["hrs"] = 60, ["h"] = 60, ["minute"] = 1, ["minutes"] = 1, ["min"] = 1, ["mins"] = 1,
        },
        Asap =
        [
            "asap", "a.s.a.p.", "as soon as possible", "as soon as you can", "as fast as possible", "as quick as possible", "right away",
            "right now", "straight away", "immediately", "soon as possible", "soonest",
        ],
        AsapAtEnd = ["now", "now please", "please now"],
        Payments = new Dictionary<string, MentionedPayment>
        {
            ["cash"] = MentionedPayment.Cash, ["in cash"] = MentionedPayment.Cash, ["card"] = MentionedPayment.Card,
            ["credit card"] = MentionedPayment.Card, ["debit card"] = MentionedPayment.Card, ["by card"] = MentionedPayment.Card,
            ["contactless"] = MentionedPayment.Card, ["card machine"] = MentionedPayment.Card, ["apple pay"] = MentionedPayment.Card,
            ["google pay"] = MentionedPayment.Card, ["online"] = MentionedPayment.Online, ["pay online"] = MentionedPayment.Online,
            ["online payment"] = MentionedPayment.Online, ["payment link"] = MentionedPayment.Online, ["send me a link"] = MentionedPayment.Online,
            ["send me the link"] = MentionedPayment.Online, ["send a link"] = MentionedPayment.Online, ["a link"] = MentionedPayment.Online,
            ["the link"] = MentionedPayment.Online, ["link"] = MentionedPayment.Online, ["card on delivery"] = MentionedPayment.Card,
            ["cash on delivery"] = MentionedPayment.Cash, ["card at the door"] = MentionedPayment.Card, ["cash at the door"] = MentionedPayment.Cash,
        },
        PaymentLeads = ["pay", "paying", "pay by", "pay with", "pay in", "paying by", "paying with", "paying in", "i'll pay", "ill pay", "i will pay", "will pay", "i'm paying", "im paying", "i am paying", "we'll pay", "we will pay", "we're paying", "we are paying", "by", "with", "in", "via", "pay via"],
        CashChange = ["change for", "change from"],
        Tip = ["tip", "tips", "gratuity"],
        NoTip = ["no tip", "no tips", "without tip", "without a tip", "no gratuity", "skip the tip", "zero tip"],
        TipLinks = ["of", "a", "add", "add a", "plus", "+"],
        Percent = ["percent", "per cent", "pct"],
        TimeFollowers =
        [
            "please", "pls", "plz", "thanks", "thank", "thx", "then", "and", "or", "for", "tonight", "today", "tomorrow", "sharp",
            "ish", "if", "latest", "at", "on", "cheers", "ok", "okay", "works", "is", "would", "pm", "am",
        ],
        Numbers = English.Words.Numbers,
    };
}
