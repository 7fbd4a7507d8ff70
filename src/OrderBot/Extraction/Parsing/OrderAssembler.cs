using OrderBot.Menus;

namespace OrderBot.Extraction.Parsing;

/// <summary>
/// Splits tagged tokens into order lines and reads each line. A line is anchored on an item word ("pizzas")
/// or, when the item is left out ("two large with ham"), on a number; a line starts at the last number
/// before its item, or at the item's leading sizes and options, and runs until the next line starts.
/// </summary>
internal sealed class OrderAssembler
{
    private readonly Menu _menu;
    private readonly WordForms _forms;
    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly bool[] _skip;
    private readonly int?[] _corrections;
    private readonly List<(int Start, string Text)> _unrecognized = [];
    private readonly List<string> _ambiguities = [];

    private OrderAssembler(Menu menu, WordForms forms, string text, List<Token> tokens)
    {
        _menu = menu;
        _forms = forms;
        _text = text;
        _tokens = tokens;
        _skip = new bool[tokens.Count];
        _corrections = new int?[tokens.Count];
    }

    private readonly record struct Anchor(int Index, bool Implicit);

    public static ExtractedOrder Assemble(Menu menu, ParserLanguage language, string text, ReadOnlySpan<char> folded, List<Token> tokens, bool truncated)
    {
        var instructions = InstructionReader.Extract(text, folded, tokens, language);
        var assembler = new OrderAssembler(menu, language.Forms, text, tokens);
        var items = assembler.ReadLines();
        assembler.AskWhichOfCategory();
        assembler.CollectUnknownRuns();
        return new ExtractedOrder
        {
            Items = items,
            SpecialInstructions = instructions,
            Unrecognized = [.. assembler._unrecognized.OrderBy(u => u.Start).Select(u => u.Text)],
            Ambiguities = assembler._ambiguities,
            Truncated = truncated,
        };
    }

    private List<ExtractedItem> ReadLines()
    {
        var anchors = FindAnchors();
        var lines = new List<LineDraft>();
        LineDraft? parent = null;
        var parentCount = 0;
        for (var k = 0; k < anchors.Count; k++)
        {
            var start = k == 0 ? 0 : StartOf(anchors[k], anchors[k - 1]);
            var end = k + 1 < anchors.Count ? StartOf(anchors[k + 1], anchors[k]) : _tokens.Count;
            var reader = new LineReader(_menu, _forms, _text, _tokens, _skip, _unrecognized, _ambiguities);
            var line = reader.Read(start, end, anchors[k].Index, anchors[k].Implicit, _corrections[anchors[k].Index], lines.Count > 0 ? lines[^1].Item : null);
            if (line is null)
            {
                continue;
            }

            // "two pizzas, one with ham" takes one of the two; after a single one, "one with ham" / "outro com" is another.
            if (anchors[k].Implicit && parent is not null && parentCount > 1 && SplitsParent(line.Value, parent))
            {
                continue;
            }

            lines.Add(line.Value.Line);
            if (!anchors[k].Implicit)
            {
                parent = line.Value.Line;
                parentCount = parent.Quantity;
            }
        }

        return [.. lines.Where(l => l.Quantity > 0).Select(l => l.ToExtracted(_menu))];
    }

    /// <summary>"two large pizzas, one with extra cheese": the second phrase takes one of the two, keeping their size and options.</summary>
    private static bool SplitsParent(LineReader.Result result, LineDraft parent)
    {
        var line = result.Line;
        if (line.Item != parent.Item || line.Size is not null || parent.Quantity < line.Quantity || result.CorrectedQuantity || ChoosesOtherwise(line, parent))
        {
            return false;
        }

        if (parent.Quantity > line.Quantity)
        {
            parent.Quantity -= line.Quantity;
            var own = line.Options.ToList();
            line.Options.Clear();
            line.Options.AddRange(parent.Options);
            own.ForEach(line.Add);
            line.Size = parent.Size;
            return false;
        }

        line.Options.ForEach(parent.Add);
        return true;
    }

