using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OrderBot.Customers;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Crm;

/// <summary>
/// Forgets a customer in the outbox. Every event carries a snapshot of its order, customer id (the phone
/// number) included: each snapshot is rewritten to the anonymous id, so an event sent after the erasure does
/// not bring the number back. What a CRM already received is the CRM's to erase (docs/crm.md).
/// </summary>
public sealed class OutboxPersonalDataEraser : IPersonalDataEraser
{
    public async Task EraseAsync(OrderBotDbContext db, string customerId, string anonymousId, CancellationToken cancellationToken)
    {
        var events = await EventsOfErased(db, anonymousId).ToListAsync(cancellationToken);
        foreach (var outboxEvent in events)
        {
            if (JsonNode.Parse(outboxEvent.Payload) is JsonObject payload && payload["order"] is JsonObject order)
            {
                order["customer_id"] = anonymousId;
                outboxEvent.Payload = payload.ToJsonString(OrderJson.Options);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The events of an erased customer's orders. The orders already carry the anonymous id: CustomerDirectory
    /// moves them before it calls the erasers.
    /// </summary>
    public static IQueryable<OutboxEvent> EventsOfErased(OrderBotDbContext db, string anonymousId) =>
        db.OutboxEvents.Where(e => db.Orders.Any(o => o.Id == e.OrderId && o.CustomerId == anonymousId));
}
