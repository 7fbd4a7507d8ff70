using Microsoft.Extensions.FileProviders;
using OrderBot.Chat;
using OrderBot.Crm;
using OrderBot.Hosting;
using OrderBot.Menus;
using OrderBot.Outbox;
using OrderBot.Payments;
using OrderBot.Server.Api;
using OrderBot.Server.Health;
using OrderBot.Server.Observability;
using OrderBot.Server.Payments;
using OrderBot.Server.Security;
using OrderBot.Server.Staff;
using OrderBot.Server.WebChat;
using OrderBot.Server.WhatsApp;
using OrderBot.Storage;
using Scalar.AspNetCore;

namespace OrderBot.Server;

/// <summary>The web host; the serve verb and the tests build it the same way.</summary>
public static class OrderBotApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json is read from beside the app; relative paths in settings stay relative to the current directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // The host logs a failed start with its trace and then throws; StartupErrors reports the throw in a line or
        // two. A background service that fails later is still logged, at Critical.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.AddOrderBot(builder.Configuration);
        builder.Services.AddOrderBotApi(builder.Configuration);
        builder.Services.AddOrderBotStaff(builder.Configuration);
        builder.Services.AddOrderBotSecurity(builder.Configuration);
        builder.Services.AddOrderBotCrm(builder.Configuration);
        builder.Services.AddOrderBotChat(builder.Configuration);
        builder.Services.AddOrderBotWhatsApp(builder.Configuration);
        builder.Services.AddOrderBotWebChat(builder.Configuration);
        builder.Services.AddOrderBotPayments(builder.Configuration);
        builder.Services.AddOrderBotHealth();
        builder.Services.AddOrderBotObservability(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseOrderBotSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseFailedAttemptsGate();
        app.UseAuthentication();
        app.UseStaffAntiforgery();
        app.UseAuthorization();
        app.UseRateLimiter();

        var pages = new ManifestEmbeddedFileProvider(typeof(OrderBotApp).Assembly, "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = pages });
        app.MapOrderBotHealth();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/docs", options => options.WithTitle("OrderBot API").WithOpenApiRoutePattern("/openapi/{documentName}.json").WithNonce());
        app.MapOrders();
        app.MapCustomers();
        app.MapHandovers();
        app.MapMenu();
        app.MapExtract();
        app.MapCrm();
        app.MapStaff();
        app.MapStock();
        app.MapWhatsApp();
        app.MapWebChat();
        app.MapPayments();
        return app;
    }

    /// <summary>Loads the menu and migrates the database before the first request is accepted.</summary>
    public static async Task InitializeAndStartAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        _ = app.Services.GetRequiredService<Menu>();
        _ = app.Services.GetRequiredService<OrderBot.Shop.ShopSettings>();
        await app.Services.GetRequiredService<StorageInitializer>().InitializeAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        StartupLog.Write(app.Services);
        await app.Services.GetRequiredService<LocalAccess>().ReportAsync(cancellationToken);
    }
}
