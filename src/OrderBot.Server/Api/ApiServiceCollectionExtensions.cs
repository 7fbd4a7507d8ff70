using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using OrderBot.Orders;

namespace OrderBot.Server.Api;

public static class ApiServiceCollectionExtensions
{
    public const string RateLimitPolicy = "api";
    private const string CallerScheme = "Caller";

    /// <summary>The REST API's plumbing: keys, rate limits, ProblemDetails, snake_case JSON, OpenAPI.</summary>
    public static IServiceCollection AddOrderBotApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var api = configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();

        // Machines present a key; the board's browser presents the staff cookie; without either, LocalAccess decides.
        services.AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, null, policy => policy.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.PresentedKey(context.Request) is null && context.Request.Cookies.ContainsKey(Staff.StaffEndpoints.CookieName)
                    ? Staff.StaffEndpoints.CookieScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<LocalAccess>();
        services.AddAuthorization();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = api.PermitsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many requests.", Detail = "Slow down and retry after the time in Retry-After." },
                });
            };
        });

        services.AddSingleton<OrderViews>();
        services.AddSingleton<OrderBoardFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<OrderBoardFeed>());
        services.AddProblemDetails();
        // A body that cannot be read reaches ProblemExceptionHandler, which names the field, instead of a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(json => OrderJson.Configure(json.SerializerOptions));
        services.AddOpenApi();
        return services;
    }

    /// <summary>The API's conventions for one feature group: a key, the rate limit and the body size limit.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag)
    {
        var maxBody = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value.MaxBodyBytes;
        var group = app.MapGroup(prefix).WithTags(tag).RequireAuthorization().RequireRateLimiting(RateLimitPolicy);
        group.WithMetadata(new RequestSizeLimitAttribute(maxBody));
        group.AddEndpointFilter(ApiProblems.AsProblemJson);
        return group;
    }
}
