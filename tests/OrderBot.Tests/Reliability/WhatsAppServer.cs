using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using OrderBot.Chat;
using OrderBot.Crm;
using OrderBot.Outbox;
using OrderBot.Server.WhatsApp;
using OrderBot.Storage;
using OrderBot.Tests.Crm;
using OrderBot.Tests.Support;
using OrderBot.Tests.WhatsApp;

namespace OrderBot.Tests.Reliability;

/// <summary>Starts server processes wired to a fake Graph API and a fake CRM, and delivers signed webhooks to them.</summary>
public static class WhatsAppServer
{
    public static ServerProcess Start(string provider, string connectionString, string menuPath, FakeGraphApi graph, FakeCrm crm, string leaseDuration = "00:00:03") => ServerProcess.Start(
        new Dictionary<string, string>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
            ["Menu:Path"] = menuPath,
            ["WhatsApp:BaseUrl"] = graph.BaseAddress.ToString(),
            ["WhatsApp:PhoneNumberId"] = FakeGraphApi.PhoneNumberId,
            ["Chat:PollInterval"] = "00:00:00.100",
            ["Chat:RetryDelay"] = "00:00:00.100",
            // Short, so a killed server's customers are taken over within the test's patience.
            ["Chat:LeaseDuration"] = leaseDuration,
            ["Crm:Adapter"] = "webhook",
            ["Crm:Webhook:Url"] = crm.Url.ToString(),
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:FirstRetryDelay"] = "00:00:00.100",
            ["Outbox:MaxRetryDelay"] = "00:00:01",
            ["Outbox:RequestTimeout"] = "00:00:03",
            ["Outbox:LeaseDuration"] = "00:00:07",
        },
        new Dictionary<string, string>
        {
            ["WhatsApp__AccessToken"] = FakeGraphApi.Token,
            ["WhatsApp__AppSecret"] = WhatsAppTestApp.AppSecret,
            ["WhatsApp__VerifyToken"] = WhatsAppTestApp.VerifyToken,
            ["Crm__Webhook__Secret"] = FakeCrm.Secret,
        });

    /// <summary>Posts a signed delivery; true only for a 200 (Meta's acknowledgement), false for any other answer or none.</summary>
    public static async Task<bool> DeliverAsync(ServerProcess server, string json)
    {
        var body = MetaPayloads.Bytes(json);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, WhatsAppWebhookEndpoints.Path) { Content = content };
        request.Headers.Add(MetaSignature.Header, MetaSignature.Sign(body, WhatsAppTestApp.AppSecret));
        try
        {
            using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            // Killed mid-request: not acknowledged, so Meta would deliver it again.
            return false;
        }
    }

    /// <summary>
    /// A customer's whole conversation as Meta delivers it: an order, then "confirm", each message in its own
    /// delivery. Croissants have no sizes, so the cart is complete after the first message.
    /// </summary>
    public static (string Id, string Json)[] Conversation(string waId)
    {
        var order = MetaPayloads.Text(waId, "2 croissants with ham");
        var confirm = MetaPayloads.Text(waId, "confirm");
        return [(order["id"]!.GetValue<string>(), MetaPayloads.Delivery([order])), (confirm["id"]!.GetValue<string>(), MetaPayloads.Delivery([confirm]))];
    }

    /// <summary>Waits until every recorded message is handled, every reply sent and every outbox event delivered.</summary>
    public static Task SettledAsync(IDbContextFactory<OrderBotDbContext> dbFactory, int messages, TimeSpan timeout) => Eventually.TrueAsync(async () =>
    {
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.ChatInbox.CountAsync(m => m.ProcessedAt != null) == messages
            && !await db.OutboundMessages.AnyAsync(m => m.State == OutboundState.Pending)
            && await db.OutboxEvents.AllAsync(e => e.State == OutboxState.Delivered);
    }, $"{messages} messages handled, their replies sent and the outbox drained", timeout);
}
