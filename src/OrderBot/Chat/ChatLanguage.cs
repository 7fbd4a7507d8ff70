using OrderBot.Chat.Dialogue;

namespace OrderBot.Chat;

/// <summary>
/// The language one message is handled in: the words the dialogue reads and the texts it answers with. It travels
/// with the turn, so every reply of a message is in the same language and a test can hand any language in.
/// </summary>
internal sealed record ChatLanguage(string Code, DialogueWords Words, ChatTexts Texts)
{
    public static readonly ChatLanguage English = For("en");

    /// <summary>The language of a code; English for a code the chat does not speak.</summary>
    public static ChatLanguage For(string? code)
    {
        var texts = ChatTexts.For(code);
        return new ChatLanguage(texts.Language, DialogueLanguages.Words(texts.Language), texts);
    }
}
