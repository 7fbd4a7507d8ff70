using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrderBot.Outbox;

namespace OrderBot.Crm;

public static partial class CrmServiceCollectionExtensions
{
    /// <summary>
    /// The outbox plus one destination per configured CRM (<see cref="CrmOptions.Configured"/>), each with its
    /// adapter: its own events, circuit breaker, dead letters and sync state. A destination with adapter <c>none</c>
    /// still records its events, as skipped.
    /// </summary>
    public static IServiceCollection AddOrderBotCrm(this IServiceCollection services, IConfiguration configuration)
    {
        var destinations = (configuration.GetSection(CrmOptions.Section).Get<CrmOptions>() ?? new CrmOptions()).Configured();
        var hubSpot = destinations.Where(d => d.Options.Adapter == CrmAdapter.HubSpot).ToList();
        foreach (var destination in hubSpot)
        {
            services.AddSingleton(sp => new HubSpotSetupCheck(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IOptions<CrmOptions>>(), destination.Name));
        }

        if (hubSpot.Count > 0)
        {
            // Before the dispatcher (added next) starts: hosted services start in the order they were added.
            services.AddHostedService<HubSpotSetupGate>();
        }

        services.AddOrderBotOutbox(configuration);
        services.AddOptions<CrmOptions>()
            .Bind(configuration.GetSection(CrmOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrmOptions>, CrmOptionsValidator>());

        foreach (var destination in destinations)
        {
            var name = destination.Name;
            services.AddSingleton(new OutboxDestination(name, Enabled: destination.Options.Adapter != CrmAdapter.None));
            switch (destination.Options.Adapter)
            {
                case CrmAdapter.Webhook:
                    services.AddSingleton(sp => new WebhookDestinationState(name, sp.GetRequiredService<TimeProvider>()));
                    services.AddSingleton<IOutboxDeliverer>(sp => ActivatorUtilities.CreateInstance<WebhookDeliverer>(
                        sp, name, sp.GetServices<WebhookDestinationState>().Single(s => s.Destination == name)));
                    break;
                case CrmAdapter.HubSpot:
                    services.AddSingleton<IOutboxDeliverer>(sp => ActivatorUtilities.CreateInstance<HubSpotDeliverer>(sp, name));
                    break;
            }
        }

        // The dispatcher retries with backoff and honours Retry-After itself; a retrying handler here would fight it.
        services.AddHttpClient(CrmOptions.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<OutboxOptions>>().Value.RequestTimeout + TimeSpan.FromSeconds(1));
        return services;
    }

    /// <summary>The first setting that is missing or wrong, named by its configuration path; null when all are right.</summary>
    internal static string? Problem(CrmOptions options)
    {
        foreach (var name in options.Destinations.Keys.Where(n => !DestinationName().IsMatch(n)))
        {
            return $"Crm:Destinations:{name}: a destination's name is 1-32 lower-case letters, digits, '-' or '_'.";
        }

        if (options.Adapter != CrmAdapter.None && options.Destinations.ContainsKey(CrmOptions.Destination))
        {
            return $"Crm:Adapter and Crm:Destinations:{CrmOptions.Destination} both configure the destination '{CrmOptions.Destination}'; keep one.";
        }

        foreach (var (name, settings, path) in options.Configured())
        {
            if (name == "payments")
            {
                return $"{path}: '{name}' is the outbox's own destination for payment links; choose another name.";
            }

            var webhook = settings.Webhook;
            var problem = settings.Adapter switch
            {
                CrmAdapter.Webhook when webhook.Url is not { IsAbsoluteUri: true } =>
                    $"{path}:Webhook:Url (an absolute URL) is required when {path}:Adapter is webhook.",
                CrmAdapter.Webhook when webhook.LegacySecret is not { Length: >= 16 } =>
                    $"{path}:Webhook:Secrets:0 (a whsec_ secret; `crm secret` prints a new one) or {path}:Webhook:Secret (at least 16 characters) is required when {path}:Adapter is webhook.",
                CrmAdapter.HubSpot when string.IsNullOrWhiteSpace(settings.HubSpot.AccessToken) =>
                    $"{path}:HubSpot:AccessToken is required when {path}:Adapter is hubspot.",
                _ when !webhook.Secrets.All(secret => StandardWebhookSignature.Key(secret) is not null) =>
                    $"{path}:Webhook:Secrets must each be whsec_ followed by the base64 of 24 to 64 random bytes.",
                _ when !settings.HubSpot.OrderFieldProperties.All(f => HubSpotOptions.OrderFields.Contains(f.Key) && !string.IsNullOrWhiteSpace(f.Value)) =>
                    $"{path}:HubSpot:OrderFieldProperties maps only {string.Join(", ", HubSpotOptions.OrderFields)}, each to a property name.",
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex DestinationName();

    private sealed class CrmOptionsValidator : IValidateOptions<CrmOptions>
    {
        public ValidateOptionsResult Validate(string? name, CrmOptions options) =>
            Problem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
