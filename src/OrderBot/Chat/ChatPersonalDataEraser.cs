using Microsoft.EntityFrameworkCore;
using OrderBot.Customers;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Forgets a customer's chat: the conversation (cart), every received message, every message sent or waiting to be
/// sent to them (status notices and payment messages included), and its lease.
/// </summary>
internal sealed class ChatPersonalDataEraser : IPersonalDataEraser
{
    public async Task EraseAsync(OrderBotDbContext db, string customerId, string anonymousId, CancellationToken cancellationToken)
    {
        await db.ConversationStates.Where(s => s.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.ChatInbox.Where(m => m.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.OutboundMessages.Where(m => m.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.ChatLeases.Where(l => l.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
    }
}
