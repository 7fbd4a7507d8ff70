namespace OrderBot.Chat.Fulfilment;

/// <summary>
/// What the bot says while it collects pickup or delivery, address, time, payment and tip, in one language. Kept apart
/// from <see cref="ChatTexts"/> so the two tables change independently; picked by the same language code.
/// Placeholders are <see cref="string.Format(IFormatProvider, string, object[])"/> style.
/// </summary>
internal sealed record FulfilmentTexts
{
    public required string Language { get; init; }

    public required string AskMode { get; init; }
    public required string Pickup { get; init; }
    public required string Delivery { get; init; }

    public required string AskAddress { get; init; }
    public required string AskPostcode { get; init; }

    /// <summary>A pin whose coordinates cannot exist; the address question follows.</summary>
    public required string UnreadableLocation { get; init; }
    public required string AddressTooLong { get; init; }

    /// <summary>{0}: the address; {1}: the shop's address.</summary>
    public required string OutsideZone { get; init; }

    /// <summary>The zone's minimum {0}, the order's subtotal {1}.</summary>
    public required string BelowMinimum { get; init; }

    public required string PickupInstead { get; init; }

    /// <summary>{0}: minutes; {1}: the estimated clock time.</summary>
    public required string AskTime { get; init; }

    public required string Asap { get; init; }

    /// <summary>{0}: when the shop opens ("today at 17:00").</summary>
    public required string ClosedNow { get; init; }

    /// <summary>{0}: the time asked for; {1}: when the shop opens.</summary>
    public required string ClosedThen { get; init; }

    /// <summary>A button, at most 20 characters with its {0} ("11:00", "Sat 12:00").</summary>
    public required string ScheduleFor { get; init; }

    /// <summary>{0}: what the customer wrote; the time question follows.</summary>
    public required string UnreadableTime { get; init; }

    public required string TimePassed { get; init; }

    /// <summary>{0}: days.</summary>
    public required string TooFarAhead { get; init; }

    public required string NeverOpens { get; init; }

    public required string AskPayment { get; init; }
    public required string Cash { get; init; }
    public required string Card { get; init; }
    public required string Online { get; init; }

    /// <summary>{0}: the method asked for.</summary>
    public required string PaymentNotTaken { get; init; }

    public required string AskTip { get; init; }
    public required string NoTip { get; init; }

    /// <summary>{0}: the shop's choices.</summary>
    public required string TipNotOffered { get; init; }

    public required string TipListButton { get; init; }

    public required string Noted { get; init; }

    public required string Subtotal { get; init; }
    public required string Fee { get; init; }
    public required string Tax { get; init; }
    public required string TaxIncluded { get; init; }
    public required string Tip { get; init; }

    /// <summary>{0}: the address.</summary>
    public required string DeliverTo { get; init; }

    /// <summary>{0}: the shop's address (or name).</summary>
    public required string PickupAt { get; init; }

    public required string When { get; init; }

    /// <summary>{0}: the estimated clock time.</summary>
    public required string AsapAbout { get; init; }

    /// <summary>{0}: the estimated clock time ("around 19:35").</summary>
    public required string Around { get; init; }

    public required string Payment { get; init; }
    public required string YourLocation { get; init; }

    /// <summary>After placing. {0}: address; {1}: "around 19:35" or "today at 19:00".</summary>
    public required string PlacedDelivery { get; init; }

    /// <summary>After placing. {0}: "around 19:35" or "today at 19:00".</summary>
    public required string PlacedPickup { get; init; }

    /// <summary>{0}: a day ("today", "Sat"); {1}: a clock time.</summary>
    public required string DayAt { get; init; }

    public required string Today { get; init; }
    public required string Tomorrow { get; init; }

    /// <summary>Short weekday names, Sunday first.</summary>
    public required IReadOnlyList<string> Days { get; init; }

