using Microsoft.Extensions.Time.Testing;

namespace OrderBot.Tests.Extraction.Llm;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when code under test starts waiting for a given delay,
/// so the test advances the clock exactly when a wait is pending instead of sleeping and hoping.
/// </summary>
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<(TimeSpan Due, TaskCompletionSource Signal)> _watched = [];

    public Task TimerStarted(TimeSpan dueTime)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _watched.Add((dueTime, signal));
        }

        return signal.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_lock)
        {
            foreach (var watched in _watched.Where(w => w.Due == dueTime).ToList())
            {
                watched.Signal.SetResult();
                _watched.Remove(watched);
            }
        }

        return timer;
    }
}
