using OrderBot.Storage;

namespace OrderBot.Customers;

/// <summary>
/// A feature that keeps data under a customer id of its own (conversation, messages, waiting notices) and moves it
/// when two customers turn out to be one person (a WhatsApp username user whose number became known, a number
/// change). Called inside the merge's transaction, after the orders moved; the target customer exists.
/// </summary>
public interface ICustomerDataMover
{
    Task MoveAsync(OrderBotDbContext db, string fromId, string intoId, CancellationToken cancellationToken);
}
