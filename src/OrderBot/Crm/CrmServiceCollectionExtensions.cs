using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Customers;
using OrderBot.Storage;

namespace OrderBot.Crm;

public static class CrmServiceCollectionExtensions
{
    /// <summary>
    /// The outbox (writer, store, dispatcher) plus the CRM destination and, when <c>Crm:Adapter</c> names one,
    /// its adapter. With <c>none</c> the CRM's events are still recorded, as skipped.
    /// </summary>
    public static IServiceCollection AddOrderBotCrm(this IServiceCollection services, IConfiguration configuration)
    {
        var adapter = configuration.GetSection(CrmOptions.Section).Get<CrmOptions>()?.Adapter ?? CrmAdapter.None;
        services.TryAddSingleton<HubSpotSetupCheck>();
        if (adapter == CrmAdapter.HubSpot)
        {
            // Before the dispatcher (added next) starts: hosted services start in the order they were added.
            services.AddHostedService<HubSpotSetupGate>();
        }

        services.AddOrderBotOutbox(configuration);
        services.AddOptions<CrmOptions>()
            .Bind(configuration.GetSection(CrmOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Adapter != CrmAdapter.Webhook || o.Webhook.Url is { IsAbsoluteUri: true },
                "Crm:Webhook:Url (an absolute URL) is required when Crm:Adapter is webhook.")
            .Validate(o => o.Adapter != CrmAdapter.Webhook || o.Webhook.LegacySecret is { Length: >= 16 },
                "Crm:Webhook:Secrets:0 (a whsec_ secret; `crm secret` prints a new one) or Crm:Webhook:Secret (at least 16 characters) is required when Crm:Adapter is webhook.")
            .Validate(o => o.Webhook.Secrets.All(secret => StandardWebhookSignature.Key(secret) is not null),
                "Crm:Webhook:Secrets must each be whsec_ followed by the base64 of 24 to 64 random bytes.")
            .Validate(o => o.Adapter != CrmAdapter.HubSpot || !string.IsNullOrWhiteSpace(o.HubSpot.AccessToken),
                "Crm:HubSpot:AccessToken is required when Crm:Adapter is hubspot.")
            .Validate(o => o.HubSpot.OrderFieldProperties.All(f => HubSpotOptions.OrderFields.Contains(f.Key) && !string.IsNullOrWhiteSpace(f.Value)),
                $"Crm:HubSpot:OrderFieldProperties maps only {string.Join(", ", HubSpotOptions.OrderFields)}, each to a property name.")
            .ValidateOnStart();

        services.AddSingleton(new OutboxDestination(CrmOptions.Destination, Enabled: adapter != CrmAdapter.None));
        services.TryAddSingleton<WebhookDestinationState>();
        switch (adapter)
        {
            case CrmAdapter.Webhook:
                services.AddSingleton<IOutboxDeliverer, WebhookDeliverer>();
                break;
            case CrmAdapter.HubSpot:
                services.AddSingleton<IOutboxDeliverer, HubSpotDeliverer>();
                break;
        }

        // The dispatcher retries with backoff and honours Retry-After itself; a retrying handler here would fight it.
        services.AddHttpClient(CrmOptions.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<OutboxOptions>>().Value.RequestTimeout + TimeSpan.FromSeconds(1));
        return services;
    }

    /// <summary>
    /// What every outbox destination shares; safe to call from each area that adds one. An area adds its
    /// <see cref="OutboxDestination"/> and, when configured, its <see cref="IOutboxDeliverer"/>.
    /// </summary>
    public static IServiceCollection AddOrderBotOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(OutboxDispatcher)))
        {
            return services;
        }

        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.LeaseDuration > o.RequestTimeout * 2,
                "Outbox:LeaseDuration must be more than twice Outbox:RequestTimeout, or a slow delivery could be taken over and sent twice at once.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxWriter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataEraser, OutboxPersonalDataEraser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICustomerDataMover, OutboxCustomerDataMover>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetentionPolicy, OutboxRetention>());
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
