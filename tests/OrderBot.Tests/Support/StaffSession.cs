using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderBot.Server.Staff;
using static Microsoft.Playwright.Assertions;

namespace OrderBot.Tests.Support;

/// <summary>A staff user of a running app, signed in over HTTP (a cookie jar) or in a browser page.</summary>
public static class StaffSession
{
    public const string UserName = "anna";
    public const string Password = "correct horse battery staple";

    public static async Task AddStaffAsync(this RunningApp app, string userName = UserName, string password = Password) =>
        Assert.Null(await app.Services.GetRequiredService<StaffAccounts>().AddAsync(userName, password, TestContext.Current.CancellationToken));

    /// <summary>A client that keeps cookies, like a browser, with no API key.</summary>
    public static HttpClient CookieClient(this RunningApp app) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = app.BaseAddress };

    /// <summary>The antiforgery token of the client's current session (and its cookie, stored in the jar).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client)
    {
        var session = await client.GetFromJsonAsync<StaffSessionDto>("/api/staff/session", ApiClient.Json, TestContext.Current.CancellationToken);
        return session!.AntiforgeryToken;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName = UserName, string password = Password, bool withToken = true)
    {
        var request = ApiClient.Request(HttpMethod.Post, "/api/staff/sign-in", new { user_name = userName, password }, key: null);
        if (withToken)
        {
            request.Headers.Add(StaffEndpoints.AntiforgeryHeader, await client.AntiforgeryTokenAsync());
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Signs in on the board page and waits until it is live.</summary>
    public static async Task SignInAsync(this IPage page)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("User name").FillAsync(UserName);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#live")).ToHaveTextAsync("live");
    }
}
