using Microsoft.EntityFrameworkCore;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Customers;

/// <summary>The customers table, as the channels use it: upsert on every contact, read by id.</summary>
public sealed partial class CustomerDirectory(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    TimeProvider time,
    IEnumerable<IPersonalDataEraser>? erasers = null,
    IEnumerable<ICustomerDataMover>? movers = null)
{
    /// <summary>Creates the customer or refreshes its name and last-seen time; safe to call concurrently.</summary>
    /// <exception cref="OrderValidationException">The id or the name is invalid.</exception>
    public async Task<Customer> UpsertAsync(string customerId, string? displayName = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var customer = await UpsertAsync(db, customerId, displayName, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return customer;
            }
            catch (DbUpdateException e) when (attempt == 1 && e.IsUniqueViolation())
            {
                // Another request created the same customer between our read and our insert: update it instead.
            }
        }
    }

    /// <summary>
    /// Creates the customer or refreshes its name and last-seen time in the caller's unit of work (found there first,
    /// so a caller that loaded its customers reads nothing); the caller saves it.
    /// </summary>
    /// <exception cref="OrderValidationException">The id or the name is invalid.</exception>
    public async Task<Customer> UpsertAsync(OrderBotDbContext db, string customerId, string? displayName, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        OrderRequestValidator.ValidateCustomerId(customerId, errors);
        if (errors.Count > 0)
        {
            throw new OrderValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        if (displayName is { Length: > 200 })
        {
            throw OrderValidationException.For("display_name", "must be at most 200 characters");
        }

        var name = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        var now = time.GetUtcNow().UtcDateTime;
        var customer = db.Customers.Local.FirstOrDefault(c => c.Id == customerId)
            ?? await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            customer = new Customer { Id = customerId, DisplayName = name, FirstSeenAt = now, LastSeenAt = now };
            db.Customers.Add(customer);
        }
        else
        {
            customer.LastSeenAt = now;
            customer.DisplayName = name ?? customer.DisplayName;
        }

        return customer;
    }

    public async Task<Customer?> GetAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
    }

    private const string ErasedPrefix = "erased-";

    /// <summary>Whether the id is the anonymous id an erased customer's orders carry.</summary>
    public static bool IsErased(string customerId) => customerId.StartsWith(ErasedPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Forgets a customer: their orders move to a fresh anonymous id (amounts stay for the books), every
    /// feature's personal data is erased, and the customer row is deleted, all in one transaction.
    /// </summary>
    /// <returns>The anonymous id the orders now carry, or null when there was no such customer.</returns>
    public async Task<string?> EraseAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var anonymousId = $"{ErasedPrefix}{Guid.CreateVersion7():N}";
        var now = time.GetUtcNow().UtcDateTime;
        db.Customers.Add(new Customer { Id = anonymousId, FirstSeenAt = now, LastSeenAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await db.Orders.Where(o => o.CustomerId == customerId)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.CustomerId, anonymousId), cancellationToken);
        foreach (var eraser in erasers ?? [])
        {
            await eraser.EraseAsync(db, customerId, anonymousId, cancellationToken);
        }

        db.Customers.Remove(customer);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return anonymousId;
    }
}