    public static readonly FulfilmentTexts English = new()
    {
        Language = "en",
        AskMode = "Pickup or delivery?",
        Pickup = "Pickup",
        Delivery = "Delivery",
        AskAddress = "What's the delivery address? Type it, or send your location 📍",
        AskPostcode = "Which postcode is that?",
        UnreadableLocation = "I couldn't read that location.",
        AddressTooLong = "That address is too long for me. Please send just the street, number and postcode.",
        OutsideZone = "Sorry, we don't deliver to {0}. You can pick it up from us ({1}), or send another address.",
        BelowMinimum = "The minimum order for delivery there is {0}; yours comes to {1}. Add something more, or pick it up instead.",
        PickupInstead = "Pickup instead",
        AskTime = "When would you like it? As soon as possible is about {0} minutes (around {1}), or tell me a time.",
        Asap = "As soon as possible",
        ClosedNow = "We're closed right now; we open {0}. Shall I schedule your order for then?",
        ClosedThen = "We're closed at {0}; we open {1}. Shall I schedule it for then, or would you like another time?",
        ScheduleFor = "Schedule for {0}",
        UnreadableTime = "I couldn't read “{0}” as a time.",
        TimePassed = "That time has already passed. When would you like it?",
        TooFarAhead = "I can only schedule up to {0} days ahead. When would you like it?",
        NeverOpens = "Sorry, the shop isn't taking orders for the coming days.",
        AskPayment = "How will you pay?",
        Cash = "Cash",
        Card = "Card",
        Online = "Online",
        PaymentNotTaken = "Sorry, we can't take {0}.",
        AskTip = "Would you like to add a tip?",
        NoTip = "No tip",
        TipNotOffered = "The tip choices are {0}.",
        TipListButton = "Choose",
        Noted = "Got it. What would you like to order?",
        Subtotal = "Subtotal",
        Fee = "Delivery fee",
        Tax = "Tax",
        TaxIncluded = "Tax included",
        Tip = "Tip",
        DeliverTo = "Delivery to {0}",
        PickupAt = "Pickup at {0}",
        When = "When",
        AsapAbout = "as soon as possible (about {0})",
        Around = "around {0}",
        Payment = "Payment",
        YourLocation = "your location",
        PlacedDelivery = "We'll bring it to {0}, {1}.",
        PlacedPickup = "It'll be ready for pickup {0}.",
        DayAt = "{0} at {1}",
        Today = "today",
        Tomorrow = "tomorrow",
        Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    };

    public static readonly FulfilmentTexts Spanish = new()
    {
        Language = "es",
        AskMode = "¿Para recoger o a domicilio?",
        Pickup = "Recoger",
        Delivery = "A domicilio",
        AskAddress = "¿Cuál es la dirección de entrega? Escríbela o mándanos tu ubicación 📍",
        AskPostcode = "¿Qué código postal es?",
        UnreadableLocation = "No pude leer esa ubicación.",
        AddressTooLong = "Esa dirección es demasiado larga. Mándame solo la calle, el número y el código postal.",
        OutsideZone = "Lo siento, no llegamos a {0}. Puedes recogerlo aquí ({1}) o darnos otra dirección.",
        BelowMinimum = "Para enviarlo ahí el pedido mínimo es de {0}; el tuyo suma {1}. Añade algo más o recógelo tú.",
        PickupInstead = "Recoger",
        AskTime = "¿Para cuándo lo quieres? Lo antes posible son unos {0} minutos (hacia las {1}), o dime una hora.",
        Asap = "Lo antes posible",
        ClosedNow = "Ahora estamos cerrados; abrimos {0}. ¿Te lo programo para entonces?",
        ClosedThen = "A las {0} estamos cerrados; abrimos {1}. ¿Te lo programo para entonces, o prefieres otra hora?",
        ScheduleFor = "Programar {0}",
        UnreadableTime = "No entendí “{0}” como hora.",
        TimePassed = "Esa hora ya pasó. ¿Para cuándo lo quieres?",
        TooFarAhead = "Solo puedo programar hasta {0} días por adelantado. ¿Para cuándo lo quieres?",
        NeverOpens = "Lo siento, no estamos aceptando pedidos para los próximos días.",
        AskPayment = "¿Cómo vas a pagar?",
        Cash = "Efectivo",
        Card = "Tarjeta",
        Online = "En línea",
        PaymentNotTaken = "Lo siento, no aceptamos {0}.",
        AskTip = "¿Quieres dejar propina?",
        NoTip = "Sin propina",
        TipNotOffered = "Las opciones de propina son {0}.",
        TipListButton = "Elegir",
        Noted = "Anotado. ¿Qué te pongo?",
        Subtotal = "Subtotal",
        Fee = "Envío",
        Tax = "IVA",
        TaxIncluded = "IVA incluido",
        Tip = "Propina",
        DeliverTo = "Envío a {0}",
        PickupAt = "Recoger en {0}",
        When = "Cuándo",
        AsapAbout = "lo antes posible (hacia las {0})",
        Around = "hacia las {0}",
        Payment = "Pago",
        YourLocation = "tu ubicación",
        PlacedDelivery = "Te lo llevamos a {0}, {1}.",
        PlacedPickup = "Estará listo para recoger {0}.",
        DayAt = "{0} a las {1}",
        Today = "hoy",
        Tomorrow = "mañana",
        Days = ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
    };