    /// <summary>"two chicken pasteis and one with beef": a different one-of choice is another line, not one of the two.</summary>
    private static bool ChoosesOtherwise(LineDraft line, LineDraft parent) =>
        line.Options.Exists(o => !o.Negated && o.Option.Group.Kind == OptionGroupKind.Choice
            && parent.Options.Exists(p => !p.Negated && p.Option.Group.Id == o.Option.Group.Id && p.Option.Option.Id != o.Option.Option.Id));

    private List<Anchor> FindAnchors()
    {
        var anchors = new List<Anchor>();
        MenuItem? lastItem = null;
        var lastReal = -1;
        for (var i = 0; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.Kind == TokenKind.Item)
            {
                var item = token.Entry!.Item!;
                if (IsRemoved(i) || (lastItem == item && anchors.Count > 0 && !anchors[^1].Implicit && IsSameLine(anchors, i)))
                {
                    // "no drinks", or the same item said again ("a pie with ham ... pizza").
                    _skip[i] = true;
                    continue;
                }

                anchors.Add(new Anchor(i, false));
                lastItem = item;
                lastReal = i;
                continue;
            }

            if (!IsQuantity(i))
            {
                continue;
            }

            var next = NextAnchorToken(i);
            if (IsCorrection(i) && lastReal >= 0)
            {
                var lastRealItem = _tokens[lastReal].Entry!.Item;
                if (next < 0 || _tokens[next].Kind != TokenKind.Item || _tokens[next].Entry!.Item == lastRealItem)
                {
                    // "actually make that 3", "i mean a hamburger with ...": the last line again, not a new line.
                    _corrections[lastReal] = token.Number;
                    lastItem = lastRealItem;
                    _skip[i] = true;
                    if (next >= 0 && _tokens[next].Kind == TokenKind.Item)
                    {
                        _skip[next] = true;
                        i = next;
                    }

                    continue;
                }
            }

            var startsLine = next < 0 || _tokens[next].Kind != TokenKind.Item;
            if (startsLine && (token.Flags & NumberFlags.Article) != 0)
            {
                // "a large with ham" is a line; "and a thin crust" is not, unless the item before cannot take it:
                // "fries and a vanilla malt shake" starts a shake, since fries take no malt. Where the article is
                // also the word for "one" ("dos tacos, una sin cebolla"), one followed by "with"/"without" is a line.
                var m = NextMeaningful(i);
                var option = m;
                while (option >= 0 && _tokens[option].Kind == TokenKind.Unknown)
                {
                    option = NextMeaningful(option);
                }

                startsLine = (m >= 0 && _tokens[m].Kind is TokenKind.Size or TokenKind.Negator or TokenKind.Positive)
                    || (option >= 0 && _tokens[option].Kind == TokenKind.Option && lastItem is not null && !Fits(_tokens[option], lastItem));
            }

            if (startsLine)
            {
                anchors.Add(new Anchor(i, true));
                lastItem = null;
            }
        }

        if (anchors.Count == 0 && _tokens.Exists(t => t.Kind is TokenKind.Option or TokenKind.Size))
        {
            var first = _tokens.FindIndex(t => t.IsCount);
            anchors.Add(new Anchor(Math.Max(first, 0), true));
        }

