using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Chat;
using OrderBot.Server.WebChat;
using OrderBot.Storage;
using OrderBot.Tests.Support;
using static OrderBot.Tests.Support.ApiClient;

namespace OrderBot.Tests.Customers;

/// <summary>
/// After erasure no table and no waiting payload holds the customer's phone number, name, instruction text or a
/// fingerprint over them; run on every storage provider by the subclasses.
/// </summary>
public abstract class ErasureContract
{
    private const string Name = "Zelda Quartermaine";
    private const string Instructions = "ring Zelda at the back door, 12 Secret Lane";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<RunningApp> StartAsync();

    [Fact]
    public async Task After_erasure_no_table_or_payload_holds_the_phone_number_name_instructions_or_a_fingerprint_over_them()
    {
        await using var app = await StartAsync();
        var phone = "+3161" + Random.Shared.Next(1_000_000, 9_999_999);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(Request(HttpMethod.Put, $"/api/customers/{Uri.EscapeDataString(phone)}", new { display_name = Name }), Ct)).StatusCode);
        await app.Services.GetRequiredService<ChatInbox>().RecordAsync(
            [new IncomingMessage(WebChatChannel.ChannelName, Guid.NewGuid().ToString(), phone, DateTime.UtcNow, new TextContent($"hi, this is {Name}"))], Ct);
        await Eventually.TrueAsync(async () => (await DumpAsync(app)).Any(row => row.StartsWith("chat_conversations", StringComparison.Ordinal) && row.Contains(phone, StringComparison.Ordinal)),
            "the chat to answer the customer");
        var body = new { customer_id = phone, items = new[] { new { name = "latte", quantity = 2 } }, special_instructions = Instructions };
        var created = await (await app.Client.SendAsync(Idempotent(Request(HttpMethod.Post, "/api/orders", body)), Ct)).ReadJsonAsync();
        var orderId = created.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(Request(HttpMethod.Patch, $"/api/orders/{orderId}/status", new { status = "confirmed" }), Ct)).StatusCode);
        // The status notice was queued in the status change's own transaction, so it is there to be erased.
        var before = await DumpAsync(app);
        Assert.Contains(before, row => row.StartsWith("chat_outbound", StringComparison.Ordinal) && row.Contains(phone, StringComparison.Ordinal) && row.Contains("status", StringComparison.Ordinal));
        var fingerprints = before.Where(r => r.StartsWith("idempotent_order_requests", StringComparison.Ordinal)).SelectMany(r => r.Split('|')).Where(v => v.Length == 64).ToList();
        Assert.Contains(before, row => row.Contains(Instructions, StringComparison.Ordinal));
        Assert.NotEmpty(fingerprints);

        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(Request(HttpMethod.Delete, $"/api/customers/{Uri.EscapeDataString(phone)}"), Ct)).StatusCode);

        var after = await DumpAsync(app);
        string[] secrets = [phone, phone.TrimStart('+'), Name, "Zelda", "Secret Lane", .. fingerprints];
        Assert.DoesNotContain(after, row => secrets.Any(s => row.Contains(s, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(after, row => row.StartsWith("orders", StringComparison.Ordinal) && row.Contains(orderId!, StringComparison.Ordinal));
        var retried = await app.Client.SendAsync(Idempotent(Request(HttpMethod.Post, "/api/orders", body)), Ct);
        Assert.NotEqual(HttpStatusCode.Created, retried.StatusCode);
    }

    private static HttpRequestMessage Idempotent(HttpRequestMessage request)
    {
        request.Headers.Add("Idempotency-Key", "erasure-1");
        return request;
    }

    /// <summary>Every row of every table, as "table|value|value|...".</summary>
    private static async Task<List<string>> DumpAsync(RunningApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<OrderBotDbContext>>().CreateDbContextAsync(Ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var tables = await ReadAsync(connection, db.Database.IsNpgsql()
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Contains("|outbox_events", tables);
        var rows = new List<string>();
        foreach (var table in tables.Select(t => t.TrimStart('|')))
        {
            rows.AddRange((await ReadAsync(connection, $"SELECT * FROM \"{table}\"")).Select(r => table + r));
        }

        return rows;
    }

    private static async Task<List<string>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(string.Concat(Enumerable.Range(0, reader.FieldCount).Select(i => "|" + Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}

public sealed class SqliteErasureTests : ErasureContract
{
    protected override Task<RunningApp> StartAsync() => RunningApp.StartAsync(Settings());
}

public sealed class PostgresErasureTests(PostgresTestDatabase database) : ErasureContract, IClassFixture<PostgresTestDatabase>
{
    protected override Task<RunningApp> StartAsync()
    {
        database.Server.RequireAvailable();
        return RunningApp.StartAsync(Settings(("Storage:Provider", "Postgres"), ("Storage:ConnectionString", database.ConnectionString)));
    }
}
