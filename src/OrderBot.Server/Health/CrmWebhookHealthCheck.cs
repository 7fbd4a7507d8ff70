using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderBot.Crm;

namespace OrderBot.Server.Health;

/// <summary>Degraded once a webhook receiver answered 410 Gone: orders are still taken, but that destination hears nothing more.</summary>
public sealed class CrmWebhookHealthCheck(IEnumerable<WebhookDestinationState> states) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var disabled = states.Where(s => s.DisabledReason is not null).ToList();
        return Task.FromResult(disabled.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(string.Join("; ", disabled.Select(s => $"CRM webhook {s.Destination} disabled: {s.DisabledReason}"))));
    }
}
