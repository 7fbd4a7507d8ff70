namespace OrderBot.Diagnostics;

/// <summary>Names of the library's meters, for exporters to subscribe to.</summary>
public static class OrderBotTelemetry
{
    /// <summary>Every OrderBot meter (and any future activity source) starts with this, so "OrderBot.*" selects them all.</summary>
    public const string Prefix = "OrderBot";

    public const string OrdersMeter = "OrderBot.Orders";
}
