using System.Data.Common;
using Microsoft.Extensions.Options;
using OrderBot.Chat;
using OrderBot.Extraction.Llm;
using OrderBot.Menus;
using OrderBot.Storage;

namespace OrderBot.Server;

/// <summary>What a started server runs with, in one line an operator can check: menu, database, extraction, channels.</summary>
public static partial class StartupLog
{
    public static void Write(IServiceProvider services)
    {
        var menu = services.GetRequiredService<Menu>();
        var menuFile = Path.GetFullPath(services.GetRequiredService<IOptions<MenuOptions>>().Value.ResolvePath());
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var extraction = services.GetRequiredService<IOptions<ExtractionOptions>>().Value;
        var mode = extraction.Mode.ToString().ToLowerInvariant() + (extraction.Model is { } model ? $" ({extraction.Provider.ToString().ToLowerInvariant()} {model})" : "");
        var numbers = services.GetRequiredService<IOptions<WhatsApp.WhatsAppOptions>>().Value.AllNumbers
            .Select(n => $"{n.DisplayNumber ?? n.PhoneNumberId} for {n.Shop}");
        var channels = services.GetServices<IChatChannel>()
            .Select(c => c.Name == WhatsApp.WebhookPayload.Channel ? $"{c.Name} ({string.Join(", ", numbers)})" : c.Name).ToList();
        Started(
            services.GetRequiredService<ILoggerFactory>().CreateLogger("OrderBot.Server"),
            menuFile,
            menu.Name,
            $"{storage.Provider} {WithoutSecrets(storage.EffectiveConnectionString)}",
            mode,
            channels.Count == 0 ? "none" : string.Join(", ", channels));
    }

    /// <summary>The connection string without Password (or any other key that holds a secret).</summary>
    public static string WithoutSecrets(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (var key in builder.Keys.Cast<string>().Where(k => k.Contains("password", StringComparison.OrdinalIgnoreCase) || k.Equals("pwd", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            builder.Remove(key);
        }

        return builder.ConnectionString;
    }

    [LoggerMessage(8001, LogLevel.Information, "Serving menu {MenuFile} ({Shop}); database {Database}; extraction {Extraction}; channels: {Channels}")]
    private static partial void Started(ILogger logger, string menuFile, string shop, string database, string extraction, string channels);
}
