namespace OrderBot.Orders;

public enum StatusChangeOutcome
{
    Changed,
    NotFound,

    /// <summary>The state machine does not allow the move from the order's current status.</summary>
    Forbidden,

    /// <summary>Another change of the same order committed first; the order is as that change left it.</summary>
    Conflict,
}

public sealed record StatusChangeResult(StatusChangeOutcome Outcome, OrderDetails? Order, string? Reason)
{
    public bool Succeeded => Outcome == StatusChangeOutcome.Changed;
}
