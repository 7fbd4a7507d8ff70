using System.Text.Json;
using OrderBot.Orders;

namespace OrderBot.Outbox;

/// <summary>Where an outbox event is in its life.</summary>
public enum OutboxState
{
    /// <summary>Waiting for (another) delivery attempt.</summary>
    Pending,

    Delivered,

    /// <summary>Parked after a permanent failure or too many attempts; only a replay sends it again.</summary>
    Dead,

    /// <summary>Recorded while its destination had no adapter configured; a replay sends it once one is.</summary>
    Skipped,
}

/// <summary>
/// One change of one order for one destination (a CRM, the customer's status notices, payment links), written in the
/// same transaction as the change and delivered afterwards by <see cref="OutboxDispatcher"/>.
/// </summary>
public sealed class OutboxEvent
{
    /// <summary>A UUIDv7; receivers use it as the idempotency key.</summary>
    public required string Id { get; init; }

    /// <summary>Which <see cref="IOutboxDeliverer"/> delivers it, e.g. "crm", "hubspot" or "payments".</summary>
    public required string Destination { get; init; }

    public required string OrderId { get; init; }

    /// <summary>The order's version after the change; events of one order are delivered in this order.</summary>
    public required int OrderVersion { get; init; }

    /// <summary>One of <see cref="OrderEvent"/>'s types (order.created, order.status_changed, ...) or a payment event's.</summary>
    public required string Type { get; init; }

    /// <summary>
    /// The <see cref="OrderEvent"/> as JSON, byte for byte what a webhook receives (and what its signature covers).
    /// Written once; only a customer's erasure rewrites it (<see cref="OutboxPersonalDataEraser"/>).
    /// </summary>
    public required string Payload { get; set; }

    /// <summary>The payload as the typed record it was written from (<see cref="OrderEvent"/> for order changes).</summary>
    public T Read<T>() => JsonSerializer.Deserialize<T>(Payload, OrderJson.Options) ?? throw new JsonException($"event {Id} has no payload");

    public required DateTime CreatedAt { get; init; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredAt { get; set; }

    /// <summary>The dispatcher instance delivering it right now; others leave it alone until <see cref="LeaseExpiresAt"/>.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }
}
