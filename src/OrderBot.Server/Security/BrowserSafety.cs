using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace OrderBot.Server.Security;

/// <summary>
/// What keeps a page on another site, open in the shop's browser, from using the server: the Host header
/// must be ours (DNS rebinding), a change must not come from a foreign Origin, must not use a content type a
/// form can send without asking (CSRF), and no page of ours can be framed or run injected script.
/// </summary>
public static class BrowserSafety
{
    // A page may send these cross-site without a CORS preflight; the API never takes them.
    private static readonly string[] SimpleContentTypes = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"];

    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddOrderBotSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section));
        var publicHosts = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.PublicHostList ?? [];
        if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            services.Configure<HostFilteringOptions>(hosts => hosts.AllowedHosts = [.. publicHosts, "localhost", "127.0.0.1", "[::1]"]);
        }

        return services;
    }

    public static IApplicationBuilder UseOrderBotSecurity(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce)
                    ? DocsPolicy((string)nonce!)
                    : Policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            {
                await next(context);
                return;
            }

            var refusal = IsForeign(request, context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value)
                ? (StatusCodes.Status403Forbidden, "Cross-site request refused.", $"Changes are accepted from this server's own pages only, not from {request.Headers.Origin}.")
                : IsSimpleContentType(request.ContentType)
                    ? (StatusCodes.Status415UnsupportedMediaType, "Unsupported content type.", "Send JSON (Content-Type: application/json).")
                    : default;
            if (refusal == default)
            {
                await next(context);
                return;
            }

            await Api.Problems.WriteAsync(context, refusal.Item1, refusal.Item2, refusal.Item3);
        });
    }

    // The API reference (Scalar) starts with an inline script carrying a per-request nonce, and styles itself inline.
    private static string DocsPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static bool IsForeign(HttpRequest request, SecurityOptions options)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return true; // "null" (sandboxed frames, file: pages) and anything unreadable
        }

        return !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            && !options.PublicHostList.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsSimpleContentType(string? contentType) =>
        contentType is not null && SimpleContentTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase));
}
