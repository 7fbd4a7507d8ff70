using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace OrderBot.Server.Api;

/// <summary>Problem answers the same everywhere: application/problem+json, and a body that cannot be read names the field.</summary>
internal static partial class ApiProblems
{
    /// <summary>
    /// <c>TypedResults.NotFound(problem)</c> and <c>Conflict(problem)</c> keep the OpenAPI document right but are written
    /// as application/json; this filter writes the same problem as application/problem+json.
    /// </summary>
    public static async ValueTask<object?> AsProblemJson(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        return inner is IValueHttpResult { Value: ProblemDetails problem } ? TypedResults.Problem(problem) : result;
    }

    /// <summary>The field and what is wrong with it, read from System.Text.Json's error: unknown field, wrong type, bad syntax.</summary>
    public static (string Field, string Error) Describe(JsonException e)
    {
        if (UnmappedMember().Match(e.Message) is { Success: true } unmapped)
        {
            return (Join(e.Path, unmapped.Groups["name"].Value), "is not a known field");
        }

        var field = Join(e.Path, null);
        var expected = NotConvertible().Match(e.Message) is { Success: true } m ? Expected(m.Groups["type"].Value) : null;
        return (field, expected is null ? "could not be read (is the JSON well-formed?)" : $"must be {expected}");
    }

    private static string Join(string? path, string? name)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        return name is null ? (field.Length == 0 ? "$" : field) : field.Length == 0 ? name : $"{field}.{name}";
    }

    private static string Expected(string type) => type switch
    {
        "System.String" => "a string",
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Decimal" or "System.Double" => "a number",
        "System.Boolean" => "true or false",
        "System.DateTimeOffset" or "System.DateTime" => "an ISO 8601 date and time",
        _ when type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "a list",
        _ => "an object",
    };

    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex("could not be converted to (?<type>[^ .]+(\\.[^ .]+)*)")]
    private static partial Regex NotConvertible();
}
