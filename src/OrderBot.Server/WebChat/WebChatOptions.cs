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

    /// <summary>Messages per minute one client address may send, whatever the sessions (default 120).</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinutePerAddress { get; set; } = 120;

    /// <summary>Messages per minute all web chat sessions together may send (default 1200).</summary>
    [Range(1, 1_000_000)]
    public int MessagesPerMinuteTotal { get; set; } = 1200;

    /// <summary>A session with no page reading it and no message for this long is dropped from memory (default 30 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IdleSessionLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
