using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrderBot.Storage;

namespace OrderBot.Customers;

/// <summary>
/// Customers known by a phone number, a WhatsApp business-scoped user id (BSUID), or both. A customer is found by
/// either; when a message shows that a phone customer and a BSUID customer are one person, the two are merged into
/// the phone customer (whose id existing orders and CRM contacts already use), with their conversation, orders and
/// waiting messages. A customer first seen without a phone number gets the BSUID as id.
/// </summary>
public sealed partial class CustomerDirectory
{
    /// <summary>The id of a customer known only by a BSUID: the BSUID itself, or a digest when it is longer than an id may be.</summary>
    public static string IdForUserId(string userId) =>
        userId.Length <= Orders.OrderRequestValidator.MaxCustomerIdLength
            ? userId
            : "bsuid-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..40];

    /// <summary>
    /// Finds or creates the customer <paramref name="who"/> names, records what is new (phone, BSUID, username, name,
    /// the account written to) and merges two customers the identity shows to be one.
    /// </summary>
    /// <exception cref="ArgumentException">The identity has neither a phone number nor a user id.</exception>
    public async Task<Customer> IdentifyAsync(ChannelIdentity who, CancellationToken cancellationToken = default) =>
        await InTransactionAsync(async db =>
        {
            var customer = (await IdentifyAsync(db, [who], cancellationToken))[0];
            await db.SaveChangesAsync(cancellationToken);
            return customer;
        }, cancellationToken);

    /// <summary>
    /// <see cref="IdentifyAsync(ChannelIdentity, CancellationToken)"/> for many identities in the caller's unit of work,
    /// which the caller saves: the customers any of them name are read in one query, then each identity is resolved in
    /// order (a later one sees what an earlier one created or merged). A merge writes at once, so it opens a
    /// transaction on the context when none is open; the caller commits it.
    /// </summary>
    /// <returns>The customer of each identity, in the same order.</returns>
    /// <exception cref="ArgumentException">An identity has neither a phone number nor a user id.</exception>
    public async Task<IReadOnlyList<Customer>> IdentifyAsync(OrderBotDbContext db, IReadOnlyList<ChannelIdentity> identities, CancellationToken cancellationToken)
    {
        if (identities.Any(who => who.IsEmpty))
        {
            throw new ArgumentException("An identity needs a phone number or a user id.", nameof(identities));
        }

        var phones = identities.Select(who => who.Phone).OfType<string>().Distinct().ToList();
        var userIds = identities.Select(who => who.UserId).OfType<string>().Distinct().ToList();
        await db.Customers
            .Where(c => phones.Contains(c.Id) || (c.Phone != null && phones.Contains(c.Phone)) || (c.WhatsAppUserId != null && userIds.Contains(c.WhatsAppUserId)))
            .LoadAsync(cancellationToken);
        var customers = new List<Customer>(identities.Count);
        foreach (var who in identities)
        {
            var byPhone = LocalByPhone(db, who.Phone);
            var byUser = who.UserId is null ? null : db.Customers.Local.FirstOrDefault(c => c.WhatsAppUserId == who.UserId);
            Customer customer;
            if (byPhone is not null && byUser is not null && byPhone.Id != byUser.Id)
            {
                if (db.Database.CurrentTransaction is null)
                {
                    await db.Database.BeginTransactionAsync(cancellationToken);
                }

                await MergeAsync(db, byUser, byPhone, cancellationToken);
                customer = byPhone;
            }
            else
            {
                customer = byPhone ?? byUser ?? Add(db, who.Phone ?? IdForUserId(who.UserId!), null);
            }

            Apply(customer, who);
            customers.Add(customer);
        }

        return customers;
    }

    /// <summary>The customer whose id is the number, else the one with that number: what <see cref="ByPhoneAsync"/> would read.</summary>
    private static Customer? LocalByPhone(OrderBotDbContext db, string? phone) =>
        phone is null ? null : db.Customers.Local.FirstOrDefault(c => c.Id == phone) ?? db.Customers.Local.FirstOrDefault(c => c.Phone == phone);

    /// <summary>
    /// The customer known as <paramref name="old"/> is now <paramref name="now"/> (WhatsApp's <c>user_changed_number</c>
    /// and <c>user_changed_user_id</c>): the new phone number or BSUID becomes theirs, and a customer whose id is the old
    /// number moves, with their conversation, orders and waiting notices, to the new number. Null when nobody was known as <paramref name="old"/>.
    /// </summary>
    public async Task<Customer?> ChangeIdentityAsync(ChannelIdentity old, ChannelIdentity now, CancellationToken cancellationToken = default) =>
        await InTransactionAsync(db => ChangeIdentityAsync(db, old, now, cancellationToken), cancellationToken);

