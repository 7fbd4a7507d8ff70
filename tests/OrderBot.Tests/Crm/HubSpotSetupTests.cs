using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Crm;
using OrderBot.Outbox;
using OrderBot.Server.Cli;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Crm;

/// <summary>
/// The HubSpot set-up is read through HubSpot's property and pipeline APIs before the first order can fail on it
/// (platforms-2026.md, section 6: hasUniqueValue, stage ids; issue 16, point 5).
/// </summary>
public sealed class HubSpotSetupTests : IAsyncLifetime
{
    private FakeHubSpot _hubSpot = null!;

    private static readonly string[] CheckFixVerb = ["crm", "check", "--fix"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _hubSpot = await FakeHubSpot.StartAsync();

    public async ValueTask DisposeAsync() => await _hubSpot.DisposeAsync();

    [Fact]
    public async Task Phone_as_the_contact_id_property_is_refused_because_a_standard_portal_does_not_keep_it_unique()
    {
        var problems = await CheckAsync(With(FakeHubSpot.StageSettings(), ("Crm:HubSpot:ContactIdProperty", "phone")));

        var problem = Assert.Single(problems);
        Assert.StartsWith("Crm:HubSpot:ContactIdProperty:", problem, StringComparison.Ordinal);
        Assert.Contains("not unique", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_field_mapped_to_a_property_the_portal_lacks_is_named_and_an_existing_one_passes()
    {
        var settings = With(FakeHubSpot.StageSettings(),
            ("Crm:HubSpot:OrderFieldProperties:tip", "orderbot_tip"), ("Crm:HubSpot:OrderFieldProperties:payment_state", "hs_pipeline_stage"));
        await CheckAsync(settings, fix: true);

        var problems = await CheckAsync(settings);

        var problem = Assert.Single(problems);
        Assert.StartsWith("Crm:HubSpot:OrderFieldProperties:tip:", problem, StringComparison.Ordinal);
        Assert.Contains("'orderbot_tip'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_names_are_refused_as_stages_and_the_portals_stage_ids_are_offered()
    {
        await CheckAsync(With([]), fix: true);

        var problems = await CheckAsync(With([]));

        var problem = Assert.Single(problems);
        Assert.StartsWith("Crm:HubSpot:StatusMap:", problem, StringComparison.Ordinal);
        Assert.Contains("pending, confirmed, preparing, ready, shipped, delivered, cancelled", problem, StringComparison.Ordinal);
        Assert.Contains("4b27b500-f031-4927-9811-68a0b525cbae (Checkout pending)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pipeline_that_does_not_exist_is_named()
    {
        var problems = await CheckAsync(With(FakeHubSpot.StageSettings(), ("Crm:HubSpot:Pipeline", "default"), ("Crm:HubSpot:ContactIdProperty", "email")));

        Assert.Contains(problems, p => p.StartsWith("Crm:HubSpot:Pipeline: HubSpot has no order pipeline 'default'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crm_check_fix_creates_the_default_contact_id_property_as_unique_and_then_the_check_passes()
    {
        var settings = With(FakeHubSpot.StageSettings());
        Assert.Contains(await CheckAsync(settings), p => p.StartsWith("Crm:HubSpot:ContactIdProperty: HubSpot has no contacts property 'orderbot_customer_id'", StringComparison.Ordinal));

        using var output = new StringWriter();
        var args = CheckFixVerb.Concat(settings.Select(s => $"--{s.Key}={s.Value}")).ToArray();
        var exit = await Verbs.CreateRoot(args).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output }, Ct);

        Assert.True(exit == 0, output.ToString());
        var created = _hubSpot.PropertyDefinition("contacts", "orderbot_customer_id");
        Assert.NotNull(created);
        Assert.True(created["hasUniqueValue"]!.GetValue<bool>());
        Assert.Equal("contactinformation", created["groupName"]!.GetValue<string>());
        Assert.Empty(await CheckAsync(settings));
    }

    [Fact]
    public async Task The_server_refuses_to_start_with_one_line_naming_the_fix()
    {
        using var folder = new TempFolder();
        var args = new[] { "serve", "--urls=http://127.0.0.1:0", $"--Storage:ConnectionString=Data Source={folder.Path}/orderbot.db" }
            .Concat(With(FakeHubSpot.StageSettings()).Select(s => $"--{s.Key}={s.Value}")).ToArray();

        var (exit, _, error) = await ServerProcess.RunToExitAsync(folder.Path, args);

        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.StartsWith("Crm:HubSpot:ContactIdProperty:", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Contains("crm check --fix", error, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> With(Dictionary<string, string?> extra, params (string Key, string Value)[] more)
    {
        var settings = _hubSpot.Settings();
        foreach (var (key, value) in extra.Select(e => (e.Key, e.Value)).Concat(more.Select(m => (m.Key, (string?)m.Value))))
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<IReadOnlyList<string>> CheckAsync(Dictionary<string, string?> settings, bool fix = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddOrderBotCrm(configuration).BuildServiceProvider();
        var check = services.GetRequiredService<HubSpotSetupCheck>();
        if (fix)
        {
            await check.FixAsync(Ct);
        }

        return await check.CheckAsync(Ct);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("orderbot-hubspot-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
