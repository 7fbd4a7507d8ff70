using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OrderBot.Server.Staff;

namespace OrderBot.Server.Api;

/// <summary>
/// The quick start's mode: with no API keys and no staff users, requests from this machine are let in
/// without credentials. It holds only while that is what "loopback" means: it is refused for requests
/// that came through a proxy or tunnel (which connects from loopback on everyone's behalf) and when the
/// server listens on a non-loopback address.
/// </summary>
public sealed partial class LocalAccess(IServer server, IOptionsMonitor<ApiOptions> api, StaffAccounts staff, ILogger<LocalAccess> logger)
{
    public async Task<bool> AllowsAsync(HttpContext context) =>
        api.CurrentValue.Keys.Count == 0
        && context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !CameThroughProxy(context.Request)
        && NonLoopbackAddress() is null
        && !await staff.AnyAsync(context.RequestAborted);

    /// <summary>Says in one line, at start, how callers get in.</summary>
    public async Task ReportAsync(CancellationToken cancellationToken)
    {
        var keys = api.CurrentValue.Keys.Count;
        var users = await staff.AnyAsync(cancellationToken);
        if (keys > 0 || users)
        {
            LogCredentials(logger, keys, users ? "on" : "off (no users yet)");
        }
        else if (NonLoopbackAddress() is { } exposed)
        {
            LogRefused(logger, exposed);
        }
        else
        {
            LogLoopbackOnly(logger);
        }
    }

    public static bool CameThroughProxy(HttpRequest request) => request.Headers.Keys.Any(name =>
        name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Forwarded", StringComparison.OrdinalIgnoreCase)
        || name.Equals("X-Real-IP", StringComparison.OrdinalIgnoreCase));

    private string? NonLoopbackAddress() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(address => !IsLoopbackAddress(address));

    private static bool IsLoopbackAddress(string address)
    {
        var host = BindingAddress.Parse(address).Host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    [LoggerMessage(3101, LogLevel.Information, "Access: {Keys} API key(s) for machines; staff sign-in {Users}")]
    private static partial void LogCredentials(ILogger logger, int keys, string users);

    [LoggerMessage(3102, LogLevel.Warning, "No API keys and no staff users: only requests from this machine are let in, and none that came through a proxy; add a user with 'users add' before exposing the server")]
    private static partial void LogLoopbackOnly(ILogger logger);

    [LoggerMessage(3103, LogLevel.Warning, "No API keys and no staff users, and the server listens on {Address}: the loopback-only mode is refused, so the API and the board refuse every request until a user is added ('users add') or Api:Keys is set")]
    private static partial void LogRefused(ILogger logger, string address);
}
