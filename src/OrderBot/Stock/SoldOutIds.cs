namespace OrderBot.Stock;

/// <summary>The menu ids staff marked sold out, items and options apart.</summary>
public sealed record SoldOutIds(IReadOnlySet<string> Items, IReadOnlySet<string> Options)
{
    public static readonly SoldOutIds None = new(new HashSet<string>(), new HashSet<string>());
}
