namespace OrderBot.Extraction.Parsing;

/// <summary>Questions about a token in its neighbourhood, shared by the line splitter and the line reader.</summary>
internal static class Tokens
{
    /// <summary>A number that counts items: not "two topping", not "x2" after an item, not a clock time.</summary>
    public static bool IsQuantity(List<Token> tokens, int i)
    {
        if (!tokens[i].IsCount)
        {
            return false;
        }

        var next = NextMeaningful(tokens, i);
        if (next >= 0 && tokens[next].Kind == TokenKind.Noun && !NamesNextItem(tokens, next))
        {
            return false;
        }

        return i == 0 || tokens[i - 1].Kind != TokenKind.Times;
    }

    /// <summary>"5 tacos de bistec", "two burgers: a cheeseburger...": a category name followed by an item of that category.</summary>
    public static bool NamesNextItem(List<Token> tokens, int noun)
    {
        var item = NextMeaningful(tokens, noun);
        return tokens[noun].Entry?.Category is { } category && item >= 0 && tokens[item].Kind == TokenKind.Item
            && tokens[item].Entry!.Item!.Category == category;
    }

    public static int NextMeaningful(List<Token> tokens, int i)
    {
        for (var j = i + 1; j < tokens.Count; j++)
        {
            if (tokens[j].Kind != TokenKind.Filler)
            {
                return j;
            }
        }

        return -1;
    }

    public static int PreviousMeaningful(List<Token> tokens, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (tokens[j].Kind != TokenKind.Filler)
            {
                return j;
            }
        }

        return -1;
    }
}
