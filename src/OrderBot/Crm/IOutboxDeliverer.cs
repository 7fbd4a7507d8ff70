namespace OrderBot.Crm;

/// <summary>Sends events of one destination somewhere. Register as a singleton <see cref="IOutboxDeliverer"/>.</summary>
public interface IOutboxDeliverer
{
    string Destination { get; }

    /// <summary>
    /// Delivers one event. The same event may be delivered again after a crash or a lost response, always
    /// with the same <see cref="OutboxEvent.Id"/>, so the receiver must be idempotent. Exceptions count as transient failures.
    /// </summary>
    Task<DeliveryResult> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken);
}
