using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using OrderBot.Server;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Server.Security;

/// <summary>A page on another site, open in the shop's browser, must not be able to drive the server.</summary>
public sealed partial class BrowserSafetyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_for_a_foreign_host_name_is_refused_unless_it_is_a_configured_public_host()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string> { ["Security:PublicHosts"] = "orders.example.com" });

        var rebound = Request(HttpMethod.Get, "/api/menu", key: null);
        rebound.Headers.Host = "attacker.example";
        var ours = Request(HttpMethod.Get, "/health/live", key: null);
        ours.Headers.Host = "orders.example.com";
        var local = Request(HttpMethod.Get, "/health/live", key: null);
        local.Headers.Host = $"localhost:{app.BaseAddress.Port}";

        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.SendAsync(rebound, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(ours, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(local, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_change_from_a_foreign_origin_is_refused_even_in_the_loopback_mode()
    {
        await using var app = await RunningApp.StartAsync();

        var crossSite = Request(HttpMethod.Post, "/api/crm/dead-letters/replay", key: null);
        crossSite.Headers.Add("Origin", "https://attacker.example");
        var sandboxed = Request(HttpMethod.Post, "/api/crm/dead-letters/replay", key: null);
        sandboxed.Headers.Add("Origin", "null");
        var own = Request(HttpMethod.Post, "/api/crm/dead-letters/replay", key: null);
        own.Headers.Add("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client.SendAsync(crossSite, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client.SendAsync(sandboxed, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(own, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task A_change_with_a_body_a_form_could_send_is_refused(string contentType)
    {
        await using var app = await RunningApp.StartAsync();
        var request = Request(HttpMethod.Post, "/api/crm/dead-letters/replay", key: null);
        request.Content = new StringContent("{}");
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await app.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/chat.html")]
    [InlineData("/board.js")]
    [InlineData("/api/menu")]
    [InlineData("/api/docs")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        await using var app = await RunningApp.StartAsync();

        var response = await app.Client.GetAsync(path, Ct);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", ScriptSource().Match(policy).Value, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public void The_pages_hold_no_inline_script_or_style()
    {
        var pages = new ManifestEmbeddedFileProvider(typeof(OrderBotApp).Assembly, "wwwroot");
        var html = pages.GetDirectoryContents("/").Where(f => f.Name.EndsWith(".html", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(html);
        foreach (var file in html)
        {
            using var reader = new StreamReader(file.CreateReadStream());
            var text = reader.ReadToEnd();
            Assert.DoesNotMatch(InlineScriptOrStyle(), text);
        }
    }

    [GeneratedRegex("script-src[^;]*")]
    private static partial Regex ScriptSource();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptOrStyle();
}
