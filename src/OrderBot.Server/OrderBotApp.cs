namespace OrderBot.Server;

/// <summary>The web host; Program.cs and the tests build it the same way.</summary>
public static class OrderBotApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapHealthChecks("/health/live");
        return app;
    }
}
