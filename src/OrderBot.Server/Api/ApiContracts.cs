using OrderBot.Customers;
using OrderBot.Orders;

namespace OrderBot.Server.Api;

/// <summary>POST /api/orders: the specification's order shape; prices may be omitted and always come from the menu.</summary>
public sealed record CreateOrderBody(string? CustomerId, IReadOnlyList<OrderItemRequest?>? Items, string? SpecialInstructions = null)
{
    /// <summary>Pickup or delivery, address or coordinates, requested time; the fee and zone are computed by the shop, never read from here.</summary>
    public FulfilmentBody? Fulfilment { get; init; }

    /// <summary>The payment method (cash, card, online); its state is set by the server.</summary>
    public PaymentBody? Payment { get; init; }

    /// <summary>A tip as one of the shop's percentages.</summary>
    public decimal? TipPercent { get; init; }

    public OrderRequest ToRequest(string caller, string? idempotencyKey) =>
        new(CustomerId ?? "", Items ?? [])
        {
            SpecialInstructions = SpecialInstructions,
            Fulfilment = Fulfilment?.ToRequest(),
            PaymentMethod = Payment?.Method,
            TipPercent = TipPercent,
            Actor = $"api:{caller}",
            IdempotencyKey = idempotencyKey,
            IdempotencyScope = caller,
        };
}

public sealed record StatusBody(string? Status);

public sealed record CustomerBody(string? DisplayName);

public sealed record CustomerDto(string Id, string? DisplayName, DateTime FirstSeenAt, DateTime LastSeenAt)
{
    public static CustomerDto From(Customer customer) => new(customer.Id, customer.DisplayName, customer.FirstSeenAt, customer.LastSeenAt);
}

public sealed record ErasedCustomerDto(string Id, string AnonymousId);

/// <summary>The customer's fulfilment wishes on create. <c>requested_for</c> null: as soon as possible.</summary>
public sealed record FulfilmentBody(FulfilmentMode Mode, string? Address, string? Postcode, double? Latitude, double? Longitude, DateTimeOffset? RequestedFor)
{
    public FulfilmentRequest ToRequest() => new(Mode)
    {
        Address = Address, Postcode = Postcode, Latitude = Latitude, Longitude = Longitude, RequestedFor = RequestedFor,
    };
}

public sealed record PaymentBody(PaymentMethod Method);
