using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace OrderBot.Server.WhatsApp;

/// <summary>
/// Reads a JSON string that .NET refuses to turn into UTF-16. The reader accepts invalid UTF-8 bytes and
/// escaped lone surrogates (<c>"\ud83d"</c>) inside a string, and only <see cref="JsonElement.GetString"/> throws
/// (<see cref="InvalidOperationException"/>), so one broken emoji would fail a whole signed delivery. Such text
/// is repaired instead: every byte or escape that is not a character becomes U+FFFD.
/// </summary>
public static class JsonText
{
    public const char Replacement = '\uFFFD';

    /// <summary>The string's value; <paramref name="repaired"/> tells whether it had to be repaired.</summary>
    public static string Read(JsonElement value, out bool repaired)
    {
        try
        {
            repaired = false;
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            repaired = true;
            return Repair(JsonMarshal.GetRawUtf8Value(value));
        }
    }

    /// <summary>Unescapes a JSON string literal (with or without its quotes) from raw UTF-8, replacing what is not text.</summary>
    public static string Repair(ReadOnlySpan<byte> literal)
    {
        if (literal.Length >= 2 && literal[0] == '"' && literal[^1] == '"')
        {
            literal = literal[1..^1];
        }

        // Encoding.UTF8 replaces invalid, overlong and truncated sequences with U+FFFD; escapes are ASCII and survive.
        var text = Encoding.UTF8.GetString(literal);
        var unescaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                unescaped.Append(text[i]);
                continue;
            }

            var escape = text[++i];
            if (escape == 'u' && i + 4 < text.Length
                && ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                unescaped.Append((char)code);
                i += 4;
                continue;
            }

            unescaped.Append(escape switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escape });
        }

        for (var i = 0; i < unescaped.Length; i++)
        {
            if (char.IsHighSurrogate(unescaped[i]) && i + 1 < unescaped.Length && char.IsLowSurrogate(unescaped[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(unescaped[i]))
            {
                unescaped[i] = Replacement;
            }
        }

        return unescaped.ToString();
    }
}
