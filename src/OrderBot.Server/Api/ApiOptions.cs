using System.ComponentModel.DataAnnotations;

namespace OrderBot.Server.Api;

/// <summary>The <c>Api</c> configuration section.</summary>
public sealed class ApiOptions : IValidatableObject
{
    /// <summary>Shortest key accepted: 32 characters, so a key cannot be guessed even without the failure limit.</summary>
    public const int MinKeyLength = 32;

    public const string Section = "Api";

    /// <summary>
    /// API keys by name (<c>Api:Keys:dashboard=...</c>), from the environment or a secret store. With none
    /// configured, only requests from this machine (loopback) are let in, so the quick start needs no secret.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Keys.Where(k => (k.Value?.Trim().Length ?? 0) < MinKeyLength).Select(k => new ValidationResult(
            $"Api:Keys:{k.Key} is shorter than {MinKeyLength} characters; use a random key such as the output of 'openssl rand -base64 32'.",
            [nameof(Keys)]));

    /// <summary>Requests per minute one API key (or one address, without a key) may make (default 600).</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Largest JSON body the REST API accepts (default 1 MiB).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
