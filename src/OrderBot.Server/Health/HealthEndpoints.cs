using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderBot.Server.Health;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddOrderBotHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<OutboxCircuitHealthCheck>("outbox-circuits", tags: [ReadyTag])
            .AddCheck<CrmWebhookHealthCheck>("crm-webhook", tags: [ReadyTag]);
        return services;
    }

    /// <summary>/health/live answers while the process runs; /health/ready also checks the dependencies.</summary>
    public static IEndpointRouteBuilder MapOrderBotHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteReportAsync });
        return app;
    }

    /// <summary>The overall status and each check's, so an operator sees which dependency is the trouble.</summary>
    private static Task WriteReportAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
}
