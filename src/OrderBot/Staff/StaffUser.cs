namespace OrderBot.Staff;

/// <summary>
/// A staff account for the board. The password is kept only as the framework's salted hash (the host
/// computes it); failed sign-ins are counted here so a lock-out holds across restarts and servers.
/// </summary>
public sealed class StaffUser
{
    public required string Id { get; init; }

    /// <summary>The name as typed at creation; sign-in matches <see cref="NormalizedUserName"/>.</summary>
    public required string UserName { get; set; }

    /// <summary>The user name in upper case (invariant), unique.</summary>
    public required string NormalizedUserName { get; set; }

    public required string PasswordHash { get; set; }

    /// <summary>Failed sign-ins since the last successful one or the last lock-out.</summary>
    public int FailedSignIns { get; set; }

    /// <summary>While in the future, sign-ins are refused whatever the password.</summary>
    public DateTime? LockedUntil { get; set; }

    public DateTime CreatedAt { get; init; }
}
