using OrderBot.Customers;

namespace OrderBot.Chat;

/// <summary>
/// The seam between the conversation and a way of reaching customers. A channel registers one singleton
/// <see cref="IChatChannel"/>; inbound messages it receives go to <see cref="ChatInbox.RecordAsync"/> with
/// <see cref="IncomingMessage.Channel"/> set to <see cref="Name"/>, and every reply or notification for a
/// customer whose conversation runs on that channel comes back through <see cref="SendAsync"/>.
/// </summary>
public interface IChatChannel
{
    /// <summary>"whatsapp", "web", "terminal": stored with each message and conversation.</summary>
    string Name { get; }

    /// <summary>
    /// Sends one message. Expected failures are results, not exceptions; an exception counts as transient.
    /// Replies to one customer are sent one after another, in order.
    /// </summary>
    Task<SendResult> SendAsync(string customerId, OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="SendAsync(string, OutgoingMessage, CancellationToken)"/> with the customer's row when the caller has
    /// read it already (null when there is none), so a channel that addresses by it need not read it again.
    /// </summary>
    Task<SendResult> SendAsync(Customer? customer, string customerId, OutgoingMessage message, CancellationToken cancellationToken) =>
        SendAsync(customerId, message, cancellationToken);

    /// <summary>
    /// Shows the customer that their message <paramref name="messageId"/> is being worked on (WhatsApp: read receipt
    /// and typing indicator). Best effort: must not throw; the reply never waits for it. Nothing by default.
    /// </summary>
    Task ShowWorkingAsync(string customerId, string messageId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary><see cref="ShowWorkingAsync(string, string, CancellationToken)"/> with the customer's row when the caller has read it already.</summary>
    Task ShowWorkingAsync(Customer? customer, string customerId, string messageId, CancellationToken cancellationToken) =>
        ShowWorkingAsync(customerId, messageId, cancellationToken);
}

/// <param name="ProviderMessageId">The channel's id of the sent message (a WhatsApp wamid), for later status callbacks.</param>
/// <param name="Permanent">Retrying cannot help (the number cannot receive messages, the 24-hour window closed).</param>
public sealed record SendResult(bool Sent, string? ProviderMessageId = null, string? Error = null, bool Permanent = false)
{
    public static SendResult Ok(string? providerMessageId) => new(true, providerMessageId);

    public static SendResult Transient(string error) => new(false, Error: error);

    public static SendResult Failed(string error) => new(false, Error: error, Permanent: true);
}

/// <summary>Why a channel could not deliver a message, as far as the conversation needs to know.</summary>
public enum DeliveryFailure
{
    /// <summary>Not accepted for a passing reason (rate limit, outage): sending it again is safe and may work.</summary>
    Transient,

    /// <summary>The customer has not written for too long; only a pre-approved template (a status notice's) may go out.</summary>
    WindowClosed,

    /// <summary>No retry can help (bad token, blocked account, undeliverable recipient, rejected template).</summary>
    Permanent,
}
