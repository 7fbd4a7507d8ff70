using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderBot.Outbox;

/// <summary>
/// Delivers outbox events: woken by <see cref="OutboxSignal"/> after each commit and by a sweep every
/// <see cref="OutboxOptions.PollInterval"/>. One order's events go strictly in version order (a later one
/// waits while an earlier one is pending or dead); different orders go in parallel. Failures are retried
/// with backoff, a receiver's Retry-After becomes the next attempt time, and each destination has a circuit breaker.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private readonly OutboxStore _store;
    private readonly OutboxSignal _signal;
    private readonly OutboxOptions _options;
    private readonly OutboxMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly Dictionary<string, (IOutboxDeliverer Deliverer, CircuitBreaker Breaker)> _destinations;

    public OutboxDispatcher(
        OutboxStore store,
        IEnumerable<IOutboxDeliverer> deliverers,
        OutboxSignal signal,
        IOptions<OutboxOptions> options,
        OutboxMetrics metrics,
        TimeProvider time,
        ILogger<OutboxDispatcher> logger)
    {
        _store = store;
        _signal = signal;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _destinations = deliverers.ToDictionary(
            d => d.Destination,
            d => (d, new CircuitBreaker(_options.BreakerThreshold, _options.BreakDuration, time)));
    }

    /// <summary>Destinations whose circuit is open now, with when it may close: what the health check reports.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> OpenCircuits =>
        _destinations.Where(d => d.Value.Breaker.BlockedUntil is not null)
            .ToDictionary(d => d.Key, d => d.Value.Breaker.BlockedUntil!.Value);

    /// <summary>Names this instance in the leases it takes; unique per process, so a restarted server never mistakes an old lease for its own.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_destinations.Count == 0)
        {
            Log.NoDestinations(_logger);
            return;
        }

        Log.Started(_logger, InstanceId, string.Join(", ", _destinations.Keys));
        try
        {
            while (true)
            {
                var wait = _options.PollInterval;
                try
                {
                    if (await DispatchDueAsync(stoppingToken) > 0)
                    {
                        // The next version of the same orders may be due now.
                        continue;
                    }

                    _metrics.Backlog(await _store.PendingStatsAsync(stoppingToken));
                    wait = await NextWaitAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.SweepFailed(_logger, e);
                }

                await _signal.WaitAsync(wait, _time, stoppingToken);
                stoppingToken.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: events in flight keep their lease until it expires and are then tried again.
        }
    }

    /// <summary>One sweep: claims the due events of every destination whose circuit allows it and delivers them; returns how many it tried.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var tried = 0;
        foreach (var (name, (deliverer, breaker)) in _destinations)
        {
            var allowance = breaker.Allowance(_options.BatchSize);
            if (allowance == 0 || deliverer.DisabledReason is not null)
            {
                continue;
            }

            var claimed = await _store.ClaimAsync(name, allowance, InstanceId, _options.LeaseDuration, cancellationToken);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(claimed, parallel, (e, ct) => new ValueTask(DeliverAsync(deliverer, breaker, e, ct)));
            tried += claimed.Count;
        }

        return tried;
    }

    private async Task DeliverAsync(IOutboxDeliverer deliverer, CircuitBreaker breaker, OutboxEvent claimed, CancellationToken cancellationToken)
    {
        if (breaker.BlockedUntil is { } blocked)
        {
            // The circuit opened while this batch was under way: hand the event back without an attempt.
            await _store.ReleaseAsync(claimed, blocked.UtcDateTime, CancellationToken.None);
            return;
        }

        DeliveryResult result;
        try
        {
            using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            result = await deliverer.DeliverAsync(claimed, linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            result = DeliveryResult.Transient($"no answer within {_options.RequestTimeout}");
        }
        catch (Exception e)
        {
            result = DeliveryResult.Transient($"{e.GetType().Name}: {e.Message}");
        }

        if (result.Outcome != DeliveryOutcome.Delivered && deliverer.DisabledReason is not null)
        {
            // The destination was disabled (410 Gone): the event waits, with no attempt counted, until it is enabled again.
            await _store.ReleaseAsync(claimed, _time.GetUtcNow().UtcDateTime, CancellationToken.None);
            return;
        }

        // Recorded even while stopping: the receiver already has the outcome, so forgetting it would only cause a redelivery.
        var recorded = await RecordAsync(claimed, result, breaker);
        if (!recorded)
        {
            Log.LeaseLost(_logger, claimed.Id, claimed.Destination);
        }
    }

    private async Task<bool> RecordAsync(OutboxEvent claimed, DeliveryResult result, CircuitBreaker breaker)
    {
        var destination = claimed.Destination;
        if (result.RetryAfter is { } pause)
        {
            breaker.PauseFor(pause);
        }

        switch (result.Outcome)
        {
            case DeliveryOutcome.Delivered:
                breaker.RecordSuccess();
                _metrics.Delivered(destination);
                Log.Delivered(_logger, claimed.Id, claimed.Type, claimed.OrderId, claimed.OrderVersion, destination);
                return await _store.MarkDeliveredAsync(claimed, CancellationToken.None);

            case DeliveryOutcome.Permanent:
                // The receiver answered, so it is healthy; the event itself is the problem.
                breaker.RecordSuccess();
                _metrics.Failed(destination, permanent: true);
                return await DeadLetterAsync(claimed, result.Error ?? "permanent failure");

            default:
                _metrics.Failed(destination, permanent: false);
                if (!result.RateLimited && breaker.RecordFailure())
                {
                    Log.CircuitOpened(_logger, destination, _options.BreakDuration);
                }

                var attempts = claimed.Attempts + 1;
                if (attempts >= _options.MaxAttempts)
                {
                    return await DeadLetterAsync(claimed, $"gave up after {attempts} attempts; last error: {result.Error}");
                }

                var wait = result.RetryAfter ?? Backoff.Delay(attempts, _options.FirstRetryDelay, _options.MaxRetryDelay, Random.Shared.NextDouble());
                Log.WillRetry(_logger, claimed.Id, destination, attempts, wait, result.Error);
                return await _store.MarkFailedAsync(claimed, _time.GetUtcNow().UtcDateTime + wait, result.Error ?? "transient failure", CancellationToken.None);
        }
    }

    private async Task<bool> DeadLetterAsync(OutboxEvent claimed, string reason)
    {
        _metrics.DeadLettered(claimed.Destination);
        Log.DeadLettered(_logger, claimed.Id, claimed.OrderId, claimed.OrderVersion, claimed.Destination, reason);
        return await _store.MarkDeadAsync(claimed, reason, CancellationToken.None);
    }

    /// <summary>Destinations that take nothing now, with the reason: what the health check and the board report.</summary>
    public IReadOnlyDictionary<string, string> DisabledDestinations =>
        _destinations.Where(d => d.Value.Deliverer.DisabledReason is not null)
            .ToDictionary(d => d.Key, d => d.Value.Deliverer.DisabledReason!);

    /// <summary>How long to sleep: until the next event or open circuit comes due, at most one poll interval.</summary>
    private async Task<TimeSpan> NextWaitAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var wake = now + _options.PollInterval;
        foreach (var (name, (deliverer, breaker)) in _destinations.Where(d => d.Value.Deliverer.DisabledReason is null))
        {
            var due = breaker.BlockedUntil;
            if (due is null && await _store.NextDueAsync(name, cancellationToken) is { } next)
            {
                due = new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
            }

            if (due < wake)
            {
                wake = due.Value;
            }
        }

        return wake > now ? wake - now : TimeSpan.Zero;
    }

    private static partial class Log
    {
        [LoggerMessage(5001, LogLevel.Information, "Outbox dispatcher {Instance} started for {Destinations}")]
        public static partial void Started(ILogger logger, string instance, string destinations);

        [LoggerMessage(5002, LogLevel.Information, "No outbox destination has an adapter configured; events are recorded but not sent")]
        public static partial void NoDestinations(ILogger logger);

        [LoggerMessage(5003, LogLevel.Debug, "Delivered event {EventId} ({Type}) of order {OrderId} v{Version} to {Destination}")]
        public static partial void Delivered(ILogger logger, string eventId, string type, string orderId, int version, string destination);

        [LoggerMessage(5004, LogLevel.Warning, "Delivery of event {EventId} to {Destination} failed (attempt {Attempt}); retrying in {Wait}: {Error}")]
        public static partial void WillRetry(ILogger logger, string eventId, string destination, int attempt, TimeSpan wait, string? error);

        [LoggerMessage(5005, LogLevel.Error, "Event {EventId} of order {OrderId} v{Version} to {Destination} dead-lettered: {Reason}")]
        public static partial void DeadLettered(ILogger logger, string eventId, string orderId, int version, string destination, string reason);

        [LoggerMessage(5006, LogLevel.Warning, "Circuit for {Destination} opened for {BreakDuration} after repeated failures")]
        public static partial void CircuitOpened(ILogger logger, string destination, TimeSpan breakDuration);

        [LoggerMessage(5007, LogLevel.Warning, "Event {EventId} to {Destination} was taken over by another dispatcher before its outcome was recorded")]
        public static partial void LeaseLost(ILogger logger, string eventId, string destination);

        [LoggerMessage(5008, LogLevel.Error, "Outbox sweep failed; trying again at the next sweep")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
