using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OrderBot.Customers;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Outbox;

/// <summary>
/// Forgets a customer in the outbox. Every event carries a snapshot of its order, customer id (the phone
/// number) and special instructions included: each snapshot, delivered or waiting, is rewritten to the
/// anonymous id without the instructions, so an event sent after the erasure does not bring them back, and a
/// delivery error that quoted the number loses it. What a CRM already received is the CRM's to erase (docs/crm.md).
/// </summary>
internal sealed class OutboxPersonalDataEraser : IPersonalDataEraser
{
    public async Task EraseAsync(OrderBotDbContext db, string customerId, string anonymousId, CancellationToken cancellationToken)
    {
        var events = await EventsOfErased(db, anonymousId).ToListAsync(cancellationToken);
        foreach (var outboxEvent in events)
        {
            if (JsonNode.Parse(outboxEvent.Payload) is JsonObject payload && payload["order"] is JsonObject order)
            {
                order["customer_id"] = anonymousId;
                order["special_instructions"] = null;
                payload["contact"] = null;
                outboxEvent.Payload = payload.ToJsonString(OrderJson.Options);
            }

            outboxEvent.LastError = outboxEvent.LastError?.Replace(customerId, anonymousId, StringComparison.Ordinal);
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
