namespace OrderBot.Languages;

/// <summary>
/// Lower case with the Latin accents removed, one character for one, so a folded copy keeps every
/// character at its original index. Customers type "jamon" for "jamón" and "pao" for "pão"; folding both
/// sides makes them the same word.
/// </summary>
internal static class TextFold
{
    public static char Fold(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }

        return c switch
        {
            'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'À' or 'Á' or 'Â' or 'Ã' or 'Ä' or 'Å' => 'a',
            'ç' or 'Ç' => 'c',
            'è' or 'é' or 'ê' or 'ë' or 'È' or 'É' or 'Ê' or 'Ë' => 'e',
            'ì' or 'í' or 'î' or 'ï' or 'Ì' or 'Í' or 'Î' or 'Ï' => 'i',
            'ñ' or 'Ñ' => 'n',
            'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'Ò' or 'Ó' or 'Ô' or 'Õ' or 'Ö' => 'o',
            'ù' or 'ú' or 'û' or 'ü' or 'Ù' or 'Ú' or 'Û' or 'Ü' => 'u',
            '\u2019' or '\u2018' => '\'',
            '\u00D7' => 'x',
            _ => char.ToLowerInvariant(c),
        };
    }

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = Fold(source[i]);
        }
    });
}
