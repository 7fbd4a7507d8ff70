using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OrderBot.Server.Staff;

namespace OrderBot.Server.Api;

/// <summary>
/// Counts wrong API keys and failed sign-ins per client address. Once an address has used up its
/// failures for the minute, its further attempts get 429 before any key or password is looked at, so
/// guessing runs at <see cref="StaffOptions.FailedAttemptsPerMinute"/> per minute, not at network speed.
/// </summary>
public sealed class FailedAttempts : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedAttempts(IOptions<StaffOptions> options)
    {
        _limiter = PerMinuteLimits.Create<string>(address => address, options.Value.FailedAttemptsPerMinute);
    }

    public bool IsBlocked(HttpContext context) => _limiter.GetStatistics(AddressOf(context))?.CurrentAvailablePermits <= 0;

    public void Record(HttpContext context) => _limiter.AttemptAcquire(AddressOf(context)).Dispose();

    public void Dispose() => _limiter.Dispose();

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

public static class FailedAttemptsGate
{
    /// <summary>Answers 429 to an address that used up its failures, for requests that present a key or a password.</summary>
    public static IApplicationBuilder UseFailedAttemptsGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var attempts = context.RequestServices.GetRequiredService<FailedAttempts>();
        var presentsSecret = ApiKeyAuthenticationHandler.PresentedKey(context.Request) is not null
            || (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(StaffEndpoints.SignInPath));
        if (presentsSecret && attempts.IsBlocked(context))
        {
            context.Response.Headers.RetryAfter = "60";
            await Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many failed attempts.",
                "Too many wrong keys or passwords from this address; retry after the time in Retry-After.");
            return;
        }

        await next(context);
    });
}
