using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OrderBot.Server;

namespace OrderBot.Tests.Support;

/// <summary>
/// OrderBot.Server from the test's own output folder as a child process, so a test can kill it the way a
/// crash would (SIGKILL: no shutdown code runs). Settings go on the command line, secrets in the environment.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>Console log lines that report an error ("fail:" or "crit:" from the console logger).</summary>
    public IEnumerable<string> Errors => _output.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));

    /// <summary>Everything the console showed, stdout and stderr interleaved.</summary>
    public IEnumerable<string> Output => _output;

    /// <summary>Runs a verb of OrderBot.Server to its end in <paramref name="workingDirectory"/>; its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToExitAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(typeof(OrderBotApp).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"OrderBot.Server {string.Join(' ', arguments)} did not exit within 60 s");
        }

        return (process.ExitCode, await output, await error);
    }

    public static ServerProcess Start(IEnumerable<KeyValuePair<string, string>> settings, IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(typeof(OrderBotApp).Assembly.Location);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add($"--urls={baseAddress.ToString().TrimEnd('/')}");
        // No shop unless a test names one: the appsettings default (the pizzeria sample) would close the shop at night.
        start.ArgumentList.Add("--Shop:Path=");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var server = new ServerProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits until the server answers its readiness check (migrations done, database reachable).</summary>
    public Task WaitReadyAsync() => Eventually.TrueAsync(async () =>
    {
        Assert.False(_process.HasExited, $"the server exited with code {(_process.HasExited ? _process.ExitCode : 0)} before it was ready");
        try
        {
            return (await Client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }, "the server to be ready", TimeSpan.FromSeconds(60));

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    public static int FreePort()
    {
        // Bound and released at once: another process could take it in between, which a test run will not do.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        Client.Dispose();
        _process.Dispose();
    }
}
