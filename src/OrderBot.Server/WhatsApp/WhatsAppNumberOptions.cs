namespace OrderBot.Server.WhatsApp;

/// <summary>
/// One business number of the deployment (<c>WhatsApp:Numbers:N</c>), tied to the shop that answers on it. A delivery
/// for this number is answered from it; deliveries for numbers listed nowhere are acknowledged and ignored.
/// </summary>
public sealed class WhatsAppNumberOptions
{
    /// <summary>The number's id from the app's WhatsApp set-up page (not the number itself). Required.</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>The number as customers see it (e.g. 15550783881), for logs and the start-up summary.</summary>
    public string? DisplayNumber { get; set; }

    /// <summary>This number's access token when it differs from <c>WhatsApp:AccessToken</c> (another business portfolio). Secret.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The shop key this number belongs to (default "default"); a shop's own settings will hang off it.</summary>
    public string Shop { get; set; } = "default";

    /// <summary>
    /// The shop's menu file, relative to the directory the server was started in. Checked at start; the conversation
    /// still serves <c>Menu:Path</c> until shops have settings of their own.
    /// </summary>
    public string? MenuPath { get; set; }
}
