using System.Text.Json;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Crm;

/// <summary>
/// Adds an order's events to the caller's unit of work, so they commit or roll back with the order itself;
/// <see cref="Committed"/> then wakes the dispatcher.
/// </summary>
public sealed class OutboxWriter(IEnumerable<OutboxDestination> destinations, OutboxSignal signal, TimeProvider time)
{
    private readonly OutboxDestination[] _destinations = destinations.ToArray();

    /// <summary>Adds one event per destination that accepts <paramref name="type"/>; call before SaveChanges.</summary>
    /// <returns>Whether any event is waiting for delivery, i.e. whether <see cref="Committed"/> should wake the dispatcher.</returns>
    public bool Append(OrderBotDbContext db, Order order, string type)
    {
        var pending = false;
        var now = time.GetUtcNow();
        var snapshot = OrderDetails.From(order, withHistory: false);
        // Usually tracked already; otherwise one read by key.
        var contact = CustomerContact.From(db.Customers.Find(order.CustomerId));
        foreach (var destination in _destinations.Where(d => d.Accepts(type)))
        {
            var id = Guid.CreateVersion7(now).ToString();
            var payload = JsonSerializer.Serialize(new OrderEvent(id, type, order.Id, order.Version, now.UtcDateTime, snapshot) { Contact = contact }, OrderJson.Options);
            db.OutboxEvents.Add(new OutboxEvent
            {
                Id = id,
                Destination = destination.Name,
                OrderId = order.Id,
                OrderVersion = order.Version,
                Type = type,
                Payload = payload,
                CreatedAt = now.UtcDateTime,
                NextAttemptAt = now.UtcDateTime,
                State = destination.Enabled ? OutboxState.Pending : OutboxState.Skipped,
                LastError = destination.Enabled ? null : $"no adapter is configured for {destination.Name}",
            });
            pending |= destination.Enabled;
        }

        return pending;
    }

    /// <summary>Call after SaveChanges succeeded, when <see cref="Append"/> said an event is waiting.</summary>
    public void Committed() => signal.Notify();
}
