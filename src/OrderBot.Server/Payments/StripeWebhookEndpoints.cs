using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OrderBot.Payments;

namespace OrderBot.Server.Payments;

/// <summary>
/// Stripe's webhook. Stripe calls it without our API key or cookie, so it is anonymous; the <c>Stripe-Signature</c>
/// over the raw body is its authentication. Mapped only when <c>Payments:Provider</c> is stripe.
/// </summary>
public static class StripeWebhookEndpoints
{
    public const string Path = "/api/payments/stripe/webhook";
    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>Checkout events are a few kilobytes; anything far larger is not Stripe's.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IOptions<PaymentsOptions>>().Value.Provider != PaymentProvider.Stripe)
        {
            return app;
        }

        app.MapPost(Path, ReceiveAsync)
            .WithName("ReceiveStripeWebhook")
            .WithTags("Payments")
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>200 for an event applied, replayed or not ours; 400 ProblemDetails for a bad signature or body, nothing stored.</summary>
    public static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(HttpRequest request, StripeWebhook webhook, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true));
            body = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (Exception e) when (e is DecoderFallbackException or BadHttpRequestException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a Stripe event.", detail: e.Message);
        }

        var result = await webhook.HandleAsync(body, request.Headers[SignatureHeader].FirstOrDefault(), cancellationToken);
        return result.Outcome == WebhookOutcome.Rejected
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Missing or wrong {SignatureHeader}.", detail: result.Detail)
            : TypedResults.Ok();
    }
}
