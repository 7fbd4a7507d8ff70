namespace OrderBot.Server.Observability;

/// <summary>The <c>Telemetry</c> configuration section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// OTLP collector address (e.g. http://localhost:4317). Default: none, so nothing is exported; the
    /// standard OTEL_EXPORTER_OTLP_ENDPOINT variable switches the exporter on as well.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    public string ServiceName { get; set; } = "orderbot";
}
