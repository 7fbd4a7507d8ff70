using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderBot.Staff;
using OrderBot.Storage;

namespace OrderBot.Server.Staff;

/// <summary>
/// Staff accounts: created by the <c>users add</c> verb, checked at sign-in with the framework's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted), locked after repeated wrong passwords.
/// </summary>
public sealed class StaffAccounts(IDbContextFactory<OrderBotDbContext> dbFactory, IOptions<StaffOptions> options, TimeProvider time)
{
    public const int MinPasswordLength = 12;

    private static readonly PasswordHasher<StaffUser> Hasher = new();

    // A hash to verify against when the user name is unknown, so the answer takes as long as for a known one.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString());

    private volatile bool _anyKnown;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>Whether any staff account exists; a "no" is re-read every few seconds, so a user added by the verb counts soon.</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        if (_anyKnown || time.GetUtcNow() - _checkedAt < TimeSpan.FromSeconds(5))
        {
            return _anyKnown;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _anyKnown = await db.StaffUsers.AnyAsync(cancellationToken);
        _checkedAt = time.GetUtcNow();
        return _anyKnown;
    }

    /// <summary>Creates an account; null when it was created, otherwise what is wrong.</summary>
    public async Task<string?> AddAsync(string userName, string password, CancellationToken cancellationToken)
    {
        userName = userName.Trim();
        if (userName.Length is 0 or > 64 || userName.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "The user name must be 1-64 characters without spaces or control characters.";
        }

        if (password.Length < MinPasswordLength)
        {
            return $"The password must be at least {MinPasswordLength} characters.";
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = Normalize(userName);
        if (await db.StaffUsers.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            return $"There is already a user named {userName}.";
        }

        var user = new StaffUser
        {
            Id = Guid.CreateVersion7().ToString(), UserName = userName, NormalizedUserName = normalized, PasswordHash = "",
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        _anyKnown = true;
        return null;
    }

    /// <summary>Checks a password, counting failures and locking the account after too many.</summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var normalized = Normalize(userName.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.StaffUsers.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (user is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password);
            return SignInResult.Failed;
        }

        if (user.LockedUntil > now)
        {
            return SignInResult.LockedOut;
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            var locked = user.FailedSignIns >= options.Value.MaxFailedSignIns;
            if (locked)
            {
                user.LockedUntil = now + options.Value.LockoutDuration;
                user.FailedSignIns = 0;
            }

            await db.SaveChangesAsync(cancellationToken);
            return locked ? SignInResult.LockedOut : SignInResult.Failed;
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
        }

        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        return SignInResult.Success(user.Id, user.UserName);
    }

    private static string Normalize(string userName) => userName.ToUpperInvariant();
}

public sealed record SignInResult(bool Succeeded, bool IsLockedOut, string? UserId, string? UserName)
{
    public static readonly SignInResult Failed = new(false, false, null, null);
    public static readonly SignInResult LockedOut = new(false, true, null, null);

    public static SignInResult Success(string userId, string userName) => new(true, false, userId, userName);
}
