using System.Globalization;
using System.Text;

namespace OrderBot.Chat.Dialogue;

/// <summary>Small, shared readings of a customer's text: its words without punctuation, numbers, emoji.</summary>
internal static class TextReading
{
    /// <summary>Lower-case words; punctuation splits words except inside them ("that's", "t-shirt"); emoji are kept as words.</summary>
    public static string[] Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lower = text.ToLowerInvariant().Replace('’', '\'');
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (char.IsLetterOrDigit(c) || (c is '\'' or '-' or '.' && i > 0 && i + 1 < lower.Length && char.IsLetterOrDigit(lower[i - 1]) && char.IsLetterOrDigit(lower[i + 1])))
            {
                builder.Append(c);
            }
            else if (char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol)
            {
                builder.Append(' ').Append(c);
                if (char.IsHighSurrogate(c) && i + 1 < lower.Length && char.IsLowSurrogate(lower[i + 1]))
                {
                    builder.Append(lower[++i]);
                }

                builder.Append(' ');
            }
            else if (c is '\uFE0F' or '\u200D' || char.GetUnicodeCategory(c) is UnicodeCategory.ModifierSymbol or UnicodeCategory.NonSpacingMark)
            {
                // Variation selectors and skin tones belong to the emoji before them.
            }
            else
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>"3", "three", "a": a count, or null.</summary>
    public static int? Number(string word, DialogueWords language)
    {
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 10_000)
        {
            return n;
        }

        return language.Numbers.TryGetValue(word, out var named) ? named : null;
    }

    /// <summary>Every word of <paramref name="words"/> is in one of the sets.</summary>
    public static bool OnlyFrom(IReadOnlyList<string> words, params IReadOnlySet<string>[] sets) =>
        words.Count > 0 && words.All(w => sets.Any(s => s.Contains(w)));

    public static bool IsEmojiOnly(string text) =>
        text.Trim().Length > 0 && text.Trim().All(c => char.IsSurrogate(c) || char.IsWhiteSpace(c) || c is '\uFE0F' or '\u200D'
            || char.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.NonSpacingMark);
}
