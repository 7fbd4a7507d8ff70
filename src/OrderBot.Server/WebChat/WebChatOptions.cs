using System.ComponentModel.DataAnnotations;

namespace OrderBot.Server.WebChat;

/// <summary>The <c>WebChat</c> configuration section: the "try the bot" page's channel.</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>Serve the chat page's channel (default true). Switch off where strangers should not order from a web page.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages per minute one chat session may send (default 30).</summary>
    [Range(1, 10_000)]
    public int MessagesPerMinute { get; set; } = 30;
}
