using OrderBot.Crm;
using OrderBot.Orders;
using OrderBot.Outbox;

namespace OrderBot.Server.Api;

/// <summary>
/// An order as the API shows it: the library's <see cref="OrderDetails"/> plus where its CRM sync stands (<c>crm</c>, the
/// furthest behind of the CRM destinations; <c>crm_destinations</c>, each).
/// </summary>
public sealed record OrderDto(
    string Id,
    string Number,
    string CustomerId,
    IReadOnlyList<OrderLine> Items,
    decimal TotalAmount,
    string Currency,
    OrderStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version,
    string? SpecialInstructions,
    IReadOnlyList<StatusChangeDetails>? History,
    IReadOnlyList<OrderStatus> NextStatuses,
    CrmSyncState Crm)
{
    /// <summary>Set while the customer asks to cancel a started order; staff accept (move to cancelled) or refuse.</summary>
    public DateTime? CancelRequestedAt { get; init; }

    /// <summary>The lines' sum; <c>total_amount</c> is what the customer pays (subtotal + delivery fee + tax when added + tip).</summary>
    public decimal Subtotal { get; init; }

    /// <summary>Tax in the total: added on top, or the part of the prices that is tax when the shop's prices include it.</summary>
    public decimal Tax { get; init; }

    public decimal Tip { get; init; }

    /// <summary>Pickup or delivery with address, zone, fee and times; absent when nobody stated it (no shop file).</summary>
    public Fulfilment? Fulfilment { get; init; }

    /// <summary>Payment method and state (due, pending, paid, refunded, failed); absent when nothing was chosen.</summary>
    public Payment? Payment { get; init; }

    /// <summary>The latest online payment link (Stripe Checkout) the customer was sent; absent for other payments.</summary>
    public string? PaymentLink { get; init; }

    /// <summary>
    /// An online order not paid yet while <c>Payments:KitchenSeesUnpaidOnline</c> is false: the board keeps it in its
    /// "awaiting payment" strip and staff cannot move it, except to cancel it.
    /// </summary>
    public bool AwaitingPayment { get; init; }

    /// <summary>The sync state with each configured CRM destination, by name (<c>crm</c> alone unless several are configured).</summary>
    public IReadOnlyDictionary<string, CrmSyncState> CrmDestinations { get; init; } = new Dictionary<string, CrmSyncState>();

    public static OrderDto From(OrderDetails order, CrmSyncState crm) => new(
        order.Id, order.Number, order.CustomerId, order.Items, order.TotalAmount, order.Currency, order.Status,
        order.CreatedAt, order.UpdatedAt, order.Version, order.SpecialInstructions, order.History, order.NextStatuses, crm)
    {
        CancelRequestedAt = order.CancelRequestedAt,
        Subtotal = order.Subtotal,
        Tax = order.Tax,
        Tip = order.Tip,
        Fulfilment = order.Fulfilment,
        Payment = order.Payment,
    };
}

/// <summary>Adds the CRM sync state and the payment link to orders, one query each for a whole list.</summary>
public sealed class OrderViews(OutboxStore outbox, OrderBot.Payments.IPaymentLinks payments, Microsoft.Extensions.Options.IOptions<CrmOptions> crm)
{
    public async Task<OrderDto> ViewAsync(OrderDetails order, CancellationToken cancellationToken) =>
        (await ViewAsync([order], cancellationToken))[0];

    public async Task<IReadOnlyList<OrderDto>> ViewAsync(IReadOnlyList<OrderDetails> orders, CancellationToken cancellationToken)
    {
        var destinations = crm.Value.Configured().Select(d => d.Name).ToList();
        var states = await outbox.SyncStatesAsync(destinations, orders.Select(o => o.Id).ToList(), cancellationToken);
        var links = await payments.LatestAsync(orders.Where(o => o.Payment?.Method == PaymentMethod.Online).Select(o => o.Id).ToList(), cancellationToken);
        return orders.Select(o => OrderDto.From(o, CrmSyncState.Combine(states[o.Id])) with
        {
            CrmDestinations = states[o.Id],
            PaymentLink = links.GetValueOrDefault(o.Id)?.Url,
            AwaitingPayment = payments.AwaitingPayment(o),
        }).ToList();
    }
}
