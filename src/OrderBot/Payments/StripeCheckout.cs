using Microsoft.Extensions.Options;
using OrderBot.Orders;
using Stripe;
using Stripe.Checkout;

namespace OrderBot.Payments;

/// <summary>A Checkout Session as far as a payment link needs it.</summary>
internal sealed record CheckoutSession(string Id, string Url, DateTime ExpiresAt);

/// <summary>Creates Checkout Sessions with Stripe.net against <see cref="StripeOptions.ApiBase"/>.</summary>
internal sealed class StripeCheckout(IHttpClientFactory httpClients, IOptions<PaymentsOptions> options, TimeProvider time)
{
    public const string HttpClientName = "OrderBot.Payments";

    /// <summary>
    /// Creates (or, for a key Stripe has seen, gets back) the session for an order's attempt. Stripe.net's own retries are
    /// off: the outbox retries with backoff and keeps the same idempotency key.
    /// </summary>
    /// <exception cref="StripeException">Stripe refused or could not be reached.</exception>
    public async Task<CheckoutSession> CreateAsync(OrderDetails order, int attempt, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new StripeClient(
            apiKey: settings.Stripe.SecretKey,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), maxNetworkRetries: 0),
            apiBase: settings.Stripe.ApiBase.AbsoluteUri.TrimEnd('/'));
        var expiresAt = time.GetUtcNow().UtcDateTime + settings.LinkLifetime;
        var session = await new SessionService(client).CreateAsync(
            CheckoutRequest.For(order, settings, expiresAt),
            new RequestOptions { IdempotencyKey = CheckoutRequest.IdempotencyKey(order.Id, attempt) },
            cancellationToken);
        return new CheckoutSession(session.Id, session.Url, session.ExpiresAt);
    }
}
