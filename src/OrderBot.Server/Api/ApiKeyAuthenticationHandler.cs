using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OrderBot.Server.Api;

/// <summary>
/// Reads a key from <c>Authorization: Bearer</c> or <c>X-Api-Key</c> and names the caller after the
/// configured key it matches. Keys are compared as SHA-256 digests in constant time, so neither their
/// content nor their length leaks through timing. The configured keys' digests are computed once per
/// version of the options (a configuration reload makes a new one), not on every request. A request without
/// a key gets in only in <see cref="LocalAccess"/>'s mode; each wrong key counts in <see cref="FailedAttempts"/>.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiOptions> apiOptions,
    LocalAccess localAccess,
    FailedAttempts failedAttempts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string LocalCaller = "local";

    private static readonly ConditionalWeakTable<ApiOptions, (string Name, byte[] Digest)[]> Digests = [];

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var options = apiOptions.CurrentValue;
        var keys = Digests.GetValue(options, o => o.Keys.Select(k => (k.Key, Digest(k.Value))).ToArray());
        var presented = PresentedKey(Request);
        if (keys.Length == 0 || presented is null)
        {
            return await localAccess.AllowsAsync(Context) ? Success(LocalCaller) : AuthenticateResult.NoResult();
        }

        var digest = Digest(presented);
        string? match = null;
        foreach (var (name, key) in keys)
        {
            // Check every key, so the time taken does not say which one matched.
            if (CryptographicOperations.FixedTimeEquals(digest, key))
            {
                match = name;
            }
        }

        if (match is null)
        {
            failedAttempts.Record(Context);
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        return Success(match);
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static AuthenticateResult Success(string caller)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, caller)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    internal static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
