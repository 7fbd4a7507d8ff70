using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OrderBot.Chat;
using OrderBot.Menus;
using OrderBot.Server.Api;

namespace OrderBot.Server.WebChat;

/// <summary>
/// The "try the bot" page's channel. The page keeps a session: a random 128-bit secret (22 characters of
/// base64url, case-sensitive) it sends in the <c>X-Chat-Session</c> header, never in a URL. The customer is an
/// opaque id derived from it one way ("web-" + SHA-256), so what the board, the API and the CRM show cannot be
/// turned back into the session, and a web visitor can never speak as a WhatsApp number.
/// </summary>
public static partial class WebChatEndpoints
{
    public const string SessionHeader = "X-Chat-Session";
    private const string SessionRule = "the X-Chat-Session header must be 22 characters of base64url (128 random bits)";

    public static IServiceCollection AddOrderBotWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>().Bind(configuration.GetSection(WebChatOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(WebChatOptions.Section).Get<WebChatOptions>() ?? new WebChatOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton<WebChatHub>();
        services.AddSingleton<WebChatLimits>();
        services.AddSingleton<IChatChannel, WebChatChannel>();
        return services;
    }

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled)
        {
            return app;
        }

        var maxBody = app.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes;
        var chat = app.MapGroup("/api/chat").WithTags("Web chat").AllowAnonymous().WithMetadata(new RequestSizeLimitAttribute(maxBody));
        chat.MapGet("/shop", Shop).WithName("WebChatShop");
        chat.MapPost("/messages", Send).WithName("WebChatSend").AddEndpointFilter(LimitMessages);
        chat.MapGet("/events", Events).WithName("WebChatEvents");
        return app;
    }

    public static Ok<ShopDto> Shop(Menu menu) => TypedResults.Ok(new ShopDto(menu.Name, menu.Currency));

    /// <summary>A customer's message from the page; the reply arrives on the session's event stream.</summary>
    public static async Task<Results<Accepted, ValidationProblem>> Send(
        HttpRequest request, WebChatMessage body, ChatInbox inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CustomerOf(SessionOf(request)) is not { } customer)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["session"] = [SessionRule] });
        }

        var text = body.Text?.Trim() ?? "";
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
        await inbox.RecordAsync([new IncomingMessage(WebChatChannel.ChannelName, Guid.CreateVersion7().ToString(), customer, now, content)], cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Server-sent events: the bot's replies and order notifications for this session.</summary>
    public static Results<EventStreamResult<OutgoingMessage>, ValidationProblem> Events(HttpRequest request, WebChatHub hub, CancellationToken cancellationToken) =>
        CustomerOf(SessionOf(request)) is { } customer
            ? new EventStreamResult<OutgoingMessage>(hub.ReadAsync(customer, cancellationToken), "message")
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["session"] = [SessionRule] });

    public static string SessionOf(HttpRequest request) => request.Headers[SessionHeader].ToString();

    /// <summary>The customer a session speaks as, or null when the session is not a well-formed secret.</summary>
    public static string? CustomerOf(string session) =>
        SessionId().IsMatch(session) ? $"web-{Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(session)), 0, 16)}" : null;

    private static async ValueTask<object?> LimitMessages(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var lease = context.HttpContext.RequestServices.GetRequiredService<WebChatLimits>().Acquire(context.HttpContext);
        if (lease.IsAcquired)
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.RetryAfter = "60";
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many messages.",
            detail: "Too many messages from this chat, this address or all chats together; retry after the time in Retry-After.");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex SessionId();
}

public sealed record WebChatMessage(string? Text, string? ChoiceId);

public sealed record ShopDto(string Name, string Currency);
