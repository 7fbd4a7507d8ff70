using OrderBot.Languages;

namespace OrderBot.Chat.Fulfilment;

internal static class PortugueseFulfilment
{
    public static readonly FulfilmentWords Words = new()
    {
        Language = "pt",
        Pickup =
        [
            "retirar", "retirada", "retiro", "pra retirar", "para retirar", "retirar no balcão", "buscar", "vou buscar", "busco",
            "eu busco", "passo aí", "passo ai pra pegar", "passo aí pra pegar", "passo pra pegar", "vou pegar", "pego aí",
            "pra viagem", "para viagem", "pra levar", "para levar", "take away", "retirar na loja", "retiro na loja", "vou passar aí",
        ],
        Delivery =
        [
            "entrega", "entregar", "entregue", "pra entregar", "para entregar", "delivery", "manda pra", "manda para", "mandar pra",
            "mandar para", "manda aqui", "traz pra", "traga para", "traz aqui", "tele entrega", "tele-entrega", "pra entrega",
            "entrega em casa", "entregar em casa", "me entrega", "na entrega", "pago na entrega", "pagar na entrega",
            "pagamento na entrega", "paga na entrega",
        ],
        ModeLeads = ["para", "pra", "por", "é pra", "é para", "com", "vai ser"],
        ModeBreakers = ["com", "mim", "nós", "gente", "ele", "ela"],
        AddressLeads =
        [
            "meu endereço é", "o endereço é", "endereço", "meu endereço", "endereço:", "estou na", "estou no", "tô na", "to na",
            "tô no", "moro na", "moro no", "cep", "meu cep é", "código postal",
        ],
        DeliveryAddressLeads = ["na", "no", "em", "pra", "para", "pro", "aqui na", "aqui no"],
        StreetsBeforeName =
        [
            "rua", "r.", "avenida", "av", "av.", "travessa", "tv.", "trav.", "alameda", "al.", "praça", "pç.", "estrada", "rodovia",
            "largo", "beco", "viela", "calçada",
        ],
        StreetsAfterName = [],
        Units = ["apto", "ap", "ap.", "apt", "apartamento", "bloco", "bl", "bl.", "casa", "andar", "sala", "conjunto", "cj", "lote", "quadra", "qd", "nº", "n.", "número", "numero", "esq.", "esquerdo", "direito", "dto", "frente", "fundos"],
        AddressStops = ["por favor", "pf", "pfv", "obrigado", "obrigada", "valeu", "vlw"],
        SpeakerStarts = ["eu", "a gente"],
        Conjunctions = ["e", "mais"],
        TimeLeads =
        [
            "às", "as", "para as", "pras", "pra as", "lá pelas", "pelas", "por volta das", "por volta de", "até as", "até às",
            "ate as", "antes das", "depois das", "a partir das", "umas", "tipo", "tipo umas", "lá pras",
        ],
        WeakTimeLeads = ["para", "pra", "pro", "no", "em", "a", "ao"],
        HourWords = new Dictionary<string, int>
        {
            ["uma"] = 1, ["duas"] = 2, ["três"] = 3, ["quatro"] = 4, ["cinco"] = 5, ["seis"] = 6, ["sete"] = 7, ["oito"] = 8,
            ["nove"] = 9, ["dez"] = 10, ["onze"] = 11, ["doze"] = 12,
        },
        MinutesBefore = new Dictionary<string, int> { ["quinze para as"] = -15, ["dez para as"] = -10, ["vinte para as"] = -20, ["quinze pras"] = -15, ["dez pras"] = -10 },
        MinutesAfter = new Dictionary<string, int> { ["e meia"] = 30, ["e quinze"] = 15, ["e dez"] = 10, ["e vinte"] = 20, ["e trinta"] = 30, ["e quarenta"] = 40 },
        ClockMarks = ["h", "hs", "hrs", "hr", "horas", "em ponto"],
        Evening = ["pm", "da tarde", "da noite", "à noite", "de noite", "à tarde", "de tarde", "hoje à noite", "hoje a noite", "essa noite", "esta noite", "hoje de noite"],
        Morning = ["am", "da manhã", "de manhã", "pela manhã", "da madrugada"],
        NamedTimes = new Dictionary<string, int> { ["meio-dia"] = 720, ["meio dia"] = 720, ["meia-noite"] = 0, ["meia noite"] = 0 },
        Days = new Dictionary<string, int> { ["hoje"] = 0, ["amanhã"] = 1, ["amanha"] = 1, ["depois de amanhã"] = 2 },
        Tonight = ["hoje à noite", "hoje a noite", "hoje de noite", "essa noite", "esta noite"],
        Weekdays = new Dictionary<string, DayOfWeek>
        {
            ["segunda"] = DayOfWeek.Monday, ["segunda-feira"] = DayOfWeek.Monday, ["terça"] = DayOfWeek.Tuesday, ["terça-feira"] = DayOfWeek.Tuesday,
            ["quarta"] = DayOfWeek.Wednesday, ["quarta-feira"] = DayOfWeek.Wednesday, ["quinta"] = DayOfWeek.Thursday,
            ["quinta-feira"] = DayOfWeek.Thursday, ["sexta"] = DayOfWeek.Friday, ["sexta-feira"] = DayOfWeek.Friday,
            ["sábado"] = DayOfWeek.Saturday, ["domingo"] = DayOfWeek.Sunday,
        },
        DayLeads = ["na", "no", "nesta", "neste", "nessa", "nesse", "pra", "para"],
        RelativeLeads = ["daqui a", "daqui", "em", "dentro de", "em uns", "em umas", "daqui uns", "daqui a uns"],
        Durations = new Dictionary<string, int>
        {
            ["uma hora"] = 60, ["meia hora"] = 30, ["uma hora e meia"] = 90, ["hora e meia"] = 90, ["umas duas horas"] = 120, ["um quarto de hora"] = 15,
        },
        DurationUnits = new Dictionary<string, int>
        {
            ["hora"] = 60, ["horas"] = 60, ["h"] = 60, ["hs"] = 60, ["minuto"] = 1, ["minutos"] = 1, ["min"] = 1, ["mins"] = 1,
        },
        Asap =
        [
            "o mais rápido possível", "o mais rápido", "o quanto antes", "assim que possível", "assim que der", "assim que puder",
            "imediatamente", "agora mesmo", "já já", "urgente", "mais rápido possível", "asap", "pra já", "pra agora",
        ],
        AsapAtEnd = ["agora", "já", "agora por favor"],
        Payments = new Dictionary<string, MentionedPayment>
        {
            ["dinheiro"] = MentionedPayment.Cash, ["em dinheiro"] = MentionedPayment.Cash, ["no dinheiro"] = MentionedPayment.Cash,
            ["dinhero"] = MentionedPayment.Cash, ["espécie"] = MentionedPayment.Cash, ["em espécie"] = MentionedPayment.Cash,
            ["cartão"] = MentionedPayment.Card, ["no cartão"] = MentionedPayment.Card, ["cartão de crédito"] = MentionedPayment.Card,
            ["cartão de débito"] = MentionedPayment.Card, ["crédito"] = MentionedPayment.Card, ["débito"] = MentionedPayment.Card,
            ["maquininha"] = MentionedPayment.Card, ["na maquininha"] = MentionedPayment.Card, ["pix"] = MentionedPayment.Online,
            ["no pix"] = MentionedPayment.Online, ["via pix"] = MentionedPayment.Online, ["online"] = MentionedPayment.Online,
            ["pagamento online"] = MentionedPayment.Online, ["link de pagamento"] = MentionedPayment.Online, ["me manda o link"] = MentionedPayment.Online,
            ["manda o link"] = MentionedPayment.Online, ["o link"] = MentionedPayment.Online, ["pelo app"] = MentionedPayment.Online,
            ["cartão na entrega"] = MentionedPayment.Card, ["dinheiro na entrega"] = MentionedPayment.Cash,
            ["multibanco"] = MentionedPayment.Card, ["mb way"] = MentionedPayment.Online, ["mbway"] = MentionedPayment.Online,
        },
        PaymentLeads = ["pago", "pagar", "pago no", "pago com", "pagar no", "pagar com", "pagamento", "pagamento no", "pagamento em", "vou pagar", "vou pagar no", "vou pagar com", "vou pagar em", "eu pago", "eu pago no", "eu pago com", "eu pago em", "eu vou pagar", "eu vou pagar no", "eu vou pagar com", "eu vou pagar em", "pagando", "pagando no", "pagando com", "pagando em", "com", "em", "por", "via", "no", "na"],
        CashChange = ["troco pra", "troco para", "troco de"],
        Tip = ["gorjeta", "caixinha", "gorja"],
        NoTip = ["sem gorjeta", "sem caixinha", "não quero dar gorjeta"],
        TipLinks = ["de", "da", "com", "uma"],
        Percent = ["por cento", "porcento"],
        TimeFollowers =
        [
            "por", "favor", "pf", "pfv", "obrigado", "obrigada", "e", "ou", "hoje", "amanhã", "em", "ponto", "da", "de", "pm", "am",
            "se", "valeu", "vlw", "beleza", "blz", "tá", "ta", "ok",
        ],
        Numbers = Portuguese.Words.Numbers,
    };
}

/// <summary>The fulfilment words of each language the conversation speaks, by code.</summary>
internal static class FulfilmentLanguages
{
    public static IReadOnlyList<FulfilmentWords> All { get; } = [EnglishFulfilment.Words, SpanishFulfilment.Words, PortugueseFulfilment.Words];
}
