namespace OrderBot.Extraction.Parsing;

/// <summary>
/// Finds instructions such as "pickup at 5" or "to table 4" and takes them out of the token stream, so
/// their numbers are not read as quantities.
/// </summary>
internal static class InstructionReader
{
    public static string? Extract(ReadOnlySpan<char> text, List<Token> tokens)
    {
        List<string>? found = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var start = tokens[i].Kind == TokenKind.Instruction || IsClockTime(text, tokens, i) ? WithPreposition(text, tokens, i) : -1;
            if (start < 0)
            {
                continue;
            }

            var end = i + 1;
            while (end < tokens.Count && !EndsInstruction(tokens, end))
            {
                end++;
            }

            // "to table 4 please": the politeness after it is not part of the instruction.
            var last = end - 1;
            while (last > i && tokens[last].Kind == TokenKind.Filler)
            {
                last--;
            }

            found ??= [];
            found.Add(text[tokens[start].Start..tokens[last].End].Trim().ToString());
            tokens.RemoveRange(start, end - start);
            i = start - 1;
        }

        return found is null ? null : string.Join("; ", found);
    }

    private static bool EndsInstruction(List<Token> tokens, int index)
    {
        var token = tokens[index];
        if (token.Kind is TokenKind.Boundary or TokenKind.Item or TokenKind.Instruction)
        {
            return true;
        }

        // "pickup at 5 and 2 cokes": the list goes on with the order, not the instruction.
        if (token.Kind == TokenKind.Conjunction || (token.Kind == TokenKind.Number && token.IsCount && index + 1 < tokens.Count && tokens[index + 1].Kind is TokenKind.Item or TokenKind.Size))
        {
            for (var j = index + 1; j < tokens.Count; j++)
            {
                if (tokens[j].Kind is TokenKind.Filler)
                {
                    continue;
                }

                return token.Kind == TokenKind.Number || tokens[j].Kind is TokenKind.Number or TokenKind.Item or TokenKind.Size or TokenKind.Option or TokenKind.Qualifier;
            }
        }

        return false;
    }

    /// <summary>"5:30", "5pm", "7 o'clock".</summary>
    private static bool IsClockTime(ReadOnlySpan<char> text, List<Token> tokens, int i)
    {
        var token = tokens[i];
        if (token.Kind != TokenKind.Number || token.Entry is not null)
        {
            return false;
        }

        if (text[token.Start..token.End].Contains(':'))
        {
            return true;
        }

        if (i + 1 >= tokens.Count)
        {
            return false;
        }

        var next = text[tokens[i + 1].Start..tokens[i + 1].End];
        return next.Equals("pm", StringComparison.OrdinalIgnoreCase) || next.Equals("am", StringComparison.OrdinalIgnoreCase)
            || next.StartsWith("o'clock", StringComparison.OrdinalIgnoreCase) || next.Equals("oclock", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"at 5pm", "to table 4": the preposition belongs to the instruction.</summary>
    private static int WithPreposition(ReadOnlySpan<char> text, List<Token> tokens, int i)
    {
        if (i > 0 && tokens[i - 1].Kind == TokenKind.Filler)
        {
            var before = text[tokens[i - 1].Start..tokens[i - 1].End];
            if (before.Equals("at", StringComparison.OrdinalIgnoreCase) || before.Equals("by", StringComparison.OrdinalIgnoreCase)
                || before.Equals("to", StringComparison.OrdinalIgnoreCase) || before.Equals("for", StringComparison.OrdinalIgnoreCase)
                || before.Equals("around", StringComparison.OrdinalIgnoreCase))
            {
                return i - 1;
            }
        }

        return i;
    }
}
