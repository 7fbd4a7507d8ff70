using OrderBot.Storage;

namespace OrderBot.Customers;

/// <summary>
/// A feature that keeps personal data of its own (chat history, outbox snapshots) and removes it when a
/// customer asks to be forgotten. Called inside the erasure's transaction.
/// </summary>
public interface IPersonalDataEraser
{
    Task EraseAsync(OrderBotDbContext db, string customerId, string anonymousId, CancellationToken cancellationToken);
}
