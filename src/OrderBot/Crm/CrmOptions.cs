using System.ComponentModel.DataAnnotations;

namespace OrderBot.Crm;

public enum CrmAdapter
{
    /// <summary>Events are recorded (as skipped) but sent nowhere.</summary>
    None,

    Webhook,
    HubSpot,
}

/// <summary>
/// The <c>Crm</c> configuration section. Secrets (the webhook secret, the HubSpot token) belong in the environment.
/// <c>Crm:Adapter</c> with <c>Crm:Webhook</c> or <c>Crm:HubSpot</c> configures the one destination named <c>crm</c>;
/// <c>Crm:Destinations:&lt;name&gt;</c> adds more, each with its own adapter and settings (docs/crm.md).
/// </summary>
public sealed class CrmOptions : CrmDestinationOptions
{
    public const string Section = "Crm";

    /// <summary>The outbox destination of the top-level settings, and the one the order's <c>crm</c> sync state reads first.</summary>
    public const string Destination = "crm";

    /// <summary>The named HttpClient both adapters use.</summary>
    public const string HttpClientName = "OrderBot.Crm";

    /// <summary>Further destinations by name (lower-case letters, digits, '-' and '_'; at most 32 characters).</summary>
    public Dictionary<string, CrmDestinationOptions> Destinations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every destination configured: <c>crm</c> from the top-level settings when they name an adapter, then each of
    /// <see cref="Destinations"/>. With neither, <c>crm</c> without an adapter, so events are still recorded (as skipped).
    /// </summary>
    public IReadOnlyList<CrmDestination> Configured()
    {
        var listed = Destinations.Select(d => new CrmDestination(d.Key, d.Value, $"{Section}:Destinations:{d.Key}"));
        return Adapter != CrmAdapter.None || Destinations.Count == 0
            ? listed.Prepend(new CrmDestination(Destination, this, Section)).ToList()
            : listed.ToList();
    }

    /// <summary>The settings of the destination <paramref name="name"/>.</summary>
    public CrmDestinationOptions Of(string name) => Configured().First(d => d.Name == name).Options;
}

/// <summary>One CRM destination's adapter and its settings.</summary>
public class CrmDestinationOptions
{
    /// <summary>none (default), webhook or hubspot.</summary>
    public CrmAdapter Adapter { get; set; } = CrmAdapter.None;

    public WebhookOptions Webhook { get; set; } = new();
    public HubSpotOptions HubSpot { get; set; } = new();
}

/// <summary>A configured CRM destination: its outbox name, its settings, and where in the configuration they are (for messages).</summary>
public sealed record CrmDestination(string Name, CrmDestinationOptions Options, string Path);

public sealed class WebhookOptions
{
    /// <summary>Where events are POSTed; required for the webhook adapter.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// The HMAC-SHA256 key for the legacy <c>X-OrderBot-Signature</c> (kept for one release), at least 16 characters.
    /// A <c>whsec_</c> secret also signs the Standard Webhooks header.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Standard Webhooks secrets (<c>whsec_</c> + base64 of 24-64 bytes), all active: each adds a <c>v1,</c> signature
    /// to <c>webhook-signature</c>, so a receiver can rotate without downtime.
    /// </summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>The keys that sign <c>webhook-signature</c>: every entry of <see cref="Secrets"/>, and <see cref="Secret"/> when it is a whsec_ secret.</summary>
    public IReadOnlyList<byte[]> SigningKeys =>
        Secrets.Append(Secret).Select(StandardWebhookSignature.Key).OfType<byte[]>().DistinctBy(Convert.ToBase64String).ToList();

    /// <summary>The key of the legacy header: <see cref="Secret"/>, else the first of <see cref="Secrets"/>.</summary>
    public string? LegacySecret => Secret ?? Secrets.FirstOrDefault();
}

public sealed class HubSpotOptions
{
    /// <summary>The API root (default https://api.hubapi.com); tests point it at a fake.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.hubapi.com");

    /// <summary>A private app token with crm.objects.orders and crm.objects.contacts read/write scopes; required for the hubspot adapter.</summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// The unique contact property the customer's id (the phone number) is upserted by. Default orderbot_customer_id, a
    /// custom property <c>crm check --fix</c> creates: HubSpot's own phone property is not unique in a standard portal.
    /// </summary>
    [Required]
    public string ContactIdProperty { get; set; } = "orderbot_customer_id";

    /// <summary>
    /// A contact property for the customer's WhatsApp business-scoped user id (BSUID), e.g. whatsapp_user_id; not sent
    /// when unset. A single-line text property you create in HubSpot: customers with a username may have no phone number.
    /// </summary>
    public string? ContactUserIdProperty { get; set; }

    /// <summary>A contact property for the customer's WhatsApp username (display only, it can change); not sent when unset.</summary>
    public string? ContactUsernameProperty { get; set; }

    /// <summary>The unique order property holding OrderBot's order id (default hs_external_order_id).</summary>
    [Required]
    public string OrderIdProperty { get; set; } = "hs_external_order_id";

    /// <summary>The order property our status is written to (default hs_pipeline_stage).</summary>
    [Required]
    public string StatusProperty { get; set; } = "hs_pipeline_stage";

    /// <summary>Written to hs_pipeline when set; stage ids belong to a pipeline.</summary>
    public string? Pipeline { get; set; }

    /// <summary>Our status name (pending, confirmed, ...) to the value written; an unmapped status is written as its name.</summary>
    public Dictionary<string, string> StatusMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The value written for a status. A pickup order's "collected" ends it as "delivered" ends a delivery, so an unmapped
    /// collected takes delivered's stage: a portal set up before pickup orders existed keeps working.
    /// </summary>
    public string StageOf(string status) =>
        StatusMap.TryGetValue(status, out var stage) ? stage
        : status == "collected" && StatusMap.TryGetValue("delivered", out var delivered) ? delivered
        : status;

    /// <summary>
    /// Order properties for the fields HubSpot's order guide documents none for (platforms-2026.md §6), by field:
    /// <see cref="OrderFields"/>. Each names a property you created on the order object (the set-up check verifies it
    /// exists); a field without an entry is not sent. The delivery address needs none: it goes to the documented
    /// <c>hs_shipping_address_street</c>.
    /// </summary>
    public Dictionary<string, string> OrderFieldProperties { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The fields <see cref="OrderFieldProperties"/> may map.</summary>
    public static readonly IReadOnlySet<string> OrderFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "fulfilment_mode", "delivery_zone", "delivery_fee", "requested_for", "estimated_at",
        "payment_method", "payment_state", "subtotal", "tax", "tip",
    };

    /// <summary>Written to hs_source_store (default OrderBot).</summary>
    public string SourceStore { get; set; } = "OrderBot";

    /// <summary>Check the id properties and pipeline stages when the server starts (default true); a wrong set-up stops the start.</summary>
    public bool CheckOnStart { get; set; } = true;

    /// <summary><see cref="BaseUrl"/> with a trailing slash, so relative API paths are appended to it.</summary>
    public Uri ApiRoot => BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
}
