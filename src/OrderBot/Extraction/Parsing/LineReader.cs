using OrderBot.Languages;
using OrderBot.Menus;

namespace OrderBot.Extraction.Parsing;

/// <summary>
/// Reads one order line from its tokens: quantity, item (said or inferred from its options), size, and options
/// with removal scope ("no peppers or onions") and qualifiers ("extra cheese").
/// </summary>
internal readonly struct LineReader(
    Menu menu, WordForms forms, string text, List<Token> tokens, bool[] skip, List<(int Start, string Text)> unrecognized, List<string> ambiguities)
{
    public readonly record struct Result(LineDraft Line, bool CorrectedQuantity);

    public static ResolvedOption? Resolve(Token token, MenuItem item)
    {
        foreach (var option in token.Entry!.Options)
        {
            if (item.OptionGroups.Contains(option.Group.Id))
            {
                return option;
            }
        }

        return null;
    }

    public Result? Read(int start, int end, int anchor, bool isImplicit, int? correction, MenuItem? previousItem)
    {
        var head = isImplicit ? -1 : anchor;
        var (quantity, quantityIndex, vague) = isImplicit
            ? (tokens[anchor].IsCount ? tokens[anchor].Number : 1, tokens[anchor].IsCount ? anchor : -1, false)
            : Quantity(start, end, head);
        var item = isImplicit ? Infer(start, end, previousItem) : tokens[head].Entry!.Item;
        if (item is null)
        {
            return null;
        }

        if (correction is { } corrected)
        {
            quantity = corrected;
        }
        else if (vague && quantityIndex < 0)
        {
            ambiguities.Add($"how many? \"{Text(start, Math.Max(head, start), end)}\"");
            Consume(start, end);
            return null;
        }

        if (quantity < 1 || quantity > menu.MaxQuantity || (quantityIndex >= 0 && (tokens[quantityIndex].Flags & NumberFlags.Negative) != 0))
        {
            // "999999 pizzas", "-3 pizzas": not an order the shop can take, and nothing is invented in its place.
            var from = quantityIndex >= 0 ? quantityIndex : start;
            unrecognized.Add((tokens[from].Start, Text(from, head >= 0 ? head : end - 1, end)));
            Consume(start, end);
            return null;
        }

        var line = new LineDraft { Item = item, Quantity = quantity };
        ReadModifiers(line, start, end, head, isImplicit);
        return new Result(line, correction is not null);
    }

    /// <param name="inferred">The item was not said: an option that is part of its name only named it ("1 de jamón" for the Bocadillo de jamón).</param>
    private void ReadModifiers(LineDraft line, int start, int end, int head, bool inferred)
    {
        var negate = false;
        var removedSomething = false;
        MenuQualifier? qualifier = null;
        for (var j = start; j < end; j++)
        {
            if (j == head || skip[j])
            {
                continue;
            }

            var token = tokens[j];
            switch (token.Kind)
            {
                case TokenKind.Negator:
                    (negate, removedSomething, qualifier) = (true, false, null);
                    break;
                case TokenKind.Positive when removedSomething:
                case TokenKind.Noun when !removedSomething:
                case TokenKind.Boundary:
                    // "without ham and with olives", "no drinks, extra cheese", a new sentence: the removal is over.
                    (negate, qualifier) = (false, null);
                    break;
                case TokenKind.Qualifier when QualifiesPrevious(line, j, end):
                    // "queso extra", "bacon extra": after its option, with no option following it.
                    line.Options[^1] = line.Options[^1] with { Qualifier = token.Entry!.Qualifier };
                    break;
                case TokenKind.Qualifier:
                    // "no ham and extra cheese": a qualifier after a removed option starts an addition.
                    negate &= !removedSomething;
                    qualifier = token.Entry!.Qualifier;
                    break;
                case TokenKind.Size when line.Item.Sizes.Contains(token.Entry!.Size!.Id):
                    line.Size = token.Entry.Size;
                    qualifier = null;
                    break;
                case TokenKind.Option when inferred && !negate && qualifier is null && Resolve(token, line.Item) is { } naming
                    && Words(naming.Option.Name).All(Words(line.Item.Name).Contains):
                    break;
                case TokenKind.Option when Resolve(token, line.Item) is { } option:
                    line.Add(new PricedOption(option, qualifier, negate));
                    removedSomething |= negate;
                    qualifier = null;
                    break;
                case TokenKind.Size or TokenKind.Option:
                    unrecognized.Add((token.Start, text[token.Start..token.End]));
                    skip[j] = true;
                    break;
            }
        }
    }

    private bool QualifiesPrevious(LineDraft line, int index, int end)
    {
        var previous = Tokens.PreviousMeaningful(tokens, index);
        var next = Tokens.NextMeaningful(tokens, index);
        return previous >= 0 && tokens[previous].Kind == TokenKind.Option && line.Options.Count > 0
            && line.Options[^1] is { Negated: false, Qualifier: null }
            && (next < 0 || next >= end || tokens[next].Kind is not (TokenKind.Option or TokenKind.Qualifier or TokenKind.Size));
    }

    private (int Quantity, int Index, bool Vague) Quantity(int start, int end, int head)
    {
        var vague = false;
        for (var j = head - 1; j >= start; j--)
        {
            if (skip[j])
            {
                continue;
            }

            if (Tokens.IsQuantity(tokens, j))
            {
                return (tokens[j].Number, j, false);
            }

            vague |= tokens[j].Kind == TokenKind.Number && (tokens[j].Flags & NumberFlags.Vague) != 0;
        }

        // "latte x2", "pizza x 3"
        for (var j = head + 1; j + 1 < end; j++)
        {
            if (tokens[j].Kind == TokenKind.Times && tokens[j + 1].IsCount)
            {
                skip[j + 1] = true;
                return (tokens[j + 1].Number, j + 1, false);
            }
        }

        return (1, -1, vague);
    }

    /// <summary>The item a line without an item word means: the one that takes all its sizes and options.</summary>
    private MenuItem? Infer(int start, int end, MenuItem? previousItem)
    {
        var candidates = new List<MenuItem>();
        var hasModifier = false;
        foreach (var item in menu.Items)
        {
            var fits = true;
            for (var j = start; j < end && fits; j++)
            {
                var token = tokens[j];
                if (skip[j] || token.Kind is not (TokenKind.Option or TokenKind.Size))
                {
                    continue;
                }

                hasModifier = true;
                fits = token.Kind == TokenKind.Size ? item.Sizes.Contains(token.Entry!.Size!.Id) : Resolve(token, item) is not null;
            }

            if (fits)
            {
                candidates.Add(item);
            }
        }

        if (hasModifier && previousItem is not null && candidates.Contains(previousItem))
        {
            return previousItem;
        }

        if (hasModifier && candidates.Count == 1)
        {
            return candidates[0];
        }

        var phrase = Text(start, end - 1, end);
        if (hasModifier && candidates.Count > 1 && NamedAmong(candidates, start, end) is { } named)
        {
            return named;
        }

        // "2 bocadillos de calamares y 1 de jamón": the one of the previous item's kind.
        if (hasModifier && previousItem is { Category.Length: > 0 } && candidates.Where(c => c.Category == previousItem.Category).ToList() is [{ } sameKind])
        {
            return sameKind;
        }

        if (hasModifier && candidates.Count > 1)
        {
            ambiguities.Add($"which item? \"{phrase}\" could be {string.Join(" or ", candidates.Take(3).Select(c => c.Name))}");
        }
        else if (phrase.Length > 0)
        {
            unrecognized.Add((tokens[start].Start, phrase));
        }

        Consume(start, end);
        return null;
    }

    /// <summary>
    /// The one candidate that the line names by a word the others' names lack: "vanilla malt shake" is the
    /// Vanilla Shake with malt, its name split by the option. The naming words are consumed. Null when no
    /// candidate, or more than one, is named.
    /// </summary>
    private MenuItem? NamedAmong(List<MenuItem> candidates, int start, int end)
    {
        var names = candidates.Select(c => Words(c.Name).ToHashSet(StringComparer.Ordinal)).ToList();
        var shared = names.Skip(1).Aggregate(new HashSet<string>(names[0], StringComparer.Ordinal), (all, name) => { all.IntersectWith(name); return all; });
        var named = -1;
        var naming = new List<int>();
        for (var j = start; j < end; j++)
        {
            if (skip[j] || tokens[j].Kind is not (TokenKind.Unknown or TokenKind.Noun))
            {
                continue;
            }

            var word = TextFold.Fold(text[tokens[j].Start..tokens[j].End]);
            var wordForms = forms.Singulars(word).Append(word).ToList();
            for (var i = 0; i < candidates.Count; i++)
            {
                if (wordForms.Any(f => !shared.Contains(f) && names[i].Contains(f)))
                {
                    if (named >= 0 && named != i)
                    {
                        return null;
                    }

                    named = i;
                    naming.Add(j);
                }
            }
        }

        foreach (var j in naming)
        {
            skip[j] = true;
        }

        return named >= 0 ? candidates[named] : null;
    }

    private static string[] Words(string name) =>
        TextFold.Fold(name).Split((char[])[' ', '-', ',', '.', '/', '&', '\''], StringSplitOptions.RemoveEmptyEntries);

    private void Consume(int start, int end) => Array.Fill(skip, true, start, end - start);

    /// <summary>The message text from token <paramref name="from"/> to token <paramref name="to"/> (clamped to the line).</summary>
    private string Text(int from, int to, int end)
    {
        to = Math.Min(Math.Max(to, from), end - 1);
        return from > to ? "" : text[tokens[from].Start..tokens[to].End].Trim();
    }
}
