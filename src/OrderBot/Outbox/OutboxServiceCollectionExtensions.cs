using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OrderBot.Customers;
using OrderBot.Storage;

namespace OrderBot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// What every outbox destination shares: the writer the Order Handler commits events with, the store, the
    /// dispatcher and its wake signal, retention and erasure. Safe to call from each area that adds a destination;
    /// an area adds its <see cref="OutboxDestination"/> and, when configured, its <see cref="IOutboxDeliverer"/>.
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
