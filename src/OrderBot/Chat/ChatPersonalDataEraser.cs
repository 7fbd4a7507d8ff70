using Microsoft.EntityFrameworkCore;
using OrderBot.Customers;
using OrderBot.Outbox;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Forgets a customer's chat: the conversation (cart), every received message, every message sent to them,
/// its lease, and the status notifications still waiting in the outbox to be sent to them.
/// </summary>
internal sealed class ChatPersonalDataEraser : IPersonalDataEraser
{
    public async Task EraseAsync(OrderBotDbContext db, string customerId, string anonymousId, CancellationToken cancellationToken)
    {
        await db.ConversationStates.Where(s => s.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.ChatInbox.Where(m => m.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.OutboundMessages.Where(m => m.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.ChatLeases.Where(l => l.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await OutboxPersonalDataEraser.EventsOfErased(db, anonymousId)
            .Where(e => e.Destination == CustomerNotifier.DestinationName && e.State != OutboxState.Delivered)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
