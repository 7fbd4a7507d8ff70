using System.Buffers;
using OrderBot.Extraction.Parsing;
using OrderBot.Menus;

namespace OrderBot.Extraction;

/// <summary>
/// The offline extractor: deterministic, free and fast, driven only by the menu. Items, sizes, options and
/// qualifiers come from the menu; the parser itself knows only the general words of the menu's languages
/// (numbers, "no"/"sin"/"sem", "with"/"con"/"com", "and"/"y"/"e"; see <see cref="OrderBot.Languages.LanguageWords"/>).
/// Thread-safe: the lexicon is compiled once in the constructor and never changes.
/// </summary>
public sealed class MenuParser : IOrderExtractor
{
    /// <summary>Messages longer than this are cut; a real order is far shorter, and the cap bounds the work per message.</summary>
    public const int MaxMessageLength = 4000;

    private readonly Menu _menu;
    private readonly Lexicon _lexicon;

    public MenuParser(Menu menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        _menu = menu;
        _lexicon = Lexicon.Compile(menu);
    }

    public Menu Menu => _menu;

    /// <summary>The compiled phrases, shared with the LLM extractor so both read menu names the same way.</summary>
    internal Lexicon Lexicon => _lexicon;

    public Task<ExtractedOrder> ExtractAsync(string message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Parse(message));
    }

    public ExtractedOrder Parse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return new ExtractedOrder { Items = [] };
        }

        var text = Cut(message);
        var truncated = text.Length < message.Length;
        var folded = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var raw = new List<RawToken>(Math.Min(text.Length / 3 + 4, 512));
            TextScanner.Scan(text, folded.AsSpan(0, text.Length), raw);
            var tokens = new List<Token>(raw.Count);
            Tagger.Tag(_lexicon, folded.AsSpan(0, text.Length), raw, tokens);
            return OrderAssembler.Assemble(_menu, _lexicon.Language, text, folded.AsSpan(0, text.Length), tokens, truncated);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
        }
    }

    /// <summary>The start of a message longer than <see cref="MaxMessageLength"/>, cut at a space so the last word is not split into a made-up one.</summary>
    internal static string Cut(string message)
    {
        if (message.Length <= MaxMessageLength)
        {
            return message;
        }

        var space = message.LastIndexOf(' ', MaxMessageLength - 1, 200);
        var cut = space > 0 ? space : MaxMessageLength;
        return message[..(char.IsHighSurrogate(message[cut - 1]) ? cut - 1 : cut)];
    }
}
