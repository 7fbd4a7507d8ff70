using System.Security.Cryptography;

namespace OrderBot.Orders;

/// <summary>
/// An order's id and its chat-friendly number. The id is a UUIDv7: its first 48 bits are the creation
/// time, so ids sort by time (keyset pages rely on that), and its 74 random bits make a neighbour's id
/// unguessable. The number is six Crockford base-32 characters (no I, L, O or U to misread), unique by index.
/// </summary>
public readonly record struct OrderIdentity(string Id, string Number)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static OrderIdentity New(TimeProvider time) =>
        new(Guid.CreateVersion7(time.GetUtcNow()).ToString(), NewNumber());

    public static string NewNumber()
    {
        Span<char> chars = stackalloc char[7];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i == 3 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    public static bool LooksLikeId(string? value) =>
        value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);
}
