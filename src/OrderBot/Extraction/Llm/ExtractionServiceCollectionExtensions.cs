using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Menus;

namespace OrderBot.Extraction.Llm;

public static class ExtractionServiceCollectionExtensions
{
    /// <summary>The key of the extraction <see cref="IChatClient"/>, so another feature's chat client never gets swapped in.</summary>
    public const string ChatClientKey = "OrderBot.Extraction";

    /// <summary>
    /// Registers <see cref="IOrderExtractor"/> as the <c>Extraction</c> section asks: the <see cref="MenuParser"/>
    /// (default), or the model-backed extractor in llm or hybrid mode. Needs a <see cref="Menu"/> registered.
    /// The chat client exists only when <c>Extraction:Model</c> is set.
    /// </summary>
    public static IServiceCollection AddOrderBotExtraction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExtractionOptions>()
            .Bind(configuration.GetSection(ExtractionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ExtractionMetrics>();
        services.TryAddSingleton(sp => new MenuParser(sp.GetRequiredService<Menu>()));

        if (!string.IsNullOrWhiteSpace(configuration[$"{ExtractionOptions.Section}:{nameof(ExtractionOptions.Model)}"]))
        {
            services.TryAddKeyedSingleton(ChatClientKey, (sp, _) => LlmChatClientFactory.Create(
                sp.GetRequiredService<IOptions<ExtractionOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
            services.TryAddSingleton(sp => new LlmOrderExtractor(
                sp.GetRequiredKeyedService<IChatClient>(ChatClientKey),
                sp.GetRequiredService<MenuParser>(),
                sp.GetRequiredService<IOptions<ExtractionOptions>>(),
                sp.GetRequiredService<ExtractionMetrics>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<LlmOrderExtractor>>()));
        }

        services.TryAddSingleton<IOrderExtractor>(sp =>
        {
            var mode = sp.GetRequiredService<IOptions<ExtractionOptions>>().Value.Mode;
            var parser = sp.GetRequiredService<MenuParser>();
            if (mode == ExtractionMode.Parser)
            {
                return parser;
            }

            return new CompositeOrderExtractor(
                mode, parser, sp.GetService<LlmOrderExtractor>(), sp.GetRequiredService<ExtractionMetrics>(),
                sp.GetRequiredService<ILogger<CompositeOrderExtractor>>());
        });
        return services;
    }
}
