using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OrderBot.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run, started from the machine's binaries in a temp
/// folder on a free port and removed afterwards. ORDERBOT_TEST_POSTGRES (a connection string) uses an
/// existing server instead. Without either, tests skip with the reason, except under CI=true, where they fail.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _folder;
    private string? _binaries;

    public string? AdminConnectionString { get; private set; }
    public string? UnavailableReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var supplied = Environment.GetEnvironmentVariable("ORDERBOT_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(supplied))
        {
            AdminConnectionString = supplied;
            return;
        }

        _binaries = FindBinaries();
        if (_binaries is null)
        {
            UnavailableReason = "no PostgreSQL binaries under /usr/lib/postgresql/*/bin and ORDERBOT_TEST_POSTGRES is not set";
            return;
        }

        try
        {
            await StartClusterAsync(_binaries);
        }
        catch (Exception e)
        {
            UnavailableReason = $"the throwaway PostgreSQL cluster did not start: {e.Message}";
        }
    }

    /// <summary>Skips the calling test when no server is available, or fails it under CI.</summary>
    public void RequireAvailable() => RequiredTool.Require("PostgreSQL", UnavailableReason);

    /// <summary>A new empty database on the server, for one test class.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        RequireAvailable();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is null || _binaries is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(_binaries, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartClusterAsync(string binaries)
    {
        _folder = Directory.CreateTempSubdirectory("orderbot-pg-").FullName;
        if (Environment.UserName == "root")
        {
            // initdb refuses to run as root; the cluster belongs to the postgres user.
            await RunAsync("chown", "-R", "postgres:postgres", _folder);
        }

        var data = Path.Combine(_folder, "data");
        await RunAsync(Path.Combine(binaries, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
        var port = FreePort();
        var settings = $"-p {port} -c listen_addresses=127.0.0.1 -k {_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(binaries, "pg_ctl"), "-D", data, "-l", Path.Combine(_folder, "server.log"), "-o", settings, "-w", "start");
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=50";
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => b, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var asPostgres = Environment.UserName == "root" && file != "chown";
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var part in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
