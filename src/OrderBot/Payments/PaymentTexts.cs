namespace OrderBot.Payments;

/// <summary>What the customer is told about payment links, per language (the conversation's <c>en</c>, <c>es</c>, <c>pt</c>).</summary>
internal sealed record PaymentTexts
{
    /// <summary>{0} order number, {1} amount, {2} minutes the link is valid, {3} the link.</summary>
    public required string Link { get; init; }

    /// <summary>{0} order number, {1} amount, {2} minutes the new link is valid, {3} the link.</summary>
    public required string ExpiredNewLink { get; init; }

    /// <summary>{0} order number.</summary>
    public required string ExpiredFinal { get; init; }

    /// <summary>{0} order number.</summary>
    public required string Failed { get; init; }

    /// <summary>{0} order number.</summary>
    public required string Received { get; init; }

    /// <summary>{0} order number: the old link expired and a new one is being made.</summary>
    public required string Renewing { get; init; }

    private static readonly PaymentTexts English = new()
    {
        Language = "en",
        Link = "To pay for order #{0} ({1}) online, open this link. It is valid for {2} minutes.\n{3}",
        ExpiredNewLink = "The payment link for order #{0} expired before it was paid. Here is a new one ({1}), valid for {2} minutes:\n{3}",
        ExpiredFinal = "The payment link for order #{0} expired before it was paid. Write to us if you still want the order.",
        Failed = "The online payment for order #{0} did not go through. Write to us to pay another way.",
        Received = "We received your payment for order #{0}. Thank you! It is paid, nothing more to pay on delivery or pickup.",
        Renewing = "One moment, I'm sending you a new one for order #{0}.",
    };

    private static readonly PaymentTexts Spanish = new()
    {
        Language = "es",
        Link = "Para pagar el pedido #{0} ({1}) en línea, abre este enlace. Es válido durante {2} minutos.\n{3}",
        ExpiredNewLink = "El enlace de pago del pedido #{0} caducó sin pagarse. Aquí tienes uno nuevo ({1}), válido durante {2} minutos:\n{3}",
        ExpiredFinal = "El enlace de pago del pedido #{0} caducó sin pagarse. Escríbenos si todavía quieres el pedido.",
        Failed = "El pago en línea del pedido #{0} no se completó. Escríbenos para pagar de otra forma.",
        Received = "Recibimos tu pago del pedido #{0}. ¡Gracias! Ya está pagado, no hay nada más que pagar al recibirlo.",
        Renewing = "Un momento, te envío un nuevo enlace de pago para el pedido #{0}.",
    };

    private static readonly PaymentTexts Portuguese = new()
    {
        Language = "pt",
        Link = "Para pagar o pedido #{0} ({1}) online, abra este link. Ele vale por {2} minutos.\n{3}",
        ExpiredNewLink = "O link de pagamento do pedido #{0} expirou sem pagamento. Aqui está um novo ({1}), válido por {2} minutos:\n{3}",
        ExpiredFinal = "O link de pagamento do pedido #{0} expirou sem pagamento. Escreva para nós se ainda quiser o pedido.",
        Failed = "O pagamento online do pedido #{0} não foi concluído. Escreva para nós para pagar de outra forma.",
        Received = "Recebemos o seu pagamento do pedido #{0}. Obrigado! Já está pago, não há mais nada a pagar na entrega ou retirada.",
        Renewing = "Um momento, estou enviando um novo link de pagamento do pedido #{0}.",
    };

    public required string Language { get; init; }

    /// <summary>The texts in <paramref name="language"/>; English for any other.</summary>
    public static PaymentTexts For(string? language) => language switch
    {
        "es" => Spanish,
        "pt" => Portuguese,
        _ => English,
    };
}
