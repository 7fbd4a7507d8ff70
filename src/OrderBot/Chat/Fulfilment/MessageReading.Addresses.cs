using System.Text.RegularExpressions;

namespace OrderBot.Chat.Fulfilment;

internal sealed partial class MessageReading
{
    private void ReadModes()
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (words.Modes.Match(tokens, i, claimed) is not { } found)
            {
                continue;
            }

            var end = i + found.Length;
            if (words.ModeBreakers.Match(tokens, end, claimed) is not null)
            {
                continue;
            }

            mode ??= found.Value;
            var start = i - words.ModeLeads.MatchEndingAt(tokens, i, claimed);
            // "deliver to …", and phrases that end in their own preposition ("me lo mandas a …").
            // Only an address-shaped text follows a phrase's own preposition: "manda pra Rua X 12", not "manda pra casa".
            var leadLength = words.DeliveryAddressLeads.Match(tokens, end, claimed)?.Length
                ?? (words.DeliveryAddressLeads.MatchEndingAt(tokens, end, claimed) > 0 && AddressShaped(end, AddressEnd(end)) ? 0 : null);
            if (found.Value == MentionedMode.Delivery && !isQuestion && leadLength is { } lead && AddressEnd(end + lead) > end + lead)
            {
                Claim(start, end + lead, MentionKind.Mode);
                TakeAddress(end + lead, AddressEnd(end + lead));
            }
            else
            {
                Claim(start, end, MentionKind.Mode);
            }

