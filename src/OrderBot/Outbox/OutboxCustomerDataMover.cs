using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OrderBot.Customers;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Outbox;

/// <summary>
/// Points a merged customer's undelivered events at the customer they merged into: a status notice waiting in the
/// outbox then goes to the merged customer (their new number), and the CRM gets the id it will know them by.
/// The orders already carry the new id (CustomerDirectory moves them first).
/// </summary>
internal sealed class OutboxCustomerDataMover : ICustomerDataMover
{
    public async Task MoveAsync(OrderBotDbContext db, string fromId, string intoId, CancellationToken cancellationToken)
    {
        var events = await db.OutboxEvents
            .Where(e => e.State != OutboxState.Delivered && db.Orders.Any(o => o.Id == e.OrderId && o.CustomerId == intoId))
            .ToListAsync(cancellationToken);
        foreach (var outboxEvent in events)
        {
            if (JsonNode.Parse(outboxEvent.Payload) is JsonObject payload && payload["order"] is JsonObject order
                && order["customer_id"]?.GetValue<string>() == fromId)
            {
                order["customer_id"] = intoId;
                outboxEvent.Payload = payload.ToJsonString(OrderJson.Options);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
