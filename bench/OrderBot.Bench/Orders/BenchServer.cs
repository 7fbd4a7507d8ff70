using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Server;

namespace OrderBot.Bench.Orders;

/// <summary>The real server, in this process, on a loopback port over a bench database; rate limits off, logs at Warning.</summary>
internal static class BenchServer
{
    public static Task<(WebApplication App, Uri Address)> StartAsync(BenchDatabase database, string menuPath, params string[] extra) =>
        StartAsync(database, menuPath, null, extra);

    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        BenchDatabase database, string menuPath, Action<WebApplicationBuilder>? configure, params string[] extra)
    {
        var app = OrderBotApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:Provider={database.Provider}",
            $"--Storage:ConnectionString={database.ConnectionString}",
            $"--Menu:Path={menuPath}",
            "--Api:PermitsPerMinute=1000000",
            "--Logging:LogLevel:Default=Warning",
            .. extra,
        ], configure);
        await app.InitializeAndStartAsync(CancellationToken.None);
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }
}
