namespace OrderBot.Logging;

/// <summary>Masks personal identifiers before they reach a log line.</summary>
public static class Redact
{
    /// <summary>"+491701234567" becomes "+491******67": enough to tell customers apart in a log, not to call them.</summary>
    public static string Phone(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.Length <= 4)
        {
            return new string('*', value.Length);
        }

        var keepStart = Math.Min(4, value.Length / 3);
        return string.Concat(value.AsSpan(0, keepStart), new string('*', value.Length - keepStart - 2), value.AsSpan(value.Length - 2));
    }
}
