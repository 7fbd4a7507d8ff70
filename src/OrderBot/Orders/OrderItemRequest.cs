namespace OrderBot.Orders;

/// <summary>
/// A line a caller asks for, in the specification's shape (<c>name</c>, <c>quantity</c>, <c>price</c>): the body of <c>POST /api/orders</c>'s
/// items and what the Order Handler takes. With a menu the price may be left out: it always comes from the menu, and a price that
/// disagrees is rejected. Fields are nullable because a client may send anything; the handler refuses what is missing.
/// </summary>
public sealed record OrderItemRequest(string? Name, int Quantity, decimal? Price = null)
{
    public string? MenuItemId { get; init; }
    public string? Size { get; init; }

    /// <summary>The options; a client's <c>null</c> is read as none.</summary>
    public IReadOnlyList<OptionRequest?> Options { get; init => field = value ?? []; } = [];
}

/// <summary>An option of a requested line, by id, name or alias.</summary>
/// <param name="Half">"left" or "right" for an option on one half, where its group allows halves; null for the whole item.</param>
public sealed record OptionRequest(string? Name, bool Negated = false, string? Qualifier = null, string? Half = null);