    public static readonly FulfilmentTexts Portuguese = new()
    {
        Language = "pt",
        AskMode = "Retirada ou entrega?",
        Pickup = "Retirar",
        Delivery = "Entrega",
        AskAddress = "Qual é o endereço de entrega? Escreva ou mande sua localização 📍",
        AskPostcode = "Qual é o CEP?",
        UnreadableLocation = "Não consegui ler essa localização.",
        AddressTooLong = "Esse endereço ficou longo demais. Mande só a rua, o número e o CEP.",
        OutsideZone = "Desculpe, não entregamos em {0}. Você pode retirar aqui ({1}) ou mandar outro endereço.",
        BelowMinimum = "Para entregar aí o pedido mínimo é {0}; o seu dá {1}. Adicione mais alguma coisa ou retire aqui.",
        PickupInstead = "Retirar",
        AskTime = "Para quando? O quanto antes leva uns {0} minutos (por volta das {1}), ou me diga um horário.",
        Asap = "O quanto antes",
        ClosedNow = "Agora estamos fechados; abrimos {0}. Quer que eu agende para esse horário?",
        ClosedThen = "Às {0} estamos fechados; abrimos {1}. Quer que eu agende para esse horário, ou prefere outro?",
        ScheduleFor = "Agendar {0}",
        UnreadableTime = "Não entendi “{0}” como horário.",
        TimePassed = "Esse horário já passou. Para quando?",
        TooFarAhead = "Só consigo agendar até {0} dias antes. Para quando?",
        NeverOpens = "Desculpe, não estamos aceitando pedidos para os próximos dias.",
        AskPayment = "Como vai pagar?",
        Cash = "Dinheiro",
        Card = "Cartão",
        Online = "Online",
        PaymentNotTaken = "Desculpe, não aceitamos {0}.",
        AskTip = "Quer deixar uma gorjeta?",
        NoTip = "Sem gorjeta",
        TipNotOffered = "As opções de gorjeta são {0}.",
        TipListButton = "Escolher",
        Noted = "Anotado. O que vai ser?",
        Subtotal = "Subtotal",
        Fee = "Taxa de entrega",
        Tax = "Impostos",
        TaxIncluded = "Impostos inclusos",
        Tip = "Gorjeta",
        DeliverTo = "Entrega em {0}",
        PickupAt = "Retirada em {0}",
        When = "Quando",
        AsapAbout = "o quanto antes (por volta das {0})",
        Around = "por volta das {0}",
        Payment = "Pagamento",
        YourLocation = "sua localização",
        PlacedDelivery = "Entregamos em {0}, {1}.",
        PlacedPickup = "Fica pronto para retirar {0}.",
        DayAt = "{0} às {1}",
        Today = "hoje",
        Tomorrow = "amanhã",
        Days = ["dom", "seg", "ter", "qua", "qui", "sex", "sáb"],
    };

    public static FulfilmentTexts For(string? language) => language switch
    {
        "es" => Spanish,
        "pt" => Portuguese,
        _ => English,
    };
}