    /// <summary><see cref="ChangeIdentityAsync(ChannelIdentity, ChannelIdentity, CancellationToken)"/> in the caller's transaction, which the caller commits.</summary>
    public async Task<Customer?> ChangeIdentityAsync(OrderBotDbContext db, ChannelIdentity old, ChannelIdentity now, CancellationToken cancellationToken)
    {
        var current = await ByUserIdAsync(db, old.UserId, cancellationToken) ?? await ByPhoneAsync(db, old.Phone, cancellationToken);
        if (current is null)
        {
            return null;
        }

        var phone = now.Phone ?? current.Phone ?? (current.Id.StartsWith('+') ? current.Id : null);
        var other = await ByPhoneAsync(db, now.Phone, cancellationToken) ?? await ByUserIdAsync(db, now.UserId, cancellationToken);
        var survivor = current;
        if (other is not null && other.Id != current.Id)
        {
            survivor = other;
        }
        else if (now.Phone is not null && current.Id.StartsWith('+') && current.Id != now.Phone)
        {
            // The id is the old number: the customer moves to an id that is the new one.
            survivor = Add(db, now.Phone, current);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (survivor != current)
        {
            await MergeAsync(db, current, survivor, cancellationToken);
        }

        Apply(survivor, now with { Phone = phone, UserId = now.UserId ?? current.WhatsAppUserId });
        await db.SaveChangesAsync(cancellationToken);
        return survivor;
    }

    private static Task<Customer?> ByPhoneAsync(OrderBotDbContext db, string? phone, CancellationToken cancellationToken) =>
        phone is null
            ? Task.FromResult<Customer?>(null)
            : db.Customers.OrderBy(c => c.Id == phone ? 0 : 1).FirstOrDefaultAsync(c => c.Phone == phone || c.Id == phone, cancellationToken);

    private static Task<Customer?> ByUserIdAsync(OrderBotDbContext db, string? userId, CancellationToken cancellationToken) =>
        userId is null ? Task.FromResult<Customer?>(null) : db.Customers.FirstOrDefaultAsync(c => c.WhatsAppUserId == userId, cancellationToken);

    private Customer Add(OrderBotDbContext db, string id, Customer? copyOf)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var customer = new Customer
        {
            Id = id,
            DisplayName = copyOf?.DisplayName,
            FirstSeenAt = copyOf?.FirstSeenAt ?? now,
            LastSeenAt = now,
            Username = copyOf?.Username,
            ChannelAccount = copyOf?.ChannelAccount,
        };
        db.Customers.Add(customer);
        return customer;
    }

    /// <summary>Moves everything of <paramref name="from"/> to <paramref name="into"/> and deletes <paramref name="from"/>.</summary>
    private async Task MergeAsync(OrderBotDbContext db, Customer from, Customer into, CancellationToken cancellationToken)
    {
        await db.Orders.Where(o => o.CustomerId == from.Id)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.CustomerId, into.Id), cancellationToken);
        foreach (var mover in movers ?? [])
        {
            await mover.MoveAsync(db, from.Id, into.Id, cancellationToken);
        }

        into.DisplayName ??= from.DisplayName;
        into.Username ??= from.Username;
        into.WhatsAppParentUserId ??= from.WhatsAppParentUserId;
        into.ChannelAccount ??= from.ChannelAccount;
        var userId = from.WhatsAppUserId;
        var phone = from.Phone;
        db.Customers.Remove(from);
        // The unique phone and BSUID are free only once the merged row is gone.
        await db.SaveChangesAsync(cancellationToken);
        into.WhatsAppUserId ??= userId;
        into.Phone ??= phone;
    }

    private void Apply(Customer customer, ChannelIdentity who)
    {
        customer.LastSeenAt = time.GetUtcNow().UtcDateTime;
        customer.Phone = who.Phone ?? customer.Phone ?? (customer.Id.StartsWith('+') ? customer.Id : null);
        customer.WhatsAppUserId = who.UserId ?? customer.WhatsAppUserId;
        customer.WhatsAppParentUserId = who.ParentUserId ?? customer.WhatsAppParentUserId;
        customer.Username = who.Username ?? customer.Username;
        customer.DisplayName = string.IsNullOrWhiteSpace(who.DisplayName) ? customer.DisplayName : Cut(who.DisplayName.Trim(), 200);
        customer.ChannelAccount = who.Account ?? customer.ChannelAccount;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>One transaction, tried again once when a concurrent delivery created the same customer first.</summary>
    private async Task<T> InTransactionAsync<T>(Func<OrderBotDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(db);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException e) when (attempt == 1 && e.IsUniqueViolation())
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }
}
