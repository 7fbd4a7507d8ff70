using System.CommandLine;
using OrderBot.Crm;
using OrderBot.Outbox;

namespace OrderBot.Server.Cli;

/// <summary><c>crm check [--fix]</c>: the HubSpot set-up the server checks at start; <c>crm secret</c>: a new Standard Webhooks secret.</summary>
public static class CrmCommand
{
    public static Command Create()
    {
        var fix = new Option<bool>("--fix") { Description = "Create the missing unique id properties first." };
        var check = new Command("check", "Check the HubSpot portal: unique id properties and the stage ids statuses are mapped to.") { fix };
        check.TreatUnmatchedTokensAsErrors = false;
        check.SetAction((parse, ct) => CheckAsync(parse.UnmatchedTokens.ToArray(), parse.GetValue(fix), parse.InvocationConfiguration.Output, ct));

        var secret = new Command("secret", "Print a new whsec_ secret for Crm:Webhook:Secrets (Standard Webhooks).");
        secret.SetAction(parse => parse.InvocationConfiguration.Output.WriteLine(StandardWebhookSignature.NewSecret()));
        return new Command("crm", "Check the CRM set-up.") { check, secret };
    }

    private static async Task<int> CheckAsync(string[] args, bool fix, TextWriter output, CancellationToken ct)
    {
        await using var app = OrderBotApp.Build(args);
        var checks = app.Services.GetServices<HubSpotSetupCheck>().ToList();
        if (checks.Count == 0)
        {
            await output.WriteLineAsync("No CRM destination uses the hubspot adapter; there is no HubSpot set-up to check.");
            return 0;
        }

        var problems = new List<string>();
        foreach (var check in checks)
        {
            if (fix)
            {
                foreach (var done in await check.FixAsync(ct))
                {
                    await output.WriteLineAsync(checks.Count == 1 ? done : $"{check.Destination}: {done}");
                }
            }

            problems.AddRange(await check.CheckAsync(ct));
        }

        if (problems.Count > 0)
        {
            throw new CrmSetupException(problems);
        }

        await output.WriteLineAsync("The HubSpot set-up is right: the id properties are unique and every status maps to a stage.");
        return 0;
    }
}
