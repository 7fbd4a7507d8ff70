using System.Diagnostics;

namespace OrderBot.Server.Eval.Conversations;

/// <summary>
/// The benchmark's clock: starts at a conversation's <c>at</c>, moves on by <c>advance</c> steps and by the real
/// time spent, as the format asks.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Stopwatch _running = Stopwatch.StartNew();
    private DateTimeOffset _start = DateTimeOffset.UnixEpoch;

    public void Set(DateTimeOffset start)
    {
        _start = start;
        _running.Restart();
    }

    public void Advance(TimeSpan by) => _start += by;

    public override DateTimeOffset GetUtcNow() => _start + _running.Elapsed;
}
