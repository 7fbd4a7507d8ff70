namespace OrderBot.Server.Security;

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// The host names the server is reached by from outside, separated by ';' (e.g. <c>orders.example.com</c>).
    /// Unless <c>AllowedHosts</c> is set, only these and localhost are answered (DNS rebinding), and they are the
    /// origins besides the server's own from which a browser may make changes.
    /// </summary>
    public string? PublicHosts { get; set; }

    public IReadOnlyList<string> PublicHostList =>
        (PublicHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