            i = end - 1;
        }
    }

    private void ReadAddresses()
    {
        for (var i = 0; i < tokens.Count && address is null; i++)
        {
            if (!isQuestion && words.AddressLeads.Match(tokens, i, claimed) is { } lead)
            {
                var from = i + lead.Length;
                var end = AddressEnd(from);
                if (end > from)
                {
                    Claim(i, from, MentionKind.Address);
                    TakeAddress(from, end);
                }
            }
        }

        // Asked for the address, the whole answer is the address (see ReadWholeAnswerAsAddress), not just its street.
        for (var i = 0; question != FulfilmentQuestion.Address && i < tokens.Count && address is null && !problems.Contains(FulfilmentProblem.AddressTooLong); i++)
        {
            if (StreetBeforeName(i) is { } before)
            {
                TakeAddress(i, before);
            }
            else if (StreetAfterNumber(i) is { } after)
            {
                TakeAddress(i, after);
            }
        }
    }

    /// <summary>
    /// Where an address that starts at <paramref name="from"/> ends: at a span already read (the time, the payment),
    /// the end of a sentence, "please", a clause the customer starts about themselves ("…, I'll pay"), or a list word
    /// followed by a quantity ("… 5 y dos tacos").
    /// </summary>
    private int AddressEnd(int from)
    {
        var j = from;
        while (j < tokens.Count && !claimed[j])
        {
            if (IsPunct(j, '!', '?', ';', '\n') || (IsPunct(j, '.') && !Abbreviation(j)))
            {
                break;
            }

            if (words.AddressStops.Match(tokens, j, claimed) is not null
                || (j > from && IsPunct(j - 1, ',', '-') && words.SpeakerStarts.Match(tokens, j, claimed) is not null))
            {
                break;
            }

            if (j > from && words.Conjunctions.Match(tokens, j, claimed) is { } and && StartsQuantity(j + and.Length))
            {
                break;
            }

            j++;
        }

        while (j > from && IsPunct(j - 1, ',', ':', '-', '.'))
        {
            j--;
        }

        return j;
    }

    /// <summary>"St." and "av." end in a dot that does not end the sentence.</summary>
    private bool Abbreviation(int dot) =>
        dot > 0 && tokens[dot - 1].Kind == TokenShape.Word && tokens[dot - 1].Text.Length <= 4 && dot + 1 < tokens.Count && !IsPunct(dot + 1);

    private bool StartsQuantity(int i) =>
        i < tokens.Count && !claimed[i] && (tokens[i].Kind == TokenShape.Number || words.Numbers.Match(tokens, i, claimed) is not null);

    /// <summary>"Calle Mayor 5", "Rua Augusta, 100, apto 3", "Av. Paulista 1000": the street type, up to six name words, the number, then flat and postcode.</summary>
    private int? StreetBeforeName(int i)
    {
        if (words.StreetsBeforeName.Match(tokens, i, claimed) is not { } street)
        {
            return null;
        }

        var j = i + street.Length;
        var names = 0;
        while (j < tokens.Count && !claimed[j] && names <= 6 && (tokens[j].Kind == TokenShape.Word || IsPunct(j, ',', '.', '\'')))
        {
            names += tokens[j].Kind == TokenShape.Word ? 1 : 0;
            j++;
        }

        if (names == 0 || j >= tokens.Count || claimed[j] || !StartsWithDigit(j))
        {
            return null;
        }

        return AddressTail(j + 1);
    }

    /// <summary>"12 Baker St", "221B Baker Street": the number, one to four name words, the street type, then flat and postcode.</summary>
    private int? StreetAfterNumber(int i)
    {
        if (claimed[i] || !StartsWithDigit(i) || (i > 0 && !claimed[i - 1] && (StartsWithDigit(i - 1) || words.Units.Match(tokens, i - 1, claimed) is not null)))
        {
            return null;
        }

        var j = i + 1;
        for (var names = 0; names < 4 && j < tokens.Count && !claimed[j] && tokens[j].Kind == TokenShape.Word; names++, j++)
        {
            if (names > 0 && words.StreetsAfterName.Match(tokens, j, claimed) is { } street)
            {
                var end = j + street.Length;
                return AddressTail(IsPunct(end, '.') ? end + 1 : end);
            }
        }

        return null;
    }

    private bool AddressShaped(int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (StartsWithDigit(i) || words.StreetsBeforeName.Match(tokens, i, claimed) is not null || words.StreetsAfterName.Match(tokens, i, claimed) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private bool StartsWithDigit(int i) =>
        tokens[i].Kind is TokenShape.Number or TokenShape.Mixed or TokenShape.Code && char.IsAsciiDigit(tokens[i].Text[0]) && tokens[i].Text.Length <= 6;

    /// <summary>After the house number: flat, floor and block ("apto 3", "piso 2 B"), and a postcode, with commas between.</summary>
    private int AddressTail(int j)
    {
        var end = j;
        while (j < tokens.Count && !claimed[j])
        {
            if (IsPunct(j, ','))
            {
                j++;
                continue;
            }

            if (words.Units.Match(tokens, j, claimed) is { } unit)
            {
                j += unit.Length;
                j += IsPunct(j, '.', ':') ? 1 : 0;
                if (j < tokens.Count && !claimed[j] && tokens[j].Kind is not TokenShape.Punct && tokens[j].Text.Length <= 5)
                {
                    j++;
                }

                end = j;
                continue;
            }

            if (LooksLikePostcodePart(j))
            {
                end = ++j;
                continue;
            }

            break;
        }

        return end;
    }

    private bool LooksLikePostcodePart(int i) =>
        tokens[i].Kind == TokenShape.Code
        || (tokens[i].Kind == TokenShape.Number && tokens[i].Text.Length is 4 or 5)
        || (tokens[i].Kind == TokenShape.Mixed && tokens[i].Text.Length <= 4 && PostcodePattern().IsMatch(text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start)));

    private void TakeAddress(int from, int end)
    {
        if (end <= from)
        {
            return;
        }

        var start = tokens[from].Start;
        var written = text[start..tokens[end - 1].End];
        Claim(from, end, MentionKind.Address);
        if (written.Length > FulfilmentReader.MaxAddressLength)
        {
            problems.Add(FulfilmentProblem.AddressTooLong);
            return;
        }

        address ??= new AddressMention(written, Postcode(written));
    }

    private void ReadWholeAnswerAsAddress()
    {
        var first = -1;
        var last = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!claimed[i] && tokens[i].IsWordLike)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        if (first < 0)
        {
            return;
        }

        // The answer runs from its first to its last unread word; a time or payment inside it stays apart.
        var pieces = new List<(int From, int End)>();
        for (var i = first; i <= last; i++)
        {
            if (claimed[i])
            {
                continue;
            }

            var from = i;
            while (i <= last && !claimed[i])
            {
                i++;
            }

            pieces.Add((from, i));
        }

        var written = string.Join(", ", pieces.Select(p => text[tokens[p.From].Start..tokens[p.End - 1].End]));
        var wordCount = pieces.Sum(p => p.End - p.From);
        if (!written.Any(char.IsLetter) || (!written.Any(char.IsAsciiDigit) && wordCount < 2))
        {
            return;
        }

        foreach (var (from, end) in pieces)
        {
            Claim(from, end, MentionKind.Address);
        }

        if (written.Length > FulfilmentReader.MaxAddressLength)
        {
            problems.Add(FulfilmentProblem.AddressTooLong);
            return;
        }

        address = new AddressMention(written, Postcode(written));
    }

    /// <summary>The first postcode in an address: UK, US ZIP(+4), Brazil CEP, Portugal, Spain, as written.</summary>
    private static string? Postcode(string written)
    {
        foreach (var pattern in (Regex[])[UkPostcode(), ZipPlusFour(), HyphenatedPostcode(), FiveDigitPostcode()])
        {
            if (pattern.Match(written) is { Success: true } match)
            {
                return match.Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex UkPostcode();

    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]?$|^[0-9][A-Z]{2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"\b[0-9]{5}-[0-9]{4}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ZipPlusFour();

    [GeneratedRegex(@"\b[0-9]{4,5}-[0-9]{3}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex HyphenatedPostcode();

    [GeneratedRegex(@"\b[0-9]{5}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex FiveDigitPostcode();
}
