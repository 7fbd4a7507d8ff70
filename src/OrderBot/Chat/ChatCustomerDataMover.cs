using Microsoft.EntityFrameworkCore;
using OrderBot.Customers;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Moves a merged customer's chat: received and sent messages (so replies still waiting go to the merged customer),
/// and the conversation (cart) unless the customer it merges into has one of their own, which is newer by definition
/// of who is writing now. The old id's lease is dropped: nothing is left under it to handle.
/// </summary>
internal sealed class ChatCustomerDataMover : ICustomerDataMover
{
    public async Task MoveAsync(OrderBotDbContext db, string fromId, string intoId, CancellationToken cancellationToken)
    {
        await db.ChatInbox.Where(m => m.CustomerId == fromId).ExecuteUpdateAsync(m => m.SetProperty(x => x.CustomerId, intoId), cancellationToken);
        await db.OutboundMessages.Where(m => m.CustomerId == fromId).ExecuteUpdateAsync(m => m.SetProperty(x => x.CustomerId, intoId), cancellationToken);
        if (await db.ConversationStates.AnyAsync(s => s.CustomerId == intoId, cancellationToken))
        {
            await db.ConversationStates.Where(s => s.CustomerId == fromId).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            await db.ConversationStates.Where(s => s.CustomerId == fromId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, intoId), cancellationToken);
        }

        await db.ChatLeases.Where(l => l.CustomerId == fromId).ExecuteDeleteAsync(cancellationToken);
    }
}
