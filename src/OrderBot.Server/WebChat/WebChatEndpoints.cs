using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OrderBot.Chat;

namespace OrderBot.Server.WebChat;

/// <summary>
/// The "try the bot" page's channel: a session id chosen by the page stands for a customer
/// ("web-" + the id), so a web visitor can never speak as a WhatsApp number.
/// </summary>
public static partial class WebChatEndpoints
{
    private const string RateLimitPolicy = "web-chat";

    public static IServiceCollection AddOrderBotWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>().Bind(configuration.GetSection(WebChatOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(WebChatOptions.Section).Get<WebChatOptions>() ?? new WebChatOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton<WebChatHub>();
        services.AddSingleton<IChatChannel, WebChatChannel>();
        services.AddRateLimiter(limiter => limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Request.RouteValues["session"]?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.MessagesPerMinute, Window = TimeSpan.FromMinutes(1) })));
        return services;
    }

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled)
        {
            return app;
        }

        var chat = app.MapGroup("/api/chat").WithTags("Web chat").AllowAnonymous();
        chat.MapGet("/shop", Shop).WithName("WebChatShop");
        chat.MapPost("/{session}/messages", Send).WithName("WebChatSend").RequireRateLimiting(RateLimitPolicy);
        chat.MapGet("/{session}/events", Events).WithName("WebChatEvents");
        return app;
    }

    public static Ok<ShopDto> Shop(Menu.Menu menu) => TypedResults.Ok(new ShopDto(menu.Name, menu.Currency));

    /// <summary>A customer's message from the page; the reply arrives on the session's event stream.</summary>
    public static async Task<Results<Accepted, ValidationProblem>> Send(
        string session, WebChatMessage body, ChatInbox inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        var text = body.Text?.Trim() ?? "";
        if (!SessionId().IsMatch(session))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["session"] = ["must be 16-64 letters or digits"] });
        }

        IncomingContent content;
        if (body.ChoiceId is not null)
        {
            if (body.ChoiceId.Length is 0 or > 200)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["choice_id"] = ["must be 1-200 characters"] });
            }

            content = new ChoiceContent(body.ChoiceId, ChatLimits.Fit(text, 100));
        }
        else if (text.Length is 0 or > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["must be 1-1000 characters"] });
        }
        else
        {
            content = new TextContent(text);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await inbox.RecordAsync([new IncomingMessage(WebChatChannel.ChannelName, Guid.CreateVersion7().ToString(), CustomerOf(session), now, content)], cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Server-sent events: the bot's replies and order notifications for this session.</summary>
    public static Results<ServerSentEventsResult<OutgoingMessage>, ValidationProblem> Events(string session, WebChatHub hub, CancellationToken cancellationToken) =>
        SessionId().IsMatch(session)
            ? TypedResults.ServerSentEvents(hub.ReadAsync(CustomerOf(session), cancellationToken), eventType: "message")
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["session"] = ["must be 16-64 letters or digits"] });

    public static string CustomerOf(string session) => $"web-{session.ToLowerInvariant()}";

    [GeneratedRegex("^[A-Za-z0-9]{16,59}$")]
    private static partial Regex SessionId();
}

public sealed record WebChatMessage(string? Text, string? ChoiceId);

public sealed record ShopDto(string Name, string Currency);
