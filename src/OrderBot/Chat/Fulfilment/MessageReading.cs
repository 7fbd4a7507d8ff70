using System.Globalization;
using System.Text;

namespace OrderBot.Chat.Fulfilment;

/// <summary>
/// One reading of one message. Spans are claimed most specific first (tip, payment, time, mode, address), so a
/// token belongs to one mention and later rules never see it: "card on delivery" is a payment, not a mode.
/// </summary>
internal sealed partial class MessageReading
{
    private readonly string text;
    private readonly FulfilmentGrammar words;
    private readonly DateTime now;
    private readonly FulfilmentQuestion? question;
    private readonly List<Token> tokens;
    private readonly bool[] claimed;
    private readonly List<MentionSpan> spans = [];
    private readonly List<FulfilmentProblem> problems = [];
    private readonly bool isQuestion;

    private MentionedMode? mode;
    private AddressMention? address;
    private TimeMention? time;
    private MentionedPayment? payment;
    private TipMention? tip;

    public MessageReading(string text, FulfilmentGrammar words, DateTime now, FulfilmentQuestion? question)
    {
        this.text = text;
        this.words = words;
        this.now = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
        this.question = question;
        tokens = MessageTokens.Read(text);
        claimed = new bool[tokens.Count];
        isQuestion = text.TrimEnd().EndsWith('?');
    }

    public FulfilmentMentions Read()
    {
        ReadTips();
        ReadPayments();
        ReadTimes();
        ReadModes();
        ReadAddresses();
        if (question == FulfilmentQuestion.Address && address is null && !problems.Contains(FulfilmentProblem.AddressTooLong))
        {
            ReadWholeAnswerAsAddress();
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new FulfilmentMentions
        {
            Mode = mode,
            Address = address,
            Time = time,
            Payment = payment,
            Tip = tip,
            Problems = [.. problems.Distinct()],
            Spans = [.. spans],
            Remaining = spans.Count == 0 ? text : Remaining(),
        };
    }

    private void Claim(int first, int end, MentionKind kind)
    {
        if (end <= first)
        {
            return;
        }

        for (var i = first; i < end; i++)
        {
            claimed[i] = true;
        }

        spans.Add(new MentionSpan(tokens[first].Start, tokens[end - 1].End - tokens[first].Start, kind));
    }

    private bool IsPunct(int i, params char[] marks) =>
        i >= 0 && i < tokens.Count && tokens[i].Kind == TokenShape.Punct && (marks.Length == 0 || marks.Contains(tokens[i].Text[0]));

    /// <summary>The message without the claimed spans, spaces collapsed and stray separators at the ends dropped: a subsequence of it.</summary>
    private string Remaining()
    {
        var cut = new bool[text.Length];
        foreach (var span in spans)
        {
            Array.Fill(cut, true, span.Start, span.Length);
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (cut[i])
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                continue;
            }

            if (c is ',' or ';' or '.' or '!' or '?' or ':')
            {
                if (builder.Length > 0 && builder[^1] == ' ')
                {
                    builder.Length--;
                }

                if (c is ',' or ';' or ':' && (builder.Length == 0 || builder[^1] is ',' or ';' or ':'))
                {
                    continue;
                }
            }

            builder.Append(c);
        }

        var result = builder.ToString().Trim();
        return result.Trim(',', ';', ':', '-', ' ').Trim();
    }

    private static bool TryInt(string digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private void ReadTips()
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (words.NoTip.Match(tokens, i, claimed) is { } none)
            {
                tip ??= TipMention.None;
                Claim(i, i + none.Length, MentionKind.Tip);
                continue;
            }

            if (words.Tip.Match(tokens, i, claimed) is not { } word)
            {
                continue;
            }

            // "tip 15%", "propina del 10%"
            var j = i + word.Length;
            j += words.TipLinks.Match(tokens, j, claimed)?.Length ?? 0;
            if (PercentAt(j) is { } after)
            {
                tip ??= new TipMention(after.Percent);
                Claim(i, after.End, MentionKind.Tip);
                continue;
            }

            // "10% tip", "10% de gorjeta"
            var k = i - words.TipLinks.MatchEndingAt(tokens, i, claimed);
            if (PercentEndingAt(k) is { } before)
            {
                tip ??= new TipMention(before.Percent);
                Claim(before.Start, i + word.Length, MentionKind.Tip);
            }
        }
    }

    private (decimal Percent, int End)? PercentAt(int i)
    {
        if (i >= tokens.Count || claimed[i] || tokens[i].Kind is not (TokenShape.Number or TokenShape.Clock)
            || !decimal.TryParse(tokens[i].Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 100)
        {
            return null;
        }

        if (IsPunct(i + 1, '%'))
        {
            return (value, i + 2);
        }

        return words.Percent.Match(tokens, i + 1, claimed) is { } p ? (value, i + 1 + p.Length) : null;
    }

    private (decimal Percent, int Start)? PercentEndingAt(int end)
    {
        var markLength = IsPunct(end - 1, '%') && !claimed[end - 1] ? 1 : words.Percent.MatchEndingAt(tokens, end, claimed);
        var number = end - markLength - 1;
        return markLength > 0 && number >= 0 && PercentAt(number) is { } found && found.End == end ? (found.Percent, number) : null;
    }

    private void ReadPayments()
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (words.CashChange.Match(tokens, i, claimed) is { } change)
            {
                var end = i + change.Length;
                while (end < tokens.Count && !claimed[end] && (tokens[end].Kind is TokenShape.Number or TokenShape.Clock || IsPunct(end, '$')))
                {
                    end++;
                }

                payment ??= MentionedPayment.Cash;
                Claim(i, end, MentionKind.Payment);
                continue;
            }

            if (words.Payments.Match(tokens, i, claimed) is not { } method)
            {
                continue;
            }

            payment ??= method.Value;
            var start = i - words.PaymentLeads.MatchEndingAt(tokens, i, claimed);
            Claim(start, i + method.Length, MentionKind.Payment);
        }
    }
}
