using System.ComponentModel.DataAnnotations;

namespace OrderBot.Payments;

public enum PaymentProvider
{
    /// <summary>No online payment: customers pay cash or card at the counter or door.</summary>
    None,

    Stripe,
}

/// <summary>The <c>Payments</c> configuration section. The Stripe keys belong in the environment and are never logged.</summary>
public sealed class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary>The outbox destination that creates and sends payment links.</summary>
    public const string Destination = "payments";

    /// <summary>none (default) or stripe.</summary>
    public PaymentProvider Provider { get; set; } = PaymentProvider.None;

    public StripeOptions Stripe { get; set; } = new();

    /// <summary>How long a payment link stays open: Stripe allows 30 minutes to 24 hours (default 1 hour).</summary>
    [Range(typeof(TimeSpan), "00:30:00", "1.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Links an order may get in all (default 2): when one expires unpaid and this allows another, the customer gets a new
    /// one with the news that the old one expired; after the last, only the news.
    /// </summary>
    [Range(1, 10)]
    public int MaxLinks { get; set; } = 2;

    /// <summary>
    /// When false, an online order stays off the kitchen's columns (in the board's "awaiting payment" strip) and staff
    /// cannot move it, except to cancel it, until it is paid. Default true: the kitchen sees it at once.
    /// </summary>
    public bool KitchenSeesUnpaidOnline { get; set; } = true;

    public bool IsConfigured => Provider != PaymentProvider.None;
}

public sealed class StripeOptions
{
    /// <summary>The secret key (<c>sk_live_…</c>/<c>sk_test_…</c>); required for the stripe provider.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>), used as UTF-8 bytes; required for the stripe provider.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API root; tests point it at a loopback fake.</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com");

    /// <summary>Where Stripe sends the customer after paying; Stripe replaces {CHECKOUT_SESSION_ID}.</summary>
    public Uri SuccessUrl { get; set; } = new("https://example.com/paid?session_id={CHECKOUT_SESSION_ID}");

    /// <summary>Where the customer lands when they leave the payment page; none when unset.</summary>
    public Uri? CancelUrl { get; set; }

    /// <summary>How long one call to Stripe may take before it counts as failed and is retried later.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
