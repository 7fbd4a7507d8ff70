using System.ComponentModel.DataAnnotations;

namespace OrderBot.Server.Api;

/// <summary>The <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// API keys by name (<c>Api:Keys:dashboard=...</c>), from the environment or a secret store. With none
    /// configured, only requests from this machine (loopback) are let in, so the quick start needs no secret.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>Requests per minute one API key (or one address, without a key) may make (default 600).</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Largest JSON body the REST API accepts (default 1 MiB).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
