using System.Net;
using OrderBot.Tests.WhatsApp;

namespace OrderBot.Tests.Reliability;

/// <summary>The database gone while Meta delivers: the delivery must not be acknowledged, so Meta sends it again.</summary>
public sealed class WebhookOutageTests
{
    [Fact]
    public async Task A_delivery_while_the_database_is_unavailable_gets_a_503_with_retry_after_not_a_200_or_a_500()
    {
        await using var whatsapp = await WhatsAppTestApp.StartAsync();
        var customer = WhatsAppTestApp.NewWaId();
        whatsapp.App.BreakDatabase();

        var response = await whatsapp.PostAsync(MetaPayloads.Delivery([MetaPayloads.Text(customer, "2 croissants"), MetaPayloads.Text(customer, "confirm")]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(whatsapp.Graph.Sent);
    }
}
