using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Chat.Dialogue;

/// <summary>A size and option changes read for one menu item, with the words that were not about the item's options.</summary>
internal sealed record LineModifiers(MenuSize? Size, IReadOnlyList<OrderLineOption> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Rest)
{
    public bool Any => Size is not null || Added.Count > 0 || Removed.Count > 0;

    private static readonly HashSet<string> Negations = ["no", "without", "hold", "minus", "remove", "skip", "take", "off", "nix", "sin", "sem", "not", "out", "leave"];

    /// <summary>
    /// Reads sizes and options of <paramref name="item"/> in <paramref name="words"/>: "large", "a double", "on brioche",
    /// "with extra cheese", "no onions", "hold the mayo". Longest phrases first; plural forms are read too.
    /// </summary>
    public static LineModifiers Read(Menu menu, MenuItem item, IReadOnlyList<string> words)
    {
        MenuSize? size = null;
        var added = new List<OrderLineOption>();
        var removed = new List<string>();
        var rest = new List<string>();
        var negate = false;
        MenuQualifier? qualifier = null;
        var halves = new HalfReading();
        for (var i = 0; i < words.Count;)
        {
            if (halves.Marker(words, i, added) is var markerWords and > 0)
            {
                i += markerWords;
                continue;
            }

            var taken = 0;
            for (var n = Math.Min(4, words.Count - i); n >= 1 && taken == 0; n--)
            {
                var phrase = string.Join(' ', words.Skip(i).Take(n));
                if (menu.FindQualifier(phrase) is { } q && !(n == 1 && menu.FindOption(item, phrase) is not null))
                {
                    qualifier = q;
                    taken = n;
                }
                else if (Option(menu, item, phrase) is { } option)
                {
                    if (negate)
                    {
                        removed.Add(option.Option.Id);
                    }
                    else
                    {
                        added.Add(new OrderLineOption(option.Option.Id, option.Option.Name, option.Group.Id, false, qualifier?.Id) { Half = option.Group.Halves ? halves.Side : null });
                    }

                    qualifier = null;
                    taken = n;
                }
                else if (SizeOf(menu, item, phrase) is { } s)
                {
                    size = s;
                    taken = n;
                }
            }

            if (taken > 0)
            {
                i += taken;
                continue;
            }

            var word = words[i];
            if (Negations.Contains(word))
            {
                negate = true;
            }
            else if (word is "with" or "and" or "plus" or "add" or "extra" or "on" or "w" or "con" or "com")
            {
                negate = word is "and" && negate;
                halves.Boundary(word, added.Count);
            }
            else
            {
                rest.Add(word);
            }

            i++;
        }

        // Only groups that allow halves take one; an option of another group stays on the whole item.
        var sided = added.Select(o => o.Half is not null && !menu.Group(o.Group).Halves ? o with { Half = null } : o).ToList();
        return new LineModifiers(size, sided, removed, rest);
    }

    /// <summary>
    /// Which half the options being read go on: "half A half B" (A left, B right), "left half A", "A on the left half",
    /// "A on one half and B on the other", "on the whole thing". A marker after the options applies back to the clause.
    /// </summary>
    private sealed class HalfReading
    {
        private int _clauseStart;
        private int _sidesUsed;

        public string? Side { get; private set; }

        public void Boundary(string word, int addedCount)
        {
            if (word is "and" or "with" or "plus")
            {
                _clauseStart = addedCount;
                Side = null;
            }
        }

        /// <summary>How many words at <paramref name="i"/> mark a half (0: none); sets the side or marks the clause's options.</summary>
        public int Marker(IReadOnlyList<string> words, int i, List<OrderLineOption> added)
        {
            string? Word(int k) => i + k < words.Count ? words[i + k] : null;
            var on = Word(0) is "on" && Word(1) is "the" or "one" or "half" or "left" or "right" or "other" or "whole" or "a";
            var k = on ? 1 : 0;
            if (Word(k) is "the" or "a")
            {
                k++;
            }

            string? side = null;
            var whole = false;
            if (Word(k) is "left" or "right" && Word(k + 1) is "half" or "side")
            {
                side = Word(k) == "left" ? Halves.Left : Halves.Right;
                k += 2;
            }
            else if (Word(k) is "other" or "second" && Word(k + 1) is "half" or "side")
            {
                side = Halves.Right;
                k += 2;
            }
            else if (Word(k) is "one" or "first" && Word(k + 1) is "half" or "side")
            {
                side = _sidesUsed == 0 ? Halves.Left : Halves.Right;
                k += 2;
            }
            else if (Word(k) is "half")
            {
                side = _sidesUsed == 0 ? Halves.Left : Halves.Right;
                k += 1;
            }
            else if (on && Word(k) is "whole" or "all" && Word(k + 1) is "thing" or "pizza" or "of" or "it")
            {
                whole = true;
                k += 2;
            }
            else
            {
                return 0;
            }

            if (Word(k) is "only")
            {
                k++;
            }

            if (whole)
            {
                Side = null;
                return k;
            }

            _sidesUsed++;
            if (on)
            {
                // "spinach on the left half": the side belongs to what came before it in this clause.
                for (var a = _clauseStart; a < added.Count; a++)
                {
                    if (added[a].Half is null && added[a] is var option)
                    {
                        added[a] = option with { Half = side };
                    }
                }

                _clauseStart = added.Count;
                Side = null;
                return k;
            }

            Side = side;
            _clauseStart = added.Count;
            return k;
        }
    }

    private static ResolvedOption? Option(Menu menu, MenuItem item, string phrase) =>
        menu.FindOption(item, phrase) ?? (Singular(phrase) is { } one ? menu.FindOption(item, one) : null);

    private static MenuSize? SizeOf(Menu menu, MenuItem item, string phrase) =>
        menu.FindSize(item, phrase) ?? (Singular(phrase) is { } one ? menu.FindSize(item, one) : null);

    internal static string? Singular(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4 ? word[..^3] + "y"
        : word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 && word[^3] is 's' or 'x' or 'h' or 'o' ? word[..^2]
        : word.EndsWith('s') && word.Length > 3 && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : null;

    /// <summary>The line with these changes applied, priced by the menu; options of a one-of group replace the group's other choice.</summary>
    public OrderLine ApplyTo(Menu menu, OrderLine line)
    {
        var item = menu.FindItem(line.MenuItemId)!;
        var options = line.Options.ToList();
        foreach (var id in Removed)
        {
            options.RemoveAll(o => o.Id == id && !o.Negated);
            if (item.Defaults.Contains(id) && options.All(o => o.Id != id))
            {
                var option = menu.FindOption(item, id)!;
                options.Add(new OrderLineOption(id, option.Option.Name, option.Group.Id, Negated: true, Qualifier: null));
            }
        }

        foreach (var option in Added)
        {
            options.RemoveAll(o => o.Id == option.Id);
            if (menu.Group(option.Group).Kind == OptionGroupKind.Choice)
            {
                options.RemoveAll(o => o.Group == option.Group && !o.Negated);
            }

            // A default asked for again plainly is already there; only a qualifier ("extra mayo") changes it.
            if (!(item.Defaults.Contains(option.Id) && option.Qualifier is null))
            {
                options.Add(option);
            }
        }

        return CartEditor.Reprice(menu, line with { Size = Size?.Id ?? line.Size, Options = options });
    }
}
