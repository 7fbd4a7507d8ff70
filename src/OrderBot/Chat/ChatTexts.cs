using OrderBot.Orders;

namespace OrderBot.Chat;

/// <summary>
/// Every text the conversation sends, for one language. The conversation picks the instance of the customer's
/// language (<see cref="For"/>); placeholders are numbered ({0}, {1}) as in <see cref="string.Format(string, object?[])"/>.
/// </summary>
public sealed record ChatTexts
{
    public required string Language { get; init; }

    public required string YourOrder { get; init; }
    public required string Total { get; init; }
    public required string Note { get; init; }
    public required string Confirm { get; init; }
    public required string Change { get; init; }
    public required string Cancel { get; init; }

    /// <summary>{0} " Name" or empty, {1} the shop, {2} an example order.</summary>
    public required string Welcome { get; init; }
    public required string SeeMenu { get; init; }
    public required string MyStatus { get; init; }

    /// <summary>{0} the order number, {1} its total.</summary>
    public required string Placed { get; init; }
    /// <summary>{0} the order number.</summary>
    public required string Cancelled { get; init; }
    /// <summary>{0} number, {1} total, {2} status phrase, {3} the pending-cart note.</summary>
    public required string Status { get; init; }
    public required string StatusPendingCart { get; init; }
    /// <summary>{0} an example order, {1} the pending-cart note.</summary>
    public required string NoOrders { get; init; }
    public required string NoOrderToCancel { get; init; }
    public required string DroppedCart { get; init; }
    public required string ThanksReply { get; init; }
    public required string ByeReply { get; init; }
    public required string NotPlacedYet { get; init; }
    public required string NoWithCart { get; init; }
    public required string NoWithoutCart { get; init; }
    /// <summary>{0} the cart note, {1} an example order.</summary>
    public required string NotUnderstood { get; init; }
    public required string CartUnchanged { get; init; }

    /// <summary>{0} the sold-out item or option.</summary>
    public required string SoldOut { get; init; }

    /// <summary>{0} the closest available items.</summary>
    public required string SoldOutAlternatives { get; init; }
    public required string HandOverPerson { get; init; }
    public required string HandOverComplaint { get; init; }
    public required string HandOverMisunderstood { get; init; }
    /// <summary>{0} the order number, {1} the status phrase.</summary>
    public required string Notice { get; init; }
    public required Func<OrderStatus, string> StatusPhrase { get; init; }

    public static readonly ChatTexts English = new()
    {
        Language = "en",
        YourOrder = "Your order",
        Total = "Total",
        Note = "Note",
        Confirm = "Confirm",
        Change = "Change",
        Cancel = "Cancel",
        Welcome = "Hi{0}! Welcome to {1}. Type your order in your own words, e.g. “{2}”.\n" +
            "Ask me about prices or what is on an item, send “menu” to see what we have, “status” to check your order and “cancel” to cancel it.",
        SeeMenu = "See the menu",
        MyStatus = "My order status",
        Placed = "Thank you! Your order {0} is placed. Total: {1}.\nI'll message you here when it moves along; send “status” any time.",
        Cancelled = "Your order {0} is cancelled.",
        Status = "Your order {0} ({1}) {2}.{3}",
        StatusPendingCart = "\nYou also have an order that is not confirmed yet.",
        NoOrders = "You have no orders yet. Type your order to start, e.g. “{0}”.{1}",
        NoOrderToCancel = "You have no order to cancel.",
        DroppedCart = "OK, I've dropped that order. Type a new one whenever you like.",
        ThanksReply = "You're welcome!",
        ByeReply = "Bye, and thanks for ordering with us!",
        NotPlacedYet = " Your order isn't placed yet: tap Confirm when you're ready.",
        NoWithCart = "OK, nothing is placed yet. Tell me what to change, e.g. “remove the coke” or “make it 2”, or tap Confirm when you're ready.",
        NoWithoutCart = "OK. Tell me whenever you'd like to order.",
        NotUnderstood = "Sorry, I didn't understand that.{0} You can order like “{1}”, ask “what drinks do you have?”, send “menu”, or say “talk to a person”.",
        CartUnchanged = " Your order so far is unchanged.",
        SoldOut = "Sorry, {0} is sold out right now.",
        SoldOutAlternatives = " You could have {0} instead.",
        HandOverPerson = "Of course. I've asked a member of our staff to take over; they will answer you here shortly.",
        HandOverComplaint = "I'm sorry to hear that. I've passed this to a member of our staff, who will answer you here shortly.",
        HandOverMisunderstood = "Sorry, I'm not getting this right. I've asked a member of our staff to take over; they will answer you here shortly.",
        Notice = "Update on your order {0}: it {1}.",
        StatusPhrase = status => status switch
        {
            OrderStatus.Pending => "is received and waiting for the shop to confirm it",
            OrderStatus.Confirmed => "is confirmed",
            OrderStatus.Preparing => "is being prepared",
            OrderStatus.Ready => "is ready",
            OrderStatus.Shipped => "is on its way",
            OrderStatus.Delivered => "has been delivered. Enjoy your meal!",
            OrderStatus.Collected => "has been collected. Enjoy your meal!",
            OrderStatus.Cancelled => "is cancelled",
            _ => $"is {status.ToWireName()}",
        },
    };

