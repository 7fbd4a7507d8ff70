using System.Collections.Concurrent;
using OrderBot.Chat;

namespace OrderBot.Server.Eval.Conversations;

/// <summary>
/// The benchmark's chat channel for messages the bot sends on its own (status notices, payment links and news):
/// sending keeps them per customer until the runner takes them into the transcript.
/// </summary>
public sealed class EvalChannel : IChatChannel
{
    /// <summary>The channel name the runner's messages carry.</summary>
    public const string ChannelName = "eval";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<OutgoingMessage>> _sent = new(StringComparer.Ordinal);
    private int _ids;

    public string Name => ChannelName;

    public Task<SendResult> SendAsync(string customerId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        _sent.GetOrAdd(customerId, _ => new()).Enqueue(message);
        return Task.FromResult(SendResult.Ok($"eval-out-{Interlocked.Increment(ref _ids)}"));
    }

    /// <summary>What was sent to the customer since the last call, oldest first.</summary>
    public IReadOnlyList<OutgoingMessage> Take(string customerId)
    {
        var taken = new List<OutgoingMessage>();
        if (_sent.TryGetValue(customerId, out var queue))
        {
            while (queue.TryDequeue(out var message))
            {
                taken.Add(message);
            }
        }

        return taken;
    }
}
