namespace OrderBot.Payments;

/// <summary>
/// The payload of the payments destination's own events (<see cref="PaymentLinkDeliverer.LinkExpired"/>,
/// <see cref="PaymentLinkDeliverer.PaymentFailed"/>): which of the order's links it is about.
/// </summary>
internal sealed record PaymentLinkEvent(int Attempt, string SessionId);