    public static readonly ChatTexts Spanish = new()
    {
        Language = "es",
        YourOrder = "Tu pedido",
        Total = "Total",
        Note = "Nota",
        Confirm = "Confirmar",
        Change = "Cambiar",
        Cancel = "Cancelar",
        Welcome = "¡Hola{0}! Bienvenido a {1}. Escribe tu pedido con tus palabras, p. ej. “{2}”.\n" +
            "Pregúntame precios o qué lleva un plato, envía “menú” para ver lo que tenemos, “estado” para ver tu pedido y “cancelar” para cancelarlo.",
        SeeMenu = "Ver el menú",
        MyStatus = "Estado de mi pedido",
        Placed = "¡Gracias! Tu pedido {0} está hecho. Total: {1}.\nTe escribiré aquí cuando avance; envía “estado” cuando quieras.",
        Cancelled = "Tu pedido {0} está cancelado.",
        Status = "Tu pedido {0} ({1}) {2}.{3}",
        StatusPendingCart = "\nTambién tienes un pedido sin confirmar.",
        NoOrders = "Aún no tienes pedidos. Escribe tu pedido para empezar, p. ej. “{0}”.{1}",
        NoOrderToCancel = "No tienes ningún pedido que cancelar.",
        DroppedCart = "Vale, he descartado ese pedido. Escribe uno nuevo cuando quieras.",
        ThanksReply = "¡De nada!",
        ByeReply = "¡Adiós, y gracias por tu pedido!",
        NotPlacedYet = " Tu pedido aún no está hecho: pulsa Confirmar cuando quieras.",
        NoWithCart = "Vale, aún no hay nada pedido. Dime qué cambiar, p. ej. “quita la horchata” o “mejor 2”, o pulsa Confirmar cuando quieras.",
        NoWithoutCart = "Vale. Avísame cuando quieras pedir.",
        NotUnderstood = "Perdona, no lo he entendido.{0} Puedes pedir así: “{1}”, preguntar “¿qué bebidas tienen?”, enviar “menú” o decir “hablar con una persona”.",
        CartUnchanged = " Tu pedido sigue igual.",
        SoldOut = "Lo siento, {0} está agotado ahora mismo.",
        SoldOutAlternatives = " Puedes pedir {0} en su lugar.",
        HandOverPerson = "Claro. He pedido a alguien del equipo que continúe; te responderá aquí en breve.",
        HandOverComplaint = "Siento mucho oír eso. Se lo he pasado a alguien del equipo, que te responderá aquí en breve.",
        HandOverMisunderstood = "Perdona, no lo estoy entendiendo bien. He pedido a alguien del equipo que continúe; te responderá aquí en breve.",
        Notice = "Novedades de tu pedido {0}: {1}.",
        StatusPhrase = status => status switch
        {
            OrderStatus.Pending => "está recibido y esperando la confirmación del local",
            OrderStatus.Confirmed => "está confirmado",
            OrderStatus.Preparing => "se está preparando",
            OrderStatus.Ready => "está listo",
            OrderStatus.Shipped => "está en camino",
            OrderStatus.Delivered => "ha sido entregado. ¡Buen provecho!",
            OrderStatus.Collected => "ha sido recogido. ¡Buen provecho!",
            OrderStatus.Cancelled => "está cancelado",
            _ => $"está {status.ToWireName()}",
        },
    };

