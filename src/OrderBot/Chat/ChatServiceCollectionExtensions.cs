using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OrderBot.Customers;
using OrderBot.Extraction;
using OrderBot.Orders;
using OrderBot.Storage;

namespace OrderBot.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// The conversation, the inbox and its worker, reply sending, the customers' status notices (queued by the Order
    /// Handler in each status change's transaction through <see cref="ICustomerNotices"/>), and chat erasure. Channels
    /// add themselves as <see cref="IChatChannel"/> singletons; with none the worker idles, so the quick start runs
    /// without any channel configured. Call after <c>AddOrderBot</c>, which registers the menu, the Order Handler and
    /// the <see cref="IOrderExtractor"/>.
    /// </summary>
    public static IServiceCollection AddOrderBotChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversationOptions>().Bind(configuration.GetSection(ConversationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<ChatWorkerSignal>();
        services.TryAddSingleton<ChatInbox>();
        services.TryAddSingleton<Conversation>();
        services.TryAddSingleton<ReplySender>();
        services.TryAddSingleton<CustomerMessages>();
        services.TryAddSingleton<ChatLeases>();
        services.TryAddSingleton<ChatProcessor>();
        services.TryAddSingleton<StaffHandover>();
        services.TryAddSingleton<ChatWorker>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ChatWorker>());
        services.AddSingleton<IPersonalDataEraser, ChatPersonalDataEraser>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICustomerDataMover, ChatCustomerDataMover>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetentionPolicy, ChatRetention>());

        services.TryAddSingleton<ICustomerNotices>(sp => sp.GetRequiredService<CustomerMessages>());
        return services;
    }
}
