using Microsoft.Extensions.Options;
using OrderBot.Chat;

namespace OrderBot.Server.WhatsApp;

public static class WhatsAppServiceCollectionExtensions
{
    /// <summary>
    /// The WhatsApp channel, when <c>WhatsApp:PhoneNumberId</c>, <c>AccessToken</c>, <c>AppSecret</c> and
    /// <c>VerifyToken</c> are all set; nothing otherwise. Setting only some of them stops the start with a message.
    /// </summary>
    public static IServiceCollection AddOrderBotWhatsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WhatsAppOptions>()
            .Bind(configuration.GetSection(WhatsAppOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.IsPartlyConfigured,
                "WhatsApp needs all of WhatsApp:PhoneNumberId, WhatsApp:AccessToken, WhatsApp:AppSecret and WhatsApp:VerifyToken, or none of them.")
            .Validate(o => o.StatusTemplateLanguagesProblem() is null, "WhatsApp:StatusTemplateLanguages must map a language the chat speaks (en, es, pt) to a WhatsApp language code such as es_MX or pt_BR.")
            .ValidateOnStart();

        var options = configuration.GetSection(WhatsAppOptions.Section).Get<WhatsAppOptions>() ?? new WhatsAppOptions();
        if (!options.IsConfigured)
        {
            return services;
        }

        // No resilience handler: POST /messages is not idempotent, so WhatsAppChannel alone decides what to retry.
        services.AddHttpClient(WhatsAppChannel.HttpClientName, (sp, client) =>
        {
            var settings = sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value;
            client.BaseAddress = new Uri(settings.BaseUrl.ToString().TrimEnd('/') + "/");
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        services.AddSingleton<IChatChannel, WhatsAppChannel>();
        services.AddSingleton<SenderRateLimit>();
        services.AddSingleton<WhatsAppMetrics>();
        return services;
    }
}
