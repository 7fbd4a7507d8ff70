using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderBot.Crm;

namespace OrderBot.Server.Health;

/// <summary>Degraded once the webhook receiver answered 410 Gone: orders are still taken, but the CRM hears nothing more.</summary>
public sealed class CrmWebhookHealthCheck(WebhookDestinationState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.DisabledReason is { } reason ? HealthCheckResult.Degraded("CRM webhook disabled: " + reason) : HealthCheckResult.Healthy());
}
