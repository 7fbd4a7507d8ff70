using System.Security.Cryptography;
using System.Text;

namespace OrderBot.Crm;

/// <summary>The legacy <c>X-OrderBot-Signature</c> header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body.</summary>
/// <remarks>Kept beside <see cref="StandardWebhookSignature"/> for one release, so receivers can move over.</remarks>
internal static class WebhookSignature
{
    public const string Header = "X-OrderBot-Signature";

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string secret, string? header) =>
        header is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, secret)), Encoding.ASCII.GetBytes(header));
}

/// <summary>
/// Standard Webhooks signing: <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c>,
/// a space-separated list of <c>v1,&lt;base64 HMAC-SHA256&gt;</c> over <c>{id}.{timestamp}.{body}</c>, one per active
/// secret so that a receiver can rotate its secret without downtime.
/// </summary>
public static class StandardWebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SecretPrefix = "whsec_";

    /// <summary>The spec's secret size: 24 to 64 random bytes.</summary>
    public const int MinKeyBytes = 24;
    public const int MaxKeyBytes = 64;

    /// <summary>The key bytes of a <c>whsec_&lt;base64&gt;</c> secret, or null when it is not one of 24-64 bytes.</summary>
    public static byte[]? Key(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var key = new byte[MaxKeyBytes + 3];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], key, out var length) && length is >= MinKeyBytes and <= MaxKeyBytes
            ? key[..length]
            : null;
    }

    /// <summary>A new secret in the spec's form, 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> value: one <c>v1,</c> signature per key, space-separated.</summary>
    public static string Sign(string id, long timestamp, ReadOnlySpan<byte> body, IEnumerable<byte[]> keys)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return string.Join(' ', keys.Select(key => "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content))));
    }
}
