using System.Text;

namespace OrderBot.Server.Eval;

/// <summary>
/// An EXR tree from the PIZZA dataset, e.g. <c>(ORDER (PIZZAORDER (NUMBER 2 ) (TOPPING HAM ) ) )</c>: a label,
/// the words directly inside it (its value) and child trees.
/// </summary>
public sealed record ExrTree(string Label, string Value, IReadOnlyList<ExrTree> Children)
{
    /// <summary>Parses one tree; malformed text yields null rather than an exception.</summary>
    public static ExrTree? Parse(string text)
    {
        var tokens = Tokenize(text);
        var position = 0;
        var tree = ParseNode(tokens, ref position);
        return tree is not null && position == tokens.Count ? tree : null;
    }

    /// <summary>
    /// A string that is equal for two trees exactly when they are equal up to the order of children at every
    /// level (unordered exact match): children are written in sorted order of their own canonical forms.
    /// </summary>
    public string Canonical()
    {
        var builder = new StringBuilder();
        builder.Append('(').Append(Label);
        if (Value.Length > 0)
        {
            builder.Append(' ').Append(Value);
        }

        foreach (var child in Children.Select(c => c.Canonical()).Order(StringComparer.Ordinal))
        {
            builder.Append(' ').Append(child);
        }

        return builder.Append(')').ToString();
    }

    public bool MatchesUnordered(ExrTree other) => Canonical() == other.Canonical();

    public bool Contains(string label) => Label == label || Children.Any(c => c.Contains(label));

    public override string ToString()
    {
        var builder = new StringBuilder();
        Write(builder);
        return builder.ToString();
    }

    private void Write(StringBuilder builder)
    {
        builder.Append('(').Append(Label).Append(' ');
        if (Value.Length > 0)
        {
            builder.Append(Value).Append(' ');
        }

        foreach (var child in Children)
        {
            child.Write(builder);
            builder.Append(' ');
        }

        builder.Append(')');
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '(' or ')' || char.IsWhiteSpace(c))
            {
                if (word.Length > 0)
                {
                    tokens.Add(word.ToString());
                    word.Clear();
                }

                if (c is '(' or ')')
                {
                    tokens.Add(c.ToString());
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        return tokens;
    }

    private static ExrTree? ParseNode(List<string> tokens, ref int position)
    {
        if (position + 1 >= tokens.Count || tokens[position] != "(" || tokens[position + 1] is "(" or ")")
        {
            return null;
        }

        var label = tokens[position + 1];
        position += 2;
        var words = new List<string>();
        var children = new List<ExrTree>();
        while (position < tokens.Count && tokens[position] != ")")
        {
            if (tokens[position] == "(")
            {
                if (ParseNode(tokens, ref position) is not { } child)
                {
                    return null;
                }

                children.Add(child);
            }
            else
            {
                words.Add(tokens[position++]);
            }
        }

        if (position >= tokens.Count)
        {
            return null;
        }

        position++;
        return new ExrTree(label, string.Join(' ', words), children);
    }
}
