using System.ComponentModel.DataAnnotations;

namespace OrderBot.Server.WhatsApp;

/// <summary>
/// The <c>WhatsApp</c> configuration section. The channel is on only when the four secrets are set (from the
/// environment or a secret store, never appsettings.json); with none of them the server runs without it.
/// </summary>
public sealed partial class WhatsAppOptions
{
    public const string Section = "WhatsApp";

    /// <summary>The Graph API (default https://graph.facebook.com); tests point it at a local fake.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://graph.facebook.com");

    /// <summary>The Graph API version in the path (default v23.0).</summary>
    [RegularExpression(@"^v\d+\.\d+$", ErrorMessage = "WhatsApp:ApiVersion must look like v23.0.")]
    public string ApiVersion { get; set; } = "v23.0";

    /// <summary>The business phone number's id (not the number) from the app's WhatsApp set-up page.</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>A system user's permanent access token with whatsapp_business_messaging. Secret.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The Meta app's secret, which signs every webhook delivery. Secret.</summary>
    public string? AppSecret { get; set; }

    /// <summary>Any string you choose and also type into Meta's webhook settings. Secret.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>Largest webhook body accepted (default 3.5 MiB: above Meta's 3 MB maximum); larger ones get 413.</summary>
    [Range(3_000_001, 64 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 3 * 1024 * 1024 + 512 * 1024;

    /// <summary>How long one Graph API call may take (default 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Immediate attempts per send (default 3), only after answers proving the message was not accepted: 429, a
    /// documented transient error code, no connection. A timeout is never retried (the message may have gone out).
    /// </summary>
    [Range(1, 10)]
    public int SendAttempts { get; set; } = 3;

    /// <summary>Messages per minute one sender may send before further ones are dropped unread (default 30).</summary>
    [Range(1, 10_000)]
    public int MessagesPerSenderPerMinute { get; set; } = 30;

    /// <summary>
    /// An approved message template for status updates once the 24-hour window has closed (WhatsApp accepts only
    /// templates then). Its body takes two parameters: {{1}} the order number, {{2}} the status ("is being prepared").
    /// Without one, such an update is dead-lettered in the outbox with the reason instead of being sent.
    /// </summary>
    public string? StatusTemplate { get; set; }

    /// <summary>The template's language code for English and for any customer language without its own entry (default en).</summary>
    [RegularExpression(@"^[a-z]{2,3}(_[A-Z]{2})?$", ErrorMessage = "WhatsApp:StatusTemplateLanguage must look like en or en_US.")]
    public string StatusTemplateLanguage { get; set; } = "en";

    /// <summary>
    /// Further business numbers of the same Meta app, each tied to a shop (see <see cref="WhatsAppNumberOptions"/>).
    /// <see cref="PhoneNumberId"/>, when set, stays the first number, so a single-number set-up needs no list.
    /// </summary>
    public List<WhatsAppNumberOptions> Numbers { get; set; } = [];

    // Options are bound once and then only read, so the merged list is built on first use.
    private IReadOnlyList<WhatsAppNumberOptions>? _allNumbers;

    /// <summary>Every number served: <see cref="PhoneNumberId"/> (shop "default") first, then <see cref="Numbers"/>; tokens filled in.</summary>
    public IReadOnlyList<WhatsAppNumberOptions> AllNumbers => _allNumbers ??=
    [
        .. string.IsNullOrWhiteSpace(PhoneNumberId) ? [] : new[] { new WhatsAppNumberOptions { PhoneNumberId = PhoneNumberId, AccessToken = AccessToken } },
        .. Numbers.Where(n => n.PhoneNumberId != PhoneNumberId).Select(n => new WhatsAppNumberOptions
        {
            PhoneNumberId = n.PhoneNumberId,
            DisplayNumber = n.DisplayNumber,
            AccessToken = string.IsNullOrWhiteSpace(n.AccessToken) ? AccessToken : n.AccessToken,
            Shop = n.Shop,
            MenuPath = n.MenuPath,
        }),
    ];

    /// <summary>The number a customer who never wrote to a listed number is answered from.</summary>
    public WhatsAppNumberOptions? DefaultNumber => AllNumbers is [var first, ..] ? first : null;

    /// <summary>The number with this id, or null when it is not one of ours.</summary>
    public WhatsAppNumberOptions? Number(string? phoneNumberId) => AllNumbers.FirstOrDefault(n => n.PhoneNumberId == phoneNumberId);

    /// <summary>
    /// The template's language code per customer language (<c>WhatsApp:StatusTemplateLanguages:es = es_MX</c>): the
    /// same template, approved in each language, is sent in the customer's. English uses <see cref="StatusTemplateLanguage"/>
    /// unless it has an entry here.
    /// </summary>
    public Dictionary<string, string> StatusTemplateLanguages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The template language code for a customer's language.</summary>
    public string TemplateLanguageFor(string? language) =>
        language is not null && StatusTemplateLanguages.TryGetValue(language, out var code) ? code : StatusTemplateLanguage;

    /// <summary>Why <see cref="StatusTemplateLanguages"/> is wrong, or null: keys must be languages the chat speaks, values WhatsApp codes.</summary>
    public string? StatusTemplateLanguagesProblem()
    {
        foreach (var (language, code) in StatusTemplateLanguages)
        {
            if (!OrderBot.Chat.Dialogue.DialogueLanguages.Codes.Contains(language))
            {
                return $"WhatsApp:StatusTemplateLanguages:{language} names no language the chat speaks ({string.Join(", ", OrderBot.Chat.Dialogue.DialogueLanguages.Codes)}).";
            }

            if (!TemplateLanguageCode().IsMatch(code ?? ""))
            {
                return $"WhatsApp:StatusTemplateLanguages:{language} must look like {language} or {language}_XX (e.g. es_MX).";
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial System.Text.RegularExpressions.Regex TemplateLanguageCode();

    public bool IsConfigured => Secrets.All(s => !string.IsNullOrWhiteSpace(s));

    public bool IsPartlyConfigured => Secrets.Any(s => !string.IsNullOrWhiteSpace(s)) && !IsConfigured;

    // With a Numbers list, the top-level id and token may be left out: each number brings its own (checked at start).
    private string?[] Secrets => Numbers.Count > 0 ? [AppSecret, VerifyToken] : [PhoneNumberId, AccessToken, AppSecret, VerifyToken];
}
