using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrderBot.Outbox;

namespace OrderBot.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Payment settings and <see cref="IPaymentLinks"/> always; with <c>Payments:Provider=stripe</c> also the link maker (an
    /// outbox destination fed by every new order) and the webhook's handler. Call after <c>AddOrderBotChat</c>.
    /// </summary>
    public static IServiceCollection AddOrderBotPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentsOptions>()
            .Bind(configuration.GetSection(PaymentsOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != PaymentProvider.Stripe || !string.IsNullOrWhiteSpace(o.Stripe.SecretKey),
                "Payments:Stripe:SecretKey (sk_live_… or sk_test_…, from the environment) is required when Payments:Provider is stripe.")
            .Validate(o => o.Provider != PaymentProvider.Stripe || !string.IsNullOrWhiteSpace(o.Stripe.WebhookSecret),
                "Payments:Stripe:WebhookSecret (the endpoint's whsec_… signing secret, from the environment) is required when Payments:Provider is stripe.")
            .Validate(o => o.Stripe.ApiBase.IsAbsoluteUri && o.Stripe.SuccessUrl.IsAbsoluteUri && o.Stripe.CancelUrl is null or { IsAbsoluteUri: true },
                "Payments:Stripe:ApiBase, SuccessUrl and CancelUrl must be absolute URLs.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPaymentLinks, PaymentLinks>();

        var provider = configuration.GetSection(PaymentsOptions.Section).Get<PaymentsOptions>()?.Provider ?? PaymentProvider.None;
        if (provider != PaymentProvider.Stripe)
        {
            return services;
        }

        services.AddOrderBotOutbox(configuration);
        services.AddHttpClient(StripeCheckout.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<PaymentsOptions>>().Value.Stripe.RequestTimeout);
        services.TryAddSingleton<StripeCheckout>();
        services.TryAddSingleton<StripeWebhook>();
        services.AddSingleton(PaymentLinkDeliverer.OutboxDestination);
        services.AddSingleton<IOutboxDeliverer, PaymentLinkDeliverer>();
        return services;
    }
}
