using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrderBot.Diagnostics;

namespace OrderBot.Server.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>Traces and metrics of the app and of every OrderBot meter; exported over OTLP when an endpoint is set.</summary>
    public static IServiceCollection AddOrderBotObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddSource($"{OrderBotTelemetry.Prefix}*")
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter($"{OrderBotTelemetry.Prefix}*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (options.OtlpEndpoint is not null)
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, options.OtlpEndpoint);
        }
        else if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }
}
