using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderBot.Storage;

/// <summary>
/// Applies every <see cref="IRetentionPolicy"/> at start-up and then every <see cref="RetentionOptions.Interval"/>.
/// Several servers may run it at once: deleting what another already deleted is harmless.
/// </summary>
internal sealed partial class RetentionWorker(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    IEnumerable<IRetentionPolicy> policies,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    private readonly IRetentionPolicy[] _policies = policies.ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_policies.Length == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            do
            {
                await PurgeAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a run cut short is simply done again at the next start.
        }
    }

    /// <summary>One run over every policy; returns the rows deleted. A failing policy is logged and tried again next run.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var policy in _policies)
        {
            try
            {
                var deleted = 0;
                int batch;
                do
                {
                    await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                    batch = await policy.PurgeAsync(db, time.GetUtcNow().UtcDateTime, options.Value.BatchSize, cancellationToken);
                    deleted += batch;
                }
                while (batch == options.Value.BatchSize);

                if (deleted > 0)
                {
                    Log.Purged(logger, deleted, policy.Name);
                }

                total += deleted;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.Failed(logger, e, policy.Name);
            }
        }

        return total;
    }

    private static partial class Log
    {
        [LoggerMessage(7001, LogLevel.Information, "Retention removed {Count} expired {Policy}")]
        public static partial void Purged(ILogger logger, int count, string policy);

        [LoggerMessage(7002, LogLevel.Warning, "Retention of {Policy} failed; it is tried again at the next run")]
        public static partial void Failed(ILogger logger, Exception exception, string policy);
    }
}
