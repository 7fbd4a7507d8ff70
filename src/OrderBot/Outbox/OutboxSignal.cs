using OrderBot.Hosting;

namespace OrderBot.Outbox;

/// <summary>Wakes the <see cref="OutboxDispatcher"/> after a commit wrote events, so a healthy receiver hears of a change at once.</summary>
public sealed class OutboxSignal : WakeSignal;
