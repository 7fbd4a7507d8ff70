using OrderBot.Storage;

namespace OrderBot.Orders;

/// <summary>
/// Tells customers about their orders' status changes in the change's own transaction, so a change and its notice commit or
/// roll back together. The Order Handler calls <see cref="AddAsync"/> before it commits and <see cref="Committed"/> after;
/// the chat (<c>AddOrderBotChat</c>) implements it, and without it nobody is told.
/// </summary>
public interface ICustomerNotices
{
    /// <summary>Adds the notice of <paramref name="order"/>'s new status to <paramref name="db"/>'s unit of work, unless there is no one to tell.</summary>
    /// <param name="actor">Who made the change: a customer's own change is not announced to them.</param>
    /// <returns>Whether a notice was added, i.e. whether <see cref="Committed"/> should be called after the commit.</returns>
    Task<bool> AddAsync(OrderBotDbContext db, Order order, string actor, CancellationToken cancellationToken);

    /// <summary>Call after the commit when <see cref="AddAsync"/> added a notice: wakes its sender.</summary>
    void Committed();
}