        return anchors;
    }

    private int StartOf(Anchor anchor, Anchor previous)
    {
        if (anchor.Implicit)
        {
            return anchor.Index;
        }

        for (var j = anchor.Index - 1; j > previous.Index; j--)
        {
            if ((IsQuantity(j) || (_tokens[j].Flags & NumberFlags.Vague) != 0) && !_skip[j])
            {
                return j;
            }
        }

        var item = _tokens[anchor.Index].Entry!.Item!;
        var previousItem = previous.Implicit ? null : _tokens[previous.Index].Entry!.Item;
        var start = anchor.Index;
        for (var j = anchor.Index - 1; j > previous.Index; j--)
        {
            var token = _tokens[j];
            if (token.Kind == TokenKind.Filler)
            {
                continue;
            }

            if (Fits(token, item) || token.Kind == TokenKind.Qualifier)
            {
                start = j;
                continue;
            }

            // "a pizza with ham and large coke": the list joins the coke only with words the pizza cannot take.
            var before = PreviousMeaningful(j);
            if (token.Kind == TokenKind.Conjunction && before > previous.Index && Fits(_tokens[before], item)
                && (previousItem is null || !Fits(_tokens[before], previousItem)))
            {
                continue;
            }

            break;
        }

        return start;
    }

    private static bool Fits(Token token, MenuItem item) => token.Kind switch
    {
        TokenKind.Size => item.Sizes.Contains(token.Entry!.Size!.Id),
        TokenKind.Option => LineReader.Resolve(token, item) is not null,
        _ => false,
    };

    private bool IsQuantity(int i) => Tokens.IsQuantity(_tokens, i);

    private int NextMeaningful(int i) => Tokens.NextMeaningful(_tokens, i);

    private int PreviousMeaningful(int i) => Tokens.PreviousMeaningful(_tokens, i);

    private bool IsCorrection(int i) => PreviousMeaningful(i) is var p && p >= 0 && _tokens[p].Kind == TokenKind.Correction;

    private bool IsRemoved(int i) => PreviousMeaningful(i) is var p && p >= 0 && _tokens[p].Kind == TokenKind.Negator;

    /// <summary>
    /// The item said again belongs to the line before ("a large pie with ham ... pizza") unless a number or
    /// a different size in between starts another one ("large fries, medium fries").
    /// </summary>
    private bool IsSameLine(List<Anchor> anchors, int i)
    {
        var previous = anchors[^1].Index;
        MenuSize? sizeBetween = null;
        for (var j = previous + 1; j < i; j++)
        {
            if (_tokens[j].IsCount)
            {
                return false;
            }

            sizeBetween = _tokens[j].Kind == TokenKind.Size ? _tokens[j].Entry!.Size : sizeBetween;
        }

        var lineStart = anchors.Count > 1 ? anchors[^2].Index + 1 : 0;
        for (var j = previous - 1; sizeBetween is not null && j >= lineStart; j--)
        {
            if (_tokens[j].Kind == TokenKind.Size)
            {
                return _tokens[j].Entry!.Size == sizeBetween;
            }
        }

        return true;
    }

    private int NextAnchorToken(int i)
    {
        for (var j = i + 1; j < _tokens.Count; j++)
        {
            if (_tokens[j].Kind == TokenKind.Item || IsQuantity(j))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>"3 tacos", "two drinks": a count of a category with no item of it named; the customer must say which.</summary>
    private void AskWhichOfCategory()
    {
        for (var i = 0; i < _tokens.Count; i++)
        {
            var noun = _skip[i] || !_tokens[i].IsCount ? -1 : NextMeaningful(i);
            if (noun < 0 || _tokens[noun].Entry?.Category is not { } category || Tokens.NamesNextItem(_tokens, noun))
            {
                continue;
            }

            var items = _menu.Items.Where(item => item.Category == category).Take(3).Select(item => item.Name);
            _ambiguities.Add($"which item? \"{_text[_tokens[i].Start.._tokens[noun].End]}\" could be {string.Join(" or ", items)}");
            _skip[i] = _skip[noun] = true;
        }
    }

    /// <summary>Words nobody could map (and attempts to name a price) are reported, joined when they are adjacent.</summary>
    private void CollectUnknownRuns()
    {
        var runStart = -1;
        for (var i = 0; i <= _tokens.Count; i++)
        {
            var unknown = i < _tokens.Count && !_skip[i]
                && (_tokens[i].Kind is TokenKind.Unknown or TokenKind.Price
                    || (_tokens[i].Kind == TokenKind.Number && (_tokens[i].Flags & NumberFlags.NotCount) != 0));
            if (unknown && runStart < 0)
            {
                runStart = i;
            }
            else if (!unknown && runStart >= 0)
            {
                _unrecognized.Add((_tokens[runStart].Start, _text[_tokens[runStart].Start.._tokens[i - 1].End]));
                runStart = -1;
            }
        }
    }
}
