using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Storage;

namespace OrderBot.Chat;

/// <summary>
/// Works through the inbox: woken when messages are recorded, and every <see cref="ConversationOptions.PollInterval"/>
/// for retries and for what a previous run left. Each sweep hands the customers with due messages or unsent replies to
/// the <see cref="ChatProcessor"/>, which handles them in groups, in parallel, one customer's messages strictly one
/// after another. Serves only the channels registered in this process.
/// </summary>
/// <remarks>
/// Several servers may share one database: each customer is handled under a lease (<see cref="ChatLeases"/>), so a
/// customer another server is busy with is skipped here and its messages are neither reordered nor answered twice.
/// </remarks>
public sealed partial class ChatWorker(
    IDbContextFactory<OrderBotDbContext> dbFactory,
    ChatProcessor processor,
    ReplySender sender,
    ChatWorkerSignal signal,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<ChatWorker> logger) : BackgroundService
{
    // Full groups for every lane of the processor; more would only hold leases longer.
    private int CustomersPerSweep => ChatProcessor.MaxGroup * options.Value.MaxParallelism;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (sender.Channels.Count == 0)
        {
            return;
        }

        Log.Started(logger, string.Join(", ", sender.Channels));
        try
        {
            while (true)
            {
                try
                {
                    if (await SweepAsync(stoppingToken) > 0)
                    {
                        continue;
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.SweepFailed(logger, e);
                }

                await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
                stoppingToken.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: unhandled messages stay in the inbox for the next start.
        }
    }

    /// <summary>One pass over every customer with due messages or unsent replies; returns how many messages it handled.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var channels = sender.Channels.ToList();
        var now = time.GetUtcNow().UtcDateTime;
        List<string> customers;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var waiting = db.ChatInbox
                .Where(m => m.ProcessedAt == null && m.NextAttemptAt <= now && channels.Contains(m.Channel))
                .Select(m => m.CustomerId);
            var unsent = db.OutboundMessages
                .Where(m => m.State == OutboundState.Pending && m.NextAttemptAt <= now && channels.Contains(m.Channel))
                .Select(m => m.CustomerId);
            // Any order is fair enough: handled customers leave the set, so the next sweep reaches the others.
            customers = await waiting.Union(unsent).OrderBy(c => c).Take(CustomersPerSweep).ToListAsync(cancellationToken);
        }

        return await processor.RunAsync(customers, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(3301, LogLevel.Information, "Chat worker started for {Channels}")]
        public static partial void Started(ILogger logger, string channels);

        [LoggerMessage(3302, LogLevel.Error, "Chat sweep failed; trying again at the next sweep")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
