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
            .Validate(o => o.Numbers.All(n => !string.IsNullOrWhiteSpace(n.PhoneNumberId)),
                "Every entry of WhatsApp:Numbers needs a PhoneNumberId (the id from the app's WhatsApp set-up page).")
            .Validate(o => o.Numbers.All(n => !string.IsNullOrWhiteSpace(n.AccessToken) || !string.IsNullOrWhiteSpace(o.AccessToken)),
                "A WhatsApp:Numbers entry has no AccessToken and WhatsApp:AccessToken is not set: set one of them.")
            .Validate(o => o.Numbers.Select(n => n.PhoneNumberId).Distinct().Count() == o.Numbers.Count,
                "WhatsApp:Numbers lists a PhoneNumberId twice: each number may appear once.")
            .Validate(o => o.Numbers.All(n => !string.IsNullOrWhiteSpace(n.Shop)),
                "A WhatsApp:Numbers entry has an empty Shop: name the shop the number belongs to, or leave Shop out for \"default\".")
            .Validate(o => o.Numbers.All(n => n.MenuPath is null || File.Exists(Path.GetFullPath(n.MenuPath))),
                "A WhatsApp:Numbers entry's MenuPath names no file (relative paths start in the directory the server was started in).")
            .Validate(o => !o.IsPartlyConfigured,
                "WhatsApp needs all of WhatsApp:PhoneNumberId, WhatsApp:AccessToken, WhatsApp:AppSecret and WhatsApp:VerifyToken (or WhatsApp:Numbers with AppSecret and VerifyToken), or none of them.")
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
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<WhatsAppMetrics>();
        return services;
    }
}
