using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderBot.Outbox;

namespace OrderBot.Server.Health;

/// <summary>
/// Degraded while a receiver's circuit (the CRM, a chat channel) is open: orders are still taken and their
/// events wait in the outbox, so the app stays ready, but someone should look at the receiver.
/// </summary>
internal sealed class OutboxCircuitHealthCheck(OutboxDispatcher dispatcher) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var open = dispatcher.OpenCircuits;
        return Task.FromResult(open.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(
                $"Circuit open for {string.Join(", ", open.Keys)}; events wait in the outbox.",
                data: open.ToDictionary(o => o.Key, o => (object)o.Value.ToString("O"))));
    }
}
