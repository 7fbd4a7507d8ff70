using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderBot.Storage;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Storage;

public sealed class RetentionWorkerTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task Stopping_the_server_between_runs_ends_the_worker_cleanly_instead_of_failing_the_host()
    {
        var policy = new SignallingPolicy();
        using var worker = new RetentionWorker(
            database.DbFactory, [policy], Options.Create(new RetentionOptions()), TimeProvider.System, NullLogger<RetentionWorker>.Instance);

        await worker.StartAsync(TestContext.Current.CancellationToken);
        // The first run is at start; after it the worker waits for the next tick, which is where a stop finds it.
        await policy.Ran.Task.WaitAsync(TestContext.Current.CancellationToken);
        await worker.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully, $"the worker ended {worker.ExecuteTask.Status}");
    }

    private sealed class SignallingPolicy : IRetentionPolicy
    {
        public TaskCompletionSource Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "nothing";

        public Task<int> PurgeAsync(OrderBotDbContext db, DateTime now, int batch, CancellationToken cancellationToken)
        {
            Ran.TrySetResult();
            return Task.FromResult(0);
        }
    }
}
