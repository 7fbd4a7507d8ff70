namespace OrderBot.Outbox;

/// <summary>Sends events of one destination somewhere. Register as a singleton <see cref="IOutboxDeliverer"/>.</summary>
public interface IOutboxDeliverer
{
    string Destination { get; }

    /// <summary>
    /// Delivers one event. The same event may be delivered again after a crash or a lost response, always
    /// with the same <see cref="OutboxEvent.Id"/>, so the receiver must be idempotent. Exceptions count as transient failures.
    /// </summary>
    Task<DeliveryResult> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Why the destination takes nothing now (a webhook receiver that answered 410 Gone), or null. While set, its
    /// events stay pending, untouched, and go out in order once it is cleared.
    /// </summary>
    string? DisabledReason => null;
}
