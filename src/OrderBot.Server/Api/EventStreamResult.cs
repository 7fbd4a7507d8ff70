using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace OrderBot.Server.Api;

/// <summary>
/// Server-sent events that send their headers at once (a client knows it is connected before the first event)
/// and a comment every <see cref="HeartbeatInterval"/>, so proxies and browsers keep an idle stream open and a
/// dead client is noticed. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class EventStreamResult<T>(IAsyncEnumerable<T> events, string eventType) : IResult, IEndpointMetadataProvider
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var context = httpContext;
        var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using var heartbeat = new PeriodicTimer(HeartbeatInterval, context.RequestServices.GetRequiredService<TimeProvider>());
        await response.Body.FlushAsync(stop.Token);

        var items = events.GetAsyncEnumerator(stop.Token);
        var next = items.MoveNextAsync().AsTask();
        var tick = heartbeat.WaitForNextTickAsync(stop.Token).AsTask();
        try
        {
            while (true)
            {
                if (await Task.WhenAny(next, tick) == next)
                {
                    if (!await next)
                    {
                        return;
                    }

                    await response.WriteAsync($"event: {eventType}\ndata: {JsonSerializer.Serialize(items.Current, json)}\n\n", stop.Token);
                    next = items.MoveNextAsync().AsTask();
                }
                else
                {
                    await tick;
                    await response.WriteAsync(": heartbeat\n\n", stop.Token);
                    tick = heartbeat.WaitForNextTickAsync(stop.Token).AsTask();
                }

                await response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(next, tick).ContinueWith(_ => { }, TaskScheduler.Default);
            await items.DisposeAsync();
        }
    }

#pragma warning disable CA1000 // IEndpointMetadataProvider's member is static by design
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["text/event-stream"]));
#pragma warning restore CA1000
}
