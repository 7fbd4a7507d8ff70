using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderBot.Crm;
using OrderBot.Storage;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Storage;

public sealed class RetentionWorkerTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task Stopping_the_server_ends_the_worker_cleanly_instead_of_failing_the_host()
    {
        using var worker = new RetentionWorker(
            database.DbFactory,
            [new OutboxRetention(Options.Create(new OutboxOptions()))],
            Options.Create(new RetentionOptions()),
            TimeProvider.System,
            NullLogger<RetentionWorker>.Instance);

        await worker.StartAsync(TestContext.Current.CancellationToken);
        await worker.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully, $"the worker ended {worker.ExecuteTask.Status}");
    }
}
