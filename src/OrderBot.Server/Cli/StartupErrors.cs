using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderBot.Menus;

namespace OrderBot.Server.Cli;

/// <summary>
/// Turns the errors a new user makes (a mistyped setting, a port in use, a missing database, a broken menu)
/// into one or two lines naming the setting and the fix, for every verb. Anything else is a bug and keeps its
/// stack trace.
/// </summary>
public static partial class StartupErrors
{
    /// <summary>The exit code of a start refused because of the configuration, the menu or the database.</summary>
    public const int ExitCode = 2;

    /// <summary>
    /// Runs a verb; a known start-up error is written to <paramref name="error"/> and ends it with <see cref="ExitCode"/>,
    /// any other exception with its trace and 1, as System.CommandLine's own handler would.
    /// </summary>
    public static async Task<int> GuardAsync(Func<Task<int>> verb, TextWriter error)
    {
        try
        {
            return await verb();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync(Describe(e) ?? "Unhandled exception: " + e);
            return Describe(e) is null ? 1 : ExitCode;
        }
    }

    /// <summary>The user-facing explanation, or null when the exception is not a start-up error.</summary>
    public static string? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var message = e switch
            {
                MenuValidationException menu => menu.Message,
                OrderBot.Shop.ShopValidationException shop => shop.Message,
                OrderBot.Crm.CrmSetupException crm => crm.Message,
                OptionsValidationException options => Options(options),
                InvalidOperationException binding when BindingFailure().Match(binding.Message) is { Success: true } match =>
                    Binding(match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value),
                IOException { InnerException: AddressInUseException } bind => PortInUse(bind.Message),
                PostgresException postgres => Postgres(postgres),
                NpgsqlException { InnerException: SocketException or TimeoutException } unreachable =>
                    $"Cannot reach PostgreSQL ({unreachable.InnerException!.Message}). Is it running, and are Host and Port in Storage:ConnectionString right?",
                SqliteException sqlite =>
                    $"Cannot open the SQLite database in Storage:ConnectionString: {sqlite.Message} Check that the folder is writable.",
                ArgumentException { Source: "Npgsql" or "Microsoft.Data.Sqlite" } connectionString =>
                    $"Storage:ConnectionString cannot be read: {connectionString.Message}",
                _ => null,
            };
            if (message is not null)
            {
                return message;
            }
        }

        return null;
    }

    private static string Options(OptionsValidationException e)
    {
        var section = e.OptionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string ?? e.OptionsType.Name;
        return string.Join(Environment.NewLine, e.Failures.Select(failure =>
        {
            // DataAnnotations name the member only ("The field Timeout must be between ..."); say which setting it is.
            var match = DataAnnotationFailure().Match(failure);
            if (!match.Success)
            {
                return failure;
            }

            var text = match.Groups["error"].Value;
            return text.Contains(section + ":", StringComparison.Ordinal) ? text : $"{section}:{match.Groups["member"].Value}: {text}";
        }));
    }

    private static string Binding(string value, string key, string typeName)
    {
        var type = Type.GetType(typeName) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        type = Nullable.GetUnderlyingType(type ?? typeof(object)) ?? type;
        var expected = type switch
        {
            { IsEnum: true } => "use one of " + string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(TimeSpan) => "write a duration as [d.]hh:mm:ss, e.g. 02:00:00 for two hours or 00:00:30 for 30 seconds",
            _ when type == typeof(bool) => "use true or false",
            _ when type == typeof(int) || type == typeof(long) => "use a whole number",
            _ when type == typeof(Uri) => "use an absolute URL such as https://example.com/path",
            _ => $"expected a {type?.Name ?? typeName}",
        };
        return $"{key}: '{value}' is not valid; {expected}.";
    }

    private static string PortInUse(string message)
    {
        var address = BindAddress().Match(message) is { Success: true } m ? m.Groups["address"].Value : "the address";
        return $"Cannot listen on {address}: the port is in use by another program. " +
               "Choose another with --urls http://localhost:5080 (or ASPNETCORE_URLS=http://localhost:5080).";
    }

    private static string Postgres(PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.InvalidCatalogName =>
            $"PostgreSQL: {e.MessageText}. Create it (README, \"PostgreSQL\": createdb -O <user> <database>) or fix Database in Storage:ConnectionString.",
        PostgresErrorCodes.InsufficientPrivilege =>
            $"PostgreSQL: {e.MessageText}. The database in Storage:ConnectionString probably does not exist and the user may not create it: " +
            "create it as README shows (createdb -O <user> <database>), or grant the user the rights it needs.",
        PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
            $"PostgreSQL refused the login: {e.MessageText}. Check Username and Password in Storage:ConnectionString (README shows how to create the role).",
        _ => $"PostgreSQL: {e.MessageText} ({e.SqlState}). Check Storage:ConnectionString.",
    };

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();

    [GeneratedRegex("members: '(?<member>[^']+)' with the error: '(?<error>.*)'\\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();

    [GeneratedRegex("address (?<address>\\S+?):? address already in use")]
    private static partial Regex BindAddress();
}
