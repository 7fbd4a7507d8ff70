using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderBot.Crm;

/// <summary>A HubSpot set-up that would fail on the first order; the message names each setting and its fix.</summary>
public sealed class CrmSetupException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Runs each HubSpot destination's <see cref="HubSpotSetupCheck"/> before the dispatcher starts: a wrong set-up (or a refused
/// token) stops the start. HubSpot being unreachable does not: orders are taken and wait in the outbox, as for any CRM outage.
/// </summary>
internal sealed partial class HubSpotSetupGate(IEnumerable<HubSpotSetupCheck> checks, ILogger<HubSpotSetupGate> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var check in checks.Where(c => c.CheckOnStart))
        {
            try
            {
                problems.AddRange(await check.CheckAsync(cancellationToken));
            }
            catch (HttpRequestException e) when (e.StatusCode is HttpStatusCode.Unauthorized)
            {
                problems.Add($"{check.Settings}:AccessToken was refused by HubSpot ({e.Message}); set a valid private app token.");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Log.NotChecked(logger, check.Destination, e.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new CrmSetupException(problems);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(5201, LogLevel.Warning, "The HubSpot set-up of {Destination} could not be checked at start ({Reason}); run `crm check` once HubSpot answers")]
        public static partial void NotChecked(ILogger logger, string destination, string reason);
    }
}
