namespace OrderBot.Orders;

/// <summary>How the food reaches the customer.</summary>
public enum FulfilmentMode
{
    Pickup,
    Delivery,
}

/// <summary>How the customer pays: at the counter or door (cash, card) or ahead, online.</summary>
public enum PaymentMethod
{
    Cash,
    Card,
    Online,
}

/// <summary>Where an order's payment stands. Cash and card start <see cref="Due"/>; online starts <see cref="Pending"/>.</summary>
public enum PaymentState
{
    Due,
    Pending,
    Paid,
    Refunded,
    Failed,
}

/// <summary>
/// How an order is handed over, as stored with it. Fee and estimate are computed by the Order Handler from the shop,
/// never taken from the customer. <see cref="RequestedFor"/> null means as soon as possible.
/// </summary>
public sealed record Fulfilment
{
    public FulfilmentMode Mode { get; init; }
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>The delivery zone's id; null for pickup.</summary>
    public string? Zone { get; init; }

    public decimal Fee { get; init; }
    public DateTime? RequestedFor { get; init; }
    public DateTime? EstimatedAt { get; init; }
}

/// <summary>How an order is paid and where that stands; <see cref="Reference"/> is the payment provider's id (a Stripe session).</summary>
public sealed record Payment
{
    public PaymentMethod Method { get; init; }
    public PaymentState State { get; init; }
    public string? Reference { get; init; }
}
