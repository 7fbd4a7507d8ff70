using System.Text.Json;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Outbox;

/// <summary>
/// Adds an order's events to the caller's unit of work, so they commit or roll back with the order itself;
/// <see cref="Committed"/> then wakes the dispatcher.
/// </summary>
public sealed class OutboxWriter(IEnumerable<OutboxDestination> destinations, OutboxSignal signal, TimeProvider time)
{
    private readonly OutboxDestination[] _destinations = destinations.ToArray();

    /// <summary>Adds one <see cref="OrderEvent"/> per destination that accepts <paramref name="type"/>; call before SaveChanges.</summary>
    /// <param name="actor">Who made the change (<c>api</c>, <c>staff:anna</c>, <c>customer:whatsapp</c>, <c>payments</c>).</param>
    /// <returns>Whether any event is waiting for delivery, i.e. whether <see cref="Committed"/> should wake the dispatcher.</returns>
    public bool Append(OrderBotDbContext db, Order order, string type, string actor)
    {
        var pending = false;
        var now = time.GetUtcNow();
        var snapshot = OrderDetails.From(order, withHistory: false);
        // Usually tracked already; otherwise one read by key.
        var contact = CustomerContact.From(db.Customers.Find(order.CustomerId));
        foreach (var destination in _destinations.Where(d => d.Accepts(type)))
        {
            var outboxEvent = Add(db, destination, order.Id, order.Version, type,
                id => new OrderEvent(id, type, order.Id, order.Version, now.UtcDateTime, snapshot) { Contact = contact, Actor = actor });
            pending |= outboxEvent.State == OutboxState.Pending;
        }

        return pending;
    }

    /// <summary>
    /// Adds one event of <paramref name="type"/> for one destination, its payload the typed record <paramref name="payload"/>
    /// makes of the event id; call before SaveChanges, then <see cref="Committed"/>.
    /// </summary>
    public OutboxEvent Add<T>(OrderBotDbContext db, OutboxDestination destination, string orderId, int orderVersion, string type, Func<string, T> payload)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString();
        var outboxEvent = new OutboxEvent
        {
            Id = id,
            Destination = destination.Name,
            OrderId = orderId,
            OrderVersion = orderVersion,
            Type = type,
            Payload = JsonSerializer.Serialize(payload(id), OrderJson.Options),
            CreatedAt = now.UtcDateTime,
            NextAttemptAt = now.UtcDateTime,
            State = destination.Enabled ? OutboxState.Pending : OutboxState.Skipped,
            LastError = destination.Enabled ? null : $"no adapter is configured for {destination.Name}",
        };
        db.OutboxEvents.Add(outboxEvent);
        return outboxEvent;
    }

    /// <summary>Call after SaveChanges succeeded, when <see cref="Append"/> said an event is waiting.</summary>
    public void Committed() => signal.Notify();
}
