using OrderBot.Languages;

namespace OrderBot.Chat.Fulfilment;

internal static class SpanishFulfilment
{
    public static readonly FulfilmentWords Words = new()
    {
        Language = "es",
        Pickup =
        [
            "para llevar", "pa llevar", "pa' llevar", "recoger", "recojo", "lo recojo", "los recojo", "paso a recoger", "paso a buscar",
            "paso a buscarlo", "paso por", "paso por él", "paso por ello", "voy por", "voy por él", "voy a recoger", "recoger en tienda",
            "recogida", "recogerlo", "pasar a recoger", "para recoger", "lo paso a buscar", "lo paso a recoger", "paso yo",
        ],
        Delivery =
        [
            "a domicilio", "domicilio", "envío", "envío a domicilio", "enviar", "envíalo", "envíalos", "entrega", "entrega a domicilio",
            "entregar", "entrégalo", "tráelo", "tráelos", "tráemelo", "traelo a", "llévalo", "llévamelo", "delivery", "mándalo a",
            "mandar a", "me lo mandas a", "me lo llevas a", "me lo traes a", "que me lo traigan", "contra entrega",
            "pago contra entrega", "pago al recibir", "pagar al recibir",
        ],
        ModeLeads = ["para", "por", "es para", "lo quiero", "lo quiero para", "pedido para", "con"],
        ModeBreakers = [],
        AddressLeads =
        [
            "mi dirección es", "la dirección es", "dirección", "mi dirección", "dirección:", "estoy en", "vivo en", "estamos en",
            "código postal", "mi código postal es", "cp",
        ],
        DeliveryAddressLeads = ["en", "a", "al", "hasta", "en la", "a la"],
        StreetsBeforeName =
        [
            "calle", "c/", "c.", "avenida", "av", "av.", "avda", "avda.", "paseo", "pº", "plaza", "pza", "pza.", "camino", "carrera",
            "cra", "ronda", "travesía", "callejón", "privada", "cerrada", "boulevard", "bulevar", "blvd", "colonia", "col.",
        ],
        StreetsAfterName = [],
        Units = ["piso", "depto", "dpto", "departamento", "apto", "apartamento", "puerta", "portal", "interior", "int", "int.", "bloque", "escalera", "esc", "nº", "no.", "número", "num", "#"],
        AddressStops = ["por favor", "porfa", "gracias", "muchas gracias", "xfa", "plis"],
        SpeakerStarts = ["yo", "nosotros"],
        Conjunctions = ["y", "e", "más"],
        TimeLeads =
        [
            "a las", "a la", "para las", "para la", "pa las", "pa' las", "tipo", "como a las", "hacia las", "sobre las", "a eso de las",
            "antes de las", "después de las", "tipo a las", "como las", "a partir de las", "listo a las", "listo para las",
        ],
        WeakTimeLeads = ["para", "a", "al", "pa", "sobre"],
        HourWords = new Dictionary<string, int>
        {
            ["una"] = 1, ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5, ["seis"] = 6, ["siete"] = 7, ["ocho"] = 8,
            ["nueve"] = 9, ["diez"] = 10, ["once"] = 11, ["doce"] = 12,
        },
        MinutesBefore = new Dictionary<string, int>(),
        MinutesAfter = new Dictionary<string, int>
        {
            ["y media"] = 30, ["y cuarto"] = 15, ["y quince"] = 15, ["y diez"] = 10, ["y veinte"] = 20, ["y cuarenta"] = 40,
            ["menos cuarto"] = -15, ["menos quince"] = -15, ["menos diez"] = -10, ["menos veinte"] = -20, ["y treinta"] = 30,
        },
        ClockMarks = ["h", "hs", "hrs", "hr", "horas", "en punto"],
        Evening = ["pm", "p.m.", "p m", "de la tarde", "de la noche", "por la tarde", "por la noche", "en la noche", "en la tarde", "esta noche", "hoy en la noche", "hoy por la noche", "esta tarde"],
        Morning = ["am", "a.m.", "a m", "de la mañana", "por la mañana", "en la mañana", "de la madrugada"],
        NamedTimes = new Dictionary<string, int> { ["mediodía"] = 720, ["medio día"] = 720, ["medianoche"] = 0, ["media noche"] = 0 },
        Days = new Dictionary<string, int> { ["hoy"] = 0, ["mañana"] = 1, ["manana"] = 1, ["pasado mañana"] = 2 },
        Tonight = ["esta noche", "hoy en la noche", "hoy por la noche", "en la noche"],
        Weekdays = new Dictionary<string, DayOfWeek>
        {
            ["lunes"] = DayOfWeek.Monday, ["martes"] = DayOfWeek.Tuesday, ["miércoles"] = DayOfWeek.Wednesday,
            ["jueves"] = DayOfWeek.Thursday, ["viernes"] = DayOfWeek.Friday, ["sábado"] = DayOfWeek.Saturday, ["domingo"] = DayOfWeek.Sunday,
        },
        DayLeads = ["el", "este", "para el", "el próximo", "este próximo"],
        RelativeLeads = ["en", "dentro de", "en unos", "en unas", "en como", "de aquí a"],
        Durations = new Dictionary<string, int>
        {
            ["una hora"] = 60, ["media hora"] = 60 / 2, ["hora y media"] = 90, ["una hora y media"] = 90, ["un cuarto de hora"] = 15,
            ["un par de horas"] = 120, ["un rato"] = 30,
        },
        DurationUnits = new Dictionary<string, int>
        {
            ["hora"] = 60, ["horas"] = 60, ["h"] = 60, ["hs"] = 60, ["minuto"] = 1, ["minutos"] = 1, ["min"] = 1, ["mins"] = 1,
        },
        Asap =
        [
            "lo antes posible", "lo más pronto posible", "lo mas pronto posible", "lo más rápido posible", "cuanto antes", "de inmediato",
            "inmediatamente", "ya mismo", "ahorita", "ahora mismo", "lo más rápido que puedan", "asap", "en cuanto puedan",
        ],
        AsapAtEnd = ["ya", "ahora", "ya por favor"],
        Payments = new Dictionary<string, MentionedPayment>
        {
            ["efectivo"] = MentionedPayment.Cash, ["en efectivo"] = MentionedPayment.Cash, ["cash"] = MentionedPayment.Cash,
            ["tarjeta"] = MentionedPayment.Card, ["con tarjeta"] = MentionedPayment.Card, ["tarjeta de crédito"] = MentionedPayment.Card,
            ["tarjeta de débito"] = MentionedPayment.Card, ["terminal"] = MentionedPayment.Card, ["datáfono"] = MentionedPayment.Card,
            ["en línea"] = MentionedPayment.Online, ["online"] = MentionedPayment.Online, ["pago en línea"] = MentionedPayment.Online,
            ["pago online"] = MentionedPayment.Online, ["link de pago"] = MentionedPayment.Online, ["enlace de pago"] = MentionedPayment.Online,
            ["mándame el link"] = MentionedPayment.Online, ["mándame un link"] = MentionedPayment.Online, ["el link"] = MentionedPayment.Online,
            ["transferencia"] = MentionedPayment.Online, ["bizum"] = MentionedPayment.Online, ["mercado pago"] = MentionedPayment.Online,
        },
        PaymentLeads = ["pago", "pagar", "pago con", "pagar con", "pago en", "pagar en", "pagaré", "pagaré con", "pagaré en", "pagamos", "pagamos con", "pagamos en", "voy a pagar", "voy a pagar con", "voy a pagar en", "yo pago", "yo pago con", "yo pago en", "yo voy a pagar", "yo voy a pagar con", "yo voy a pagar en", "con", "en", "por"],
        CashChange = ["cambio de", "cambio para", "traigo billete de", "pago con billete de"],
        Tip = ["propina"],
        NoTip = ["sin propina", "no propina", "nada de propina"],
        TipLinks = ["de", "del", "con", "un"],
        Percent = ["por ciento"],
        TimeFollowers =
        [
            "por", "favor", "porfa", "gracias", "y", "o", "hoy", "mañana", "en", "punto", "porfavor", "xfa", "pm", "am", "de", "para",
            "si", "please",
        ],
        Numbers = Spanish.Words.Numbers,
    };
}
