using OrderBot.Extraction.Parsing;
using OrderBot.Menus;

namespace OrderBot.Extraction.Llm;

/// <summary>
/// Maps the names a model wrote back to the menu with the parser's own lexicon (ids, names, aliases, plurals,
/// typos), so the model and the parser agree on what a name means and no second matcher drifts from the first.
/// A phrase maps only when it names exactly one thing; anything left over makes it unmapped.
/// </summary>
internal sealed class MenuPhraseMatcher(MenuParser parser)
{
    private readonly Menu _menu = parser.Menu;
    private readonly Lexicon _lexicon = parser.Lexicon;

    public MenuItem? Item(string phrase) =>
        _menu.FindItem(phrase) ?? Single(phrase, TokenKind.Item)?.Entry!.Item;

    public MenuSize? Size(MenuItem item, string phrase) =>
        _menu.FindSize(item, phrase)
        ?? (Single(phrase, TokenKind.Size)?.Entry!.Size is { } size && item.Sizes.Contains(size.Id) ? size : null);

    /// <summary>"ham", "no onions", "extra cheese", "without the olives": one option of the item, removed or qualified.</summary>
    public PricedOption? Option(MenuItem item, string phrase)
    {
        if (_menu.FindOption(item, phrase) is { } exact)
        {
            return new PricedOption(exact, null, false);
        }

        var (negated, qualifier, option) = (false, (MenuQualifier?)null, (ResolvedOption?)null);
        foreach (var token in Tag(phrase))
        {
            switch (token.Kind)
            {
                case TokenKind.Filler or TokenKind.Positive:
                    break;
                case TokenKind.Negator when !negated && qualifier is null && option is null:
                    negated = true;
                    break;
                case TokenKind.Qualifier when qualifier is null && option is null:
                    qualifier = token.Entry!.Qualifier;
                    break;
                case TokenKind.Option when option is null && LineReader.Resolve(token, item) is { } resolved:
                    option = resolved;
                    break;
                default:
                    return null;
            }
        }

        return option is null ? null : new PricedOption(option, negated ? null : qualifier, negated);
    }

    /// <summary>Items the message itself names, directly or through an option only they take ("a large with ham").</summary>
    public HashSet<string> Mentioned(string message)
    {
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Tag(message))
        {
            if (token.Kind == TokenKind.Item)
            {
                mentioned.Add(token.Entry!.Item!.Id);
            }
            else if (token.Kind == TokenKind.Option)
            {
                mentioned.UnionWith(_menu.Items.Where(i => LineReader.Resolve(token, i) is not null).Select(i => i.Id));
            }
        }

        return mentioned;
    }

    private Token? Single(string phrase, TokenKind kind)
    {
        var meaningful = Tag(phrase).Where(t => t.Kind != TokenKind.Filler).ToList();
        return meaningful is [{ } only] && only.Kind == kind ? only : null;
    }

    private List<Token> Tag(string text)
    {
        text = MenuParser.Cut(text);
        var folded = new char[text.Length];
        var raw = new List<RawToken>();
        TextScanner.Scan(text, folded, raw);
        var tokens = new List<Token>(raw.Count);
        Tagger.Tag(_lexicon, folded, raw, tokens);
        return tokens;
    }
}
