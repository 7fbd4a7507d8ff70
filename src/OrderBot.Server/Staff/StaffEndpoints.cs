using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderBot.Server.Api;

namespace OrderBot.Server.Staff;

/// <summary>
/// Staff sign-in for the board: a cookie (HttpOnly, SameSite=Strict) issued after the password is checked,
/// and an antiforgery token the page sends with every change it makes.
/// </summary>
public static partial class StaffEndpoints
{
    public const string CookieScheme = "StaffCookie";
    public const string CookieName = "orderbot.staff";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";
    public const string SignInPath = "/api/staff/sign-in";

    public static IServiceCollection AddOrderBotStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(StaffOptions.Section).Get<StaffOptions>() ?? new StaffOptions();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<FailedAttempts>();
        services.AddAuthentication().AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = options.SessionLifetime;
            cookie.SlidingExpiration = true;
            // The board is a script talking to an API: it wants a status, not a redirect to a login page.
            cookie.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryHeader;
            antiforgery.Cookie.Name = "orderbot.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff").WithTags("Staff").WithMetadata(new RequestSizeLimitAttribute(4096));
        staff.MapGet("/session", Session).WithName("StaffSession").AllowAnonymous();
        staff.MapPost("/sign-in", SignIn).WithName("StaffSignIn").AllowAnonymous();
        staff.MapPost("/sign-out", (Delegate)SignOut).WithName("StaffSignOut").RequireAuthorization();
        return app;
    }

    /// <summary>Who the caller is (null when nobody), and the antiforgery token for the changes the page makes.</summary>
    public static Ok<StaffSessionDto> Session(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var user = context.User.Identity is { IsAuthenticated: true } identity ? identity : null;
        var via = user?.AuthenticationType switch
        {
            null => null,
            CookieScheme => "staff",
            _ when user.Name == ApiKeyAuthenticationHandler.LocalCaller => "local",
            _ => "key",
        };
        return TypedResults.Ok(new StaffSessionDto(user?.Name, via, tokens.RequestToken!));
    }

    public static async Task<Results<NoContent, UnauthorizedHttpResult, ProblemHttpResult>> SignIn(
        SignInBody body, HttpContext context, StaffAccounts accounts, FailedAttempts failedAttempts, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var result = await accounts.SignInAsync(body.UserName ?? "", body.Password ?? "", cancellationToken);
        var logger = loggers.CreateLogger(typeof(StaffEndpoints));
        if (!result.Succeeded)
        {
            failedAttempts.Record(context);
            LogSignInFailed(logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", result.IsLockedOut);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.", detail: result.IsLockedOut
                ? "This account is locked after repeated wrong passwords; try again later."
                : "The user name or the password is wrong.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, result.UserId!), new Claim(ClaimTypes.Name, result.UserName!)], CookieScheme);
        await context.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        LogSignedIn(logger, result.UserName!);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SignOut(HttpContext context)
    {
        await context.SignOutAsync(CookieScheme);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Refuses a change made with the staff cookie (or a sign-in) that does not carry the page's antiforgery
    /// token: another site can make the browser send the cookie, but cannot read the token. Machines with
    /// an API key send no cookie and need no token.
    /// </summary>
    public static IApplicationBuilder UseStaffAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var changes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
        // Anonymous endpoints (the chat page) do not use the cookie, so a signed-in browser needs no token there.
        var anonymous = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
        var browser = ApiKeyAuthenticationHandler.PresentedKey(request) is null
            && ((request.Cookies.ContainsKey(CookieName) && !anonymous) || request.Path.StartsWithSegments(SignInPath));
        if (changes && browser && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Antiforgery token missing or wrong.",
                $"Send the token from GET /api/staff/session in {AntiforgeryHeader}; reload the page.");
            return;
        }

        await next(context);
    });

    [LoggerMessage(3201, LogLevel.Warning, "Staff sign-in failed from {Address} (locked out: {LockedOut})")]
    private static partial void LogSignInFailed(ILogger logger, string address, bool lockedOut);

    [LoggerMessage(3202, LogLevel.Information, "Staff user {UserName} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userName);
}

public sealed record SignInBody(string? UserName, string? Password);

public sealed record StaffSessionDto(string? UserName, string? Via, string AntiforgeryToken);
