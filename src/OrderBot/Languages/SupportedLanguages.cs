using System.Collections.Frozen;

namespace OrderBot.Languages;

/// <summary>The languages OrderBot ships, by code. Adding one is adding its <see cref="LanguageWords"/> here.</summary>
internal static class SupportedLanguages
{
    public const string Default = "en";

    public static IReadOnlyList<LanguageWords> All { get; } = [English.Words, Spanish.Words, Portuguese.Words];

    private static readonly FrozenDictionary<string, LanguageWords> ByCode = All.ToFrozenDictionary(l => l.Code, StringComparer.Ordinal);

    /// <summary>The language with this code ("es"), or null when OrderBot has no words for it.</summary>
    public static LanguageWords? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The language with this code; throws for a code no menu can have passed validation with.</summary>
    public static LanguageWords Get(string code) =>
        Find(code) ?? throw new ArgumentException($"no words for language '{code}' (known: {string.Join(", ", ByCode.Keys)})", nameof(code));
}
