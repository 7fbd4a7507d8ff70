using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace OrderBot.Tests.Extraction.Llm;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking OpenAI's /v1/chat/completions and Ollama's /api/chat. Each test gets
/// its own <see cref="FakeLlmScenario"/> under /s/{id}/, so tests sharing the server never see each other's calls.
/// </summary>
public sealed class FakeLlmServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, FakeLlmScenario> _scenarios = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public FakeLlmScenario Scenario(Func<int, FakeReply> reply, TimeProvider? time = null)
    {
        var scenario = new FakeLlmScenario(Guid.NewGuid().ToString("N"), BaseAddress, reply, time ?? TimeProvider.System);
        _scenarios[scenario.Id] = scenario;
        return scenario;
    }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.MapPost("/s/{id}/v1/chat/completions", Handle);
        _app.MapPost("/s/{id}/api/chat", Handle);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task Handle(HttpContext context, string id)
    {
        if (!_scenarios.TryGetValue(id, out var scenario))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var reply = scenario.Record(context.Request.Path, context.Request.Headers.Authorization.ToString(), body);
        if (reply.Hang)
        {
            // Until the client gives up; the server never answers.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }
}

[CollectionDefinition(Name)]
public sealed class FakeLlmServerGroup : ICollectionFixture<FakeLlmServer>
{
    public const string Name = "fake LLM server";
}
