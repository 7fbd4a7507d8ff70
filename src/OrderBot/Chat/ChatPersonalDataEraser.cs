using Microsoft.EntityFrameworkCore;
using OrderBot.Customers;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>Forgets a customer's chat: the conversation (cart), every received message and every message sent to them.</summary>
public sealed class ChatPersonalDataEraser : IPersonalDataEraser
{
    public async Task EraseAsync(OrderBotDbContext db, string customerId, string anonymousId, CancellationToken cancellationToken)
    {
        await db.ConversationStates.Where(s => s.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.ChatInbox.Where(m => m.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.OutboundMessages.Where(m => m.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
    }
}