    public static readonly ChatTexts Portuguese = new()
    {
        Language = "pt",
        YourOrder = "Seu pedido",
        Total = "Total",
        Note = "Observação",
        Confirm = "Confirmar",
        Change = "Alterar",
        Cancel = "Cancelar",
        Welcome = "Olá{0}! Bem-vindo ao {1}. Escreva seu pedido do seu jeito, p. ex. “{2}”.\n" +
            "Pergunte preços ou o que vem em um item, envie “cardápio” para ver o que temos, “status” para ver seu pedido e “cancelar” para cancelá-lo.",
        SeeMenu = "Ver o cardápio",
        MyStatus = "Status do pedido",
        Placed = "Obrigado! Seu pedido {0} foi feito. Total: {1}.\nVou te avisar aqui quando ele andar; envie “status” quando quiser.",
        Cancelled = "Seu pedido {0} foi cancelado.",
        Status = "Seu pedido {0} ({1}) {2}.{3}",
        StatusPendingCart = "\nVocê também tem um pedido ainda não confirmado.",
        NoOrders = "Você ainda não tem pedidos. Escreva seu pedido para começar, p. ex. “{0}”.{1}",
        NoOrderToCancel = "Você não tem nenhum pedido para cancelar.",
        DroppedCart = "Certo, descartei esse pedido. Escreva um novo quando quiser.",
        ThanksReply = "De nada!",
        ByeReply = "Tchau, e obrigado pelo pedido!",
        NotPlacedYet = " Seu pedido ainda não foi feito: toque em Confirmar quando quiser.",
        NoWithCart = "Certo, nada foi pedido ainda. Diga o que mudar, p. ex. “tira o guaraná” ou “só 2”, ou toque em Confirmar quando quiser.",
        NoWithoutCart = "Certo. Me avise quando quiser pedir.",
        NotUnderstood = "Desculpe, não entendi.{0} Você pode pedir assim: “{1}”, perguntar “quais bebidas vocês têm?”, enviar “cardápio” ou dizer “falar com um atendente”.",
        CartUnchanged = " Seu pedido continua igual.",
        SoldOut = "Desculpe, {0} está esgotado no momento.",
        SoldOutAlternatives = " Você pode pedir {0} no lugar.",
        HandOverPerson = "Claro. Pedi para alguém da equipe assumir; vão te responder aqui em breve.",
        HandOverComplaint = "Sinto muito por isso. Passei para alguém da equipe, que vai te responder aqui em breve.",
        HandOverMisunderstood = "Desculpe, não estou entendendo direito. Pedi para alguém da equipe assumir; vão te responder aqui em breve.",
        Notice = "Novidades do seu pedido {0}: ele {1}.",
        StatusPhrase = status => status switch
        {
            OrderStatus.Pending => "foi recebido e aguarda a confirmação da loja",
            OrderStatus.Confirmed => "está confirmado",
            OrderStatus.Preparing => "está sendo preparado",
            OrderStatus.Ready => "está pronto",
            OrderStatus.Shipped => "está a caminho",
            OrderStatus.Delivered => "foi entregue. Bom apetite!",
            OrderStatus.Collected => "foi retirado. Bom apetite!",
            OrderStatus.Cancelled => "foi cancelado",
            _ => $"está {status.ToWireName()}",
        },
    };

    /// <summary>The texts of a language code; English for a code without texts.</summary>
    public static ChatTexts For(string? language) => language switch
    {
        "es" => Spanish,
        "pt" => Portuguese,
        _ => English,
    };
}
