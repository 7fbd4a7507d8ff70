namespace OrderBot.Extraction.Parsing;

/// <summary>
/// Finds instructions such as "pickup at 5" or "to table 4" and takes them out of the token stream, so
/// their numbers are not read as quantities.
/// </summary>
internal static class InstructionReader
{
    public static string? Extract(ReadOnlySpan<char> text, ReadOnlySpan<char> folded, List<Token> tokens, ParserLanguage language)
    {
        List<string>? found = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var from = tokens[i].Kind == TokenKind.Instruction ? i : ClockTimeStart(text, folded, tokens, i, language);
            var start = from >= 0 ? WithPreposition(folded, tokens, from, language) : -1;
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

    /// <summary>"5:30", "5pm", "7 o'clock", "a las 8": the index where the time starts, or -1.</summary>
    private static int ClockTimeStart(ReadOnlySpan<char> text, ReadOnlySpan<char> folded, List<Token> tokens, int i, ParserLanguage language)
    {
        var token = tokens[i];
        if (token.Kind != TokenKind.Number)
        {
            return -1;
        }

        // Number words ("at five") are left alone after English "at"; a lead such as "a las" makes them times too.
        if (token.Entry is null && (text[token.Start..token.End].Contains(':')
            || (i + 1 < tokens.Count && language.IsClockWord(folded[tokens[i + 1].Start..tokens[i + 1].End]))))
        {
            return i;
        }

        var lead = language.ClockLeadStart(text, token.Start);
        if (lead < 0)
        {
            return -1;
        }

        var start = i;
        while (start > 0 && tokens[start - 1].Start >= lead)
        {
            start--;
        }

        return start;
    }

    /// <summary>"at 5pm", "to table 4", "para llevar": the preposition belongs to the instruction.</summary>
    private static int WithPreposition(ReadOnlySpan<char> folded, List<Token> tokens, int i, ParserLanguage language) =>
        i > 0 && tokens[i - 1].Kind == TokenKind.Filler && language.IsInstructionLead(folded[tokens[i - 1].Start..tokens[i - 1].End]) ? i - 1 : i;
}
