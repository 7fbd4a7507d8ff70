namespace OrderBot.Payments;

/// <summary>Where a payment link stands; only moves forward from <see cref="Open"/>.</summary>
public enum PaymentLinkState
{
    Open,
    Paid,
    Failed,
    Expired,
}

/// <summary>
/// One Checkout Session made for an order (table <c>payment_links</c>). An order has one per attempt: the first after it
/// was placed, another when the first expired unpaid (up to <see cref="PaymentsOptions.MaxLinks"/>).
/// </summary>
public sealed class PaymentLink
{
    public string OrderId { get; init; } = "";
    public int Attempt { get; init; }

    /// <summary>The provider's id (Stripe's <c>cs_…</c>).</summary>
    public string SessionId { get; init; } = "";

    public string Url { get; init; } = "";
    public DateTime ExpiresAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public PaymentLinkState State { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A provider event already applied (table <c>payment_events</c>): a replay of it is answered and ignored.</summary>
public sealed class PaymentEvent
{
    public string Id { get; init; } = "";
    public string Type { get; init; } = "";
    public string OrderId { get; init; } = "";
    public DateTime ReceivedAt { get; init; }
}
