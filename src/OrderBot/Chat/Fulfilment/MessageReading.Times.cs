namespace OrderBot.Chat.Fulfilment;

internal sealed partial class MessageReading
{
    private const int MaxRelativeMinutes = 48 * 60;

    /// <summary>An hour as read from a clock: minutes after midnight before am/pm, and what marked it as a time.</summary>
    private sealed record Clock(int Hour, int Minute, int End, bool Marked, bool? Evening, bool ZeroPadded, bool Named, bool NeedsLead);

    private void ReadTimes()
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReadAsap(i) || ReadRelative(i))
            {
                continue;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!claimed[i])
            {
                ReadClock(i);
            }
        }
    }

    private bool ReadAsap(int i)
    {
        if (words.Asap.Match(tokens, i, claimed) is { } asap)
        {
            time ??= TimeMention.Soonest;
            Claim(i, i + asap.Length, MentionKind.Time);
            return true;
        }

        if (isQuestion || words.AsapAtEnd.Match(tokens, i, claimed) is not { } atEnd)
        {
            return false;
        }

        // "now", "ya", "agora" only close a message: "2 pizzas now" is a time, "now I want 2 pizzas" is not.
        var j = i + atEnd.Length;
        while (j < tokens.Count && (IsPunct(j) || words.AddressStops.Match(tokens, j, claimed) is not null))
        {
            j += IsPunct(j) ? 1 : words.AddressStops.Match(tokens, j, claimed)!.Value.Length;
        }

        if (j < tokens.Count)
        {
            return false;
        }

        time ??= TimeMention.Soonest;
        Claim(i, i + atEnd.Length, MentionKind.Time);
        return true;
    }

    private bool ReadRelative(int i)
    {
        if (words.RelativeLeads.Match(tokens, i, claimed) is not { } lead)
        {
            return false;
        }

        var j = i + lead.Length;
        int minutes;
        int end;
        if (words.Durations.Match(tokens, j, claimed) is { } whole)
        {
            minutes = whole.Value;
            end = j + whole.Length;
        }
        else if (Amount(j) is { } amount && amount.End < tokens.Count && !claimed[amount.End]
            && words.DurationUnits.TryGetValue(tokens[amount.End].Text, out var unit))
        {
            minutes = amount.Value * unit;
            end = amount.End + 1;
        }
        else if (j < tokens.Count && !claimed[j] && tokens[j].Kind == TokenShape.Mixed && SplitDigits(tokens[j].Text) is { } mixed
            && words.DurationUnits.TryGetValue(mixed.Letters, out var mixedUnit))
        {
            minutes = mixed.Number * mixedUnit;
            end = j + 1;
        }
        else
        {
            return false;
        }

        if (minutes is <= 0 or > MaxRelativeMinutes)
        {
            problems.Add(FulfilmentProblem.InvalidTime);
        }
        else
        {
            var at = now.AddMinutes(minutes);
            time ??= new TimeMention(false, at, [at]);
        }

        Claim(i, end, MentionKind.Time);
        return true;
    }

    /// <summary>A count in digits or words at token <paramref name="i"/>: its value and the token after it.</summary>
    private (int Value, int End)? Amount(int i)
    {
        if (i >= tokens.Count || claimed[i])
        {
            return null;
        }

        if (tokens[i].Kind == TokenShape.Number)
        {
            return TryInt(tokens[i].Text, out var n) && tokens[i].Text.Length <= 4 ? (n, i + 1) : null;
        }

        return words.Numbers.Match(tokens, i, claimed) is { } word ? (word.Value, i + word.Length) : null;
    }

    private static (int Number, string Letters)? SplitDigits(string token)
    {
        var digits = 0;
        while (digits < token.Length && char.IsAsciiDigit(token[digits]))
        {
            digits++;
        }

        return digits is > 0 and <= 4 && TryInt(token[..digits], out var n) && token[digits..].All(char.IsLetter) ? (n, token[digits..]) : null;
    }

    private void ReadClock(int i)
    {
        if (CoreAt(i) is not { } core)
        {
            return;
        }

        // Minutes said before the hour ("half past 7", "quinze para as 8") lead it like "at" does.
        var start = i;
        var delta = 0;
        var strong = question == FulfilmentQuestion.Time && AllClaimedOrPunctBefore(i);
        foreach (var (length, value) in BeforeMatches(words.MinutesBefore, start))
        {
            delta = value;
            start -= length;
            strong = true;
            break;
        }

        var leadLength = words.TimeLeads.MatchEndingAt(tokens, start, claimed);
        var weak = false;
        if (leadLength > 0)
        {
            strong = true;
        }
        else
        {
            leadLength = words.WeakTimeLeads.MatchEndingAt(tokens, start, claimed);
            weak = leadLength > 0;
        }

        var dayBefore = DayEndingAt(start - leadLength);
        core = Extend(core);
        var dayAfter = dayBefore is null ? DayStartingAt(core.End) : null;
        if (dayBefore is not null && leadLength == 0)
        {
            strong = true;
        }

        var marked = core.Marked || core.Evening is not null || core.Named;
        if (!marked && !(strong && FollowerFits(dayAfter?.End ?? core.End)))
        {
            return;
        }

        if (!marked && core.NeedsLead && !strong)
        {
            return;
        }

        var spanStart = strong || weak ? start - leadLength : start;
        if (dayBefore is { } before)
        {
            spanStart = Math.Min(spanStart, before.Start);
        }

        var spanEnd = dayAfter?.End ?? core.End;
        var day = dayBefore?.Day ?? dayAfter?.Day;
        var resolved = Resolve(core, delta, day);
        if (resolved is null)
        {
            problems.Add(FulfilmentProblem.InvalidTime);
        }
        else
        {
            time ??= resolved;
        }

        Claim(spanStart, spanEnd, MentionKind.Time);
    }

    private bool AllClaimedOrPunctBefore(int i)
    {
        for (var k = 0; k < i; k++)
        {
            if (!claimed[k] && !IsPunct(k))
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<(int Length, T Value)> BeforeMatches<T>(PhraseSet<T> set, int end)
    {
        for (var start = Math.Max(0, end - 4); start < end; start++)
        {
            foreach (var match in set.All(tokens, start, claimed))
            {
                if (start + match.Length == end)
                {
                    yield return match;
                }
            }
        }
    }

    /// <summary>The hour at token <paramref name="i"/>: "7", "19:30", "7.30", "7pm", "19h30", "seven", "noon".</summary>
    private Clock? CoreAt(int i)
    {
        var token = tokens[i];
        if (words.NamedTimes.Match(tokens, i, claimed) is { } named)
        {
            return new Clock(named.Value / 60, named.Value % 60, i + named.Length, true, null, true, true, false);
        }

        switch (token.Kind)
        {
            case TokenShape.Number when token.Text.Length <= 2 && TryInt(token.Text, out var hour):
                return new Clock(hour, 0, i + 1, false, null, token.Text.Length == 2 && token.Text[0] == '0', false, true);
            case TokenShape.Clock or TokenShape.Mixed:
                return ParseClockToken(token.Text, i);
            case TokenShape.Word when words.HourWords.Match(tokens, i, claimed) is { } word:
                return new Clock(word.Value, 0, i + word.Length, false, null, false, false, true);
            default:
                return null;
        }
    }

    /// <summary>"19:30", "7.30", "7pm", "7:30pm", "19h", "19h30", "8hs": null when the token is no clock ("221b", "1.000").</summary>
    private Clock? ParseClockToken(string token, int i)
    {
        var p = 0;
        while (p < token.Length && char.IsAsciiDigit(token[p]))
        {
            p++;
        }

        if (p is 0 or > 2 || !TryInt(token[..p], out var hour))
        {
            return null;
        }

        var padded = p == 2 && token[0] == '0';
        var minute = 0;
        var colon = false;
        var dot = false;
        if (p < token.Length && token[p] is ':' or '.')
        {
            colon = token[p] == ':';
            dot = !colon;
            if (p + 3 > token.Length || !TryInt(token.Substring(p + 1, 2), out minute) || (p + 3 < token.Length && char.IsAsciiDigit(token[p + 3])))
            {
                return null;
            }

            p += 3;
        }

        var letters = p;
        while (letters < token.Length && char.IsLetter(token[letters]))
        {
            letters++;
        }

        var suffix = token[p..letters];
        bool? evening = null;
        var marked = colon;
        if (suffix.Length > 0)
        {
            if (suffix is "pm" or "p")
            {
                evening = true;
            }
            else if (suffix is "am")
            {
                evening = false;
            }
            else if (words.ClockMarks.Match([new Token(suffix, 0, 0, TokenShape.Word)], 0, [false]) is { Length: 1 })
            {
                marked = true;
            }
            else
            {
                return null;
            }
        }

        if (letters < token.Length)
        {
            // "19h30": minutes after the hour mark only.
            if (!marked || colon || dot || letters + 2 != token.Length || !TryInt(token[letters..], out minute))
            {
                return null;
            }
        }

        return new Clock(hour, minute, i + 1, marked, evening, padded, false, !marked && evening is null);
    }

    /// <summary>What follows the hour: minutes ("y media"), am/pm ("de la noche"), a mark ("o'clock", "en punto").</summary>
    private Clock Extend(Clock core)
    {
        for (var round = 0; round < 3; round++)
        {
            if (words.MinutesAfter.Match(tokens, core.End, claimed) is { } minutes && core.Minute == 0)
            {
                core = minutes.Value < 0
                    ? core with { Hour = core.Hour - 1, Minute = 60 + minutes.Value, End = core.End + minutes.Length }
                    : core with { Minute = minutes.Value, End = core.End + minutes.Length };
            }
            else if (core.Evening is null && !core.Named && words.Meridiem.Match(tokens, core.End, claimed) is { } meridiem)
            {
                core = core with { Evening = meridiem.Value, End = core.End + meridiem.Length };
            }
            else if (words.ClockMarks.Match(tokens, core.End, claimed) is { } mark && !core.Named)
            {
                core = core with { Marked = true, End = core.End + mark.Length };
            }
            else
            {
                break;
            }
        }

        return core;
    }

    /// <summary>A bare hour is a time only when what follows cannot be part of an order: "at 7 please" is, "at 7 up" is not.</summary>
    private bool FollowerFits(int next)
    {
        if (next >= tokens.Count || claimed[next])
        {
            return true;
        }

        if (IsPunct(next))
        {
            return !IsPunct(next, '%', '$', '+', '/', '#');
        }

        return words.TimeFollowers.Match(tokens, next, claimed) is not null
            || words.Meridiem.Match(tokens, next, claimed) is not null
            || words.Days.Match(tokens, next, claimed) is not null
            || words.DayLeads.Match(tokens, next, claimed) is not null
            || words.Modes.Match(tokens, next, claimed) is not null
            || words.AddressStops.Match(tokens, next, claimed) is not null;
    }

    private (DayWord Day, int Start)? DayEndingAt(int end)
    {
        foreach (var (length, day) in BeforeMatches(words.Days, end))
        {
            var start = end - length;
            start -= words.DayLeads.MatchEndingAt(tokens, start, claimed);
            return (day, start);
        }

        return null;
    }

    private (DayWord Day, int End)? DayStartingAt(int at)
    {
        var lead = words.DayLeads.Match(tokens, at, claimed)?.Length ?? 0;
        if (words.Days.Match(tokens, at + lead, claimed) is { } day)
        {
            return (day.Value, at + lead + day.Length);
        }

        return words.Days.Match(tokens, at, claimed) is { } bare ? (bare.Value, at + bare.Length) : null;
    }

    /// <summary>
    /// The local date-times an hour can mean: with am/pm (or "tonight") one, else the morning and the evening
    /// reading; each on the day said, or at its next occurrence after now. Null for a clock that does not exist.
    /// </summary>
    private TimeMention? Resolve(Clock clock, int delta, DayWord? day)
    {
        if (clock.Minute > 59 || clock.Hour > 23 || (clock.Evening == false && clock.Hour > 12))
        {
            return null;
        }

        List<int> hours = clock.Evening switch
        {
            _ when clock.Named => [clock.Hour],
            true => [clock.Hour < 12 ? clock.Hour + 12 : clock.Hour],
            false => [clock.Hour % 12],
            null when day?.Evening == true && clock.Hour < 12 => [clock.Hour + 12],
            null when clock.Hour is >= 1 and <= 11 && !clock.ZeroPadded => [clock.Hour, clock.Hour + 12],
            _ => [clock.Hour],
        };
        var minutesOfDay = hours.Select(h => (((h * 60) + clock.Minute + delta) % 1440 + 1440) % 1440).Distinct().ToList();

        var today = now.Date;
        List<DateTime> readings;
        if (day is { Weekday: { } weekday })
        {
            var date = today.AddDays(((int)weekday - (int)today.DayOfWeek + 7) % 7);
            readings = [.. minutesOfDay.Select(m => date.AddMinutes(m))];
            if (readings.All(r => r <= now))
            {
                readings = [.. readings.Select(r => r.AddDays(7))];
            }
        }
        else if (day is { Offset: { } offset })
        {
            readings = [.. minutesOfDay.Select(m => today.AddDays(offset).AddMinutes(m))];
        }
        else
        {
            readings = [.. minutesOfDay.Select(m => today.AddMinutes(m) is var at && at > now ? at : at.AddDays(1))];
        }

        readings.Sort();
        var chosen = readings.FirstOrDefault(r => r > now, readings[0]);
        return new TimeMention(false, chosen, readings);
    }
}
