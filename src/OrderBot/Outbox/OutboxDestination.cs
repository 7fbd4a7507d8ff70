namespace OrderBot.Outbox;

/// <summary>
/// A receiver of order events, registered as a singleton by the area that owns it (the CRM adapters, the payment
/// links). Every accepted order change writes one event per destination; a destination
/// without an adapter (<see cref="Enabled"/> false) still gets its event, recorded as <see cref="OutboxState.Skipped"/>.
/// </summary>
/// <param name="Name">The <see cref="OutboxEvent.Destination"/> and the <see cref="IOutboxDeliverer.Destination"/> that serves it.</param>
/// <param name="Types">The event types it wants; null for all.</param>
public sealed record OutboxDestination(string Name, bool Enabled, IReadOnlySet<string>? Types = null)
{
    public bool Accepts(string type) => Types is null || Types.Contains(type);
}
