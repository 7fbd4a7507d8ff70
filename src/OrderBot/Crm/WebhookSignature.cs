using System.Security.Cryptography;
using System.Text;

namespace OrderBot.Crm;

/// <summary>The <c>X-OrderBot-Signature</c> header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body.</summary>
public static class WebhookSignature
{
    public const string Header = "X-OrderBot-Signature";

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string secret, string? header) =>
        header is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, secret)), Encoding.ASCII.GetBytes(header));
}
