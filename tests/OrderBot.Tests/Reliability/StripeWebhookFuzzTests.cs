using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Server.Payments;
using OrderBot.Server.Eval.Payments;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Reliability;

/// <summary>
/// Generated deliveries to Stripe's webhook (issue 14's bad input): forged, stale, garbled and missing signatures,
/// replays of one event, Checkout events whose sessions, metadata and fields are hostile or of the wrong type, and bodies
/// that are not JSON at all. None causes a 500 or an error in the logs, and with no order that has a session, nothing is stored.
/// </summary>
public sealed class StripeWebhookFuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("ORDERBOT_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) ? n / 5 : 2_000;

    private static readonly string[] Types =
    [
        "checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
        "checkout.session.expired", "payment_intent.succeeded", "", "checkout.session.completed\u0000",
    ];

    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf<JsonNode?>(
        Gen.Const((JsonNode?)null),
        Gen.Long.Select(i => (JsonNode?)i),
        Gen.Bool.Select(b => (JsonNode?)b),
        Gen.String[0, 80].Select(s => (JsonNode?)s),
        Gen.Const((JsonNode?)"0190f0e0-0000-7000-8000-000000000000"),
        Gen.Const((JsonNode?)new JsonArray()),
        Gen.Const((JsonNode?)new JsonObject()));

    private static readonly Gen<string> Session = Gen.Select(Scalar, Scalar, Scalar, Scalar, Pick("paid", "unpaid", "no_payment_required"), (id, reference, orderId, url, status) =>
        new JsonObject
        {
            // Generated nodes can be shared between cases, and a node has one parent: cloned on insertion.
            ["id"] = id?.DeepClone(), ["object"] = "checkout.session", ["client_reference_id"] = reference?.DeepClone(), ["url"] = url?.DeepClone(),
            ["payment_status"] = status, ["metadata"] = new JsonObject { ["order_id"] = orderId?.DeepClone() },
        }.ToJsonString());

    private static readonly Gen<string> Body = Gen.Frequency(
        (6, Gen.Select(Pick(Types), Session, Gen.Int[0, 30], (type, session, id) =>
            FakeStripe.Event(type, JsonNode.Parse(session)!.AsObject(), id: "evt_fuzz_" + id))),
        (1, Gen.String[0, 300]),
        (1, Gen.Const("""{"id":"evt_x","object":"event","type":"checkout.session.completed","data":{"object":"not a session"}}""")),
        (1, Gen.Const("{\"data\":{\"object\":{\"object\":\"checkout.session\"}}}")));

    private static readonly Gen<Func<string, string?>> Signature = Pick<Func<string, string?>>(
        body => FakeStripe.Sign(body),
        body => FakeStripe.Sign(body, "whsec_forged_by_someone"),
        body => FakeStripe.Sign(body, at: DateTimeOffset.UtcNow.AddMinutes(-10)),
        body => FakeStripe.Sign(body, at: DateTimeOffset.UtcNow.AddMinutes(10)),
        body => FakeStripe.Sign(body + " "),
        _ => null,
        _ => "",
        _ => "t=,v1=",
        _ => "t=99999999999999999999,v1=00",
        body => FakeStripe.Sign(body).Replace("v1=", "v0=", StringComparison.Ordinal),
        body => FakeStripe.Sign(body) + ",v1=" + new string('a', 64));

    private static Gen<T> Pick<T>(params T[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    [Fact]
    public async Task Generated_stripe_deliveries_never_cause_a_500_and_store_nothing_without_an_order()
    {
        await using var stripe = await FakeStripe.StartAsync(TestContext.Current.CancellationToken);
        await using var app = await RunningApp.StartAsync(ApiClient.Settings(stripe.Settings()));

        await Gen.Select(Body, Signature).SampleAsync(async (body, sign) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoints.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (sign(body) is { } signature)
            {
                request.Headers.TryAddWithoutValidation(StripeWebhookEndpoints.SignatureHeader, signature);
            }

            var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest;
        }, iter: Cases, threads: 4);

        Assert.Empty(app.Logs.Errors);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<OrderBot.Storage.OrderBotDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await db.PaymentEvents.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.OutboxEvents.CountAsync(TestContext.Current.CancellationToken));
    }
}
