using OrderBot.Hosting;

namespace OrderBot.Chat;

/// <summary>Wakes the <see cref="ChatWorker"/> after messages were recorded in the inbox or messages to a customer were queued.</summary>
public sealed class ChatWorkerSignal : WakeSignal;
