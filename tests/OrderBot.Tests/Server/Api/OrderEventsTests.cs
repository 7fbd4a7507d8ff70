using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Server.WebChat;
using OrderBot.Storage;
using OrderBot.Tests.Support;
using OrderBot.Tests.WebChat;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Server.Api;

public sealed class OrderEventsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Waits for the response headers, but not for ever: before the fix they only came with the first event.</summary>
    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, HttpRequestMessage request)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
    }

    [Fact]
    public async Task The_order_stream_answers_at_once_and_sends_a_heartbeat_every_15_seconds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await RunningApp.StartAsync(Settings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));

        using var response = await OpenAsync(app.Client, Request(HttpMethod.Get, "/api/orders/events"));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        var firstBeat = reader.ReadLineAsync(Ct).AsTask();
        time.Advance(TimeSpan.FromSeconds(14));
        Assert.False(firstBeat.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(": heartbeat", await firstBeat);
        Assert.Equal("", await reader.ReadLineAsync(Ct));
        time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(": heartbeat", await reader.ReadLineAsync(Ct));
    }

    [Fact]
    public async Task The_chat_stream_answers_at_once()
    {
        await using var app = await RunningApp.StartAsync(Settings());
        var request = Request(HttpMethod.Get, "/api/chat/events", key: null);
        request.Headers.Add(WebChatEndpoints.SessionHeader, WebChatSessionTests.NewSession());

        using var response = await OpenAsync(app.Client, request);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Many_board_subscribers_get_every_change_from_one_read_per_change()
    {
        const int subscribers = 200, orders = 10;
        var outboxReads = new OutboxReadCounter();
        await using var app = await RunningApp.StartAsync(Settings(),
            configure: b => b.Services.ConfigureDbContext<SqliteOrderBotDbContext>(options => options.AddInterceptors(outboxReads)));
        var customer = await app.NewCustomerAsync();
        var streams = new List<(HttpResponseMessage Response, StreamReader Reader)>();
        for (var i = 0; i < subscribers; i++)
        {
            var response = await OpenAsync(app.Client, Request(HttpMethod.Get, "/api/orders/events"));
            streams.Add((response, new StreamReader(await response.Content.ReadAsStreamAsync(Ct))));
        }

        var before = outboxReads.Count;
        for (var i = 0; i < orders; i++)
        {
            var created = await app.Client.SendAsync(Request(HttpMethod.Post, "/api/orders", new { customer_id = customer, items = new[] { new { name = "latte", quantity = 1 } } }), Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        foreach (var (_, reader) in streams)
        {
            var events = 0;
            while (events < orders)
            {
                var line = await reader.ReadLineAsync(Ct);
                events += line == "event: order" ? 1 : 0;
            }
        }

        // Before: one CRM-state read per subscriber per change (2,000 here); now one per change, plus the inserts and dispatcher sweeps.
        Assert.InRange(outboxReads.Count - before, orders, subscribers - 1);
        foreach (var (response, reader) in streams)
        {
            reader.Dispose();
            response.Dispose();
        }
    }

    /// <summary>Counts the SQL commands on the outbox table of one app.</summary>
    private sealed class OutboxReadCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("outbox_events", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }

            return ValueTask.FromResult(result);
        }
    }
}
