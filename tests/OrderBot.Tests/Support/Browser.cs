using Microsoft.Playwright;

namespace OrderBot.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (which cannot download its own browsers here). Without a
/// Chromium the page tests skip with the reason, except under CI=true, where they fail.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser? Chromium { get; private set; }
    public string? UnavailableReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("ORDERBOT_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            UnavailableReason = $"no Chromium at {executable} (apt-get install chromium, or set ORDERBOT_CHROMIUM)";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // The machine's network is closed: background services would only fail, many times over.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress, int width = 1400, int height = 900)
    {
        RequiredTool.Require("Chromium", UnavailableReason);
        var context = await Chromium!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Where screenshots go: ORDERBOT_ARTIFACTS, or artifacts/screenshots under the repository.</summary>
    public static string ArtifactPath(string fileName)
    {
        var folder = Environment.GetEnvironmentVariable("ORDERBOT_ARTIFACTS") ?? RepositoryFiles.PathOf("artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    public async ValueTask DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
