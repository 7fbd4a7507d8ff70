using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrderBot.Customers;
using OrderBot.Extraction.Llm;
using OrderBot.Menus;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Shop;
using OrderBot.Storage;

namespace OrderBot.Hosting;

public static class OrderBotServiceCollectionExtensions
{
    /// <summary>The Order Handler and what it stands on: storage, the menu, customers, the outbox and the clock.</summary>
    public static IServiceCollection AddOrderBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOrderBotStorage(configuration);
        services.AddOrderBotMenu(configuration);
        services.AddOrderBotShop(configuration);
        services.AddOrderBotExtraction(configuration);
        // Every order change commits its events with it; the areas that receive them (CRM, chat, payments) add destinations.
        services.AddOrderBotOutbox(configuration);
        services.AddSingleton<OrderFeed>();
        services.AddSingleton<OrderMetrics>();
        services.AddSingleton<Stock.StockList>();
        services.AddSingleton<OrderHandler>();
        services.AddSingleton<CustomerDirectory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataEraser, OrderPersonalDataEraser>());
        return services;
    }

    /// <summary>Loads the menu file once, at start; a broken menu stops the start with the file, path and problem.</summary>
    public static IServiceCollection AddOrderBotMenu(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MenuOptions>().Bind(configuration.GetSection(MenuOptions.Section));
        services.AddSingleton(sp => MenuLoader.LoadFile(sp.GetRequiredService<IOptions<MenuOptions>>().Value.ResolvePath()));
        return services;
    }

    /// <summary>Loads the shop file (<c>Shop:Path</c>) once, at start, like the menu; no path: <see cref="ShopSettings.None"/>.</summary>
    public static IServiceCollection AddOrderBotShop(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShopOptions>().Bind(configuration.GetSection(ShopOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ShopOptions>>().Value.ResolvePath() is { } path ? ShopLoader.LoadFile(path) : ShopSettings.None);
        return services;
    }
}
