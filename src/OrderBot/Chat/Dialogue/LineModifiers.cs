using OrderBot.Menu;

namespace OrderBot.Chat.Dialogue;

/// <summary>A size and option changes read for one menu item, with the words that were not about the item's options.</summary>
public sealed record LineModifiers(MenuSize? Size, IReadOnlyList<CartOption> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Rest)
{
    public bool Any => Size is not null || Added.Count > 0 || Removed.Count > 0;

    private static readonly HashSet<string> Negations = ["no", "without", "hold", "minus", "remove", "skip", "take", "off", "nix", "sin", "sem", "not", "out", "leave"];

    /// <summary>
    /// Reads sizes and options of <paramref name="item"/> in <paramref name="words"/>: "large", "a double", "on brioche",
    /// "with extra cheese", "no onions", "hold the mayo". Longest phrases first; plural forms are read too.
    /// </summary>
    public static LineModifiers Read(Menu.Menu menu, MenuItem item, IReadOnlyList<string> words)
    {
        MenuSize? size = null;
        var added = new List<CartOption>();
        var removed = new List<string>();
        var rest = new List<string>();
        var negate = false;
        MenuQualifier? qualifier = null;
        for (var i = 0; i < words.Count;)
        {
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
                        added.Add(new CartOption(option.Option.Id, option.Option.Name, option.Group.Id, false, qualifier?.Id));
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
            }
            else
            {
                rest.Add(word);
            }

            i++;
        }

        return new LineModifiers(size, added, removed, rest);
    }

    private static ResolvedOption? Option(Menu.Menu menu, MenuItem item, string phrase) =>
        menu.FindOption(item, phrase) ?? (Singular(phrase) is { } one ? menu.FindOption(item, one) : null);

    private static MenuSize? SizeOf(Menu.Menu menu, MenuItem item, string phrase) =>
        menu.FindSize(item, phrase) ?? (Singular(phrase) is { } one ? menu.FindSize(item, one) : null);

    internal static string? Singular(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4 ? word[..^3] + "y"
        : word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 && word[^3] is 's' or 'x' or 'h' or 'o' ? word[..^2]
        : word.EndsWith('s') && word.Length > 3 && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : null;

    /// <summary>The line with these changes applied, priced by the menu; options of a one-of group replace the group's other choice.</summary>
    public CartLine ApplyTo(Menu.Menu menu, CartLine line)
    {
        var item = menu.FindItem(line.MenuItemId)!;
        var options = line.Options.ToList();
        foreach (var id in Removed)
        {
            options.RemoveAll(o => o.Id == id && !o.Negated);
            if (item.Defaults.Contains(id) && options.All(o => o.Id != id))
            {
                var option = menu.FindOption(item, id)!;
                options.Add(new CartOption(id, option.Option.Name, option.Group.Id, Negated: true));
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
