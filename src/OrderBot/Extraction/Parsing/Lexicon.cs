using System.Collections.Frozen;
using OrderBot.Languages;
using OrderBot.Menus;

namespace OrderBot.Extraction.Parsing;

/// <summary>
/// Every phrase the parser can read for one menu, compiled once: words get ids (plural and singular forms
/// share one), phrases are paths in a word-id trie, and menu words are indexed for typo matching.
/// </summary>
internal sealed class Lexicon
{
    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Dictionary<long, int> _edges;
    private readonly LexEntry?[] _terminals;
    private readonly FrozenDictionary<char, (string Word, int Id)[]> _typoCandidates;

    private Lexicon(
        ParserLanguage language, Dictionary<string, int> words, Dictionary<long, int> edges, LexEntry?[] terminals, FrozenDictionary<char, (string, int)[]> typoCandidates)
    {
        Language = language;
        _words = words;
        _wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _edges = edges;
        _terminals = terminals;
        _typoCandidates = typoCandidates;
    }

    /// <summary>The menu's languages: the words around menu words, and how words inflect.</summary>
    public ParserLanguage Language { get; }

    public static Lexicon Compile(Menu menu)
    {
        var language = new ParserLanguage([.. menu.Languages.Select(SupportedLanguages.Get)]);
        var phrases = new List<(string[] Words, LexEntry Entry, bool FromMenu)>();
        void Add(string text, LexEntry entry, bool fromMenu)
        {
            var words = Words(text);
            if (words.Length > 0)
            {
                phrases.Add((words, entry, fromMenu));
            }
        }

        foreach (var item in menu.Items)
        {
            var entry = new LexEntry { Kind = TokenKind.Item, Item = item };
            foreach (var name in Names(item.Id, item.Name, item.Aliases, item.Names))
            {
                Add(name, entry, true);
            }

            if (item.Category.Length > 0)
            {
                Add(item.Category, new LexEntry { Kind = TokenKind.Noun, Category = item.Category }, true);
            }
        }

        foreach (var size in menu.Sizes)
        {
            var entry = new LexEntry { Kind = TokenKind.Size, Size = size };
            foreach (var name in Names(size.Id, size.Name, size.Aliases, size.Names))
            {
                Add(name, entry, true);
            }
        }

        foreach (var qualifier in menu.Qualifiers)
        {
            var entry = new LexEntry { Kind = TokenKind.Qualifier, Qualifier = qualifier };
            foreach (var name in Names(qualifier.Id, qualifier.Name, qualifier.Aliases, null))
            {
                Add(name, entry, true);
            }
        }

        foreach (var group in menu.OptionGroups)
        {
            Add(group.Name, new LexEntry { Kind = TokenKind.Noun }, true);
            foreach (var option in group.Options)
            {
                var entry = new LexEntry { Kind = TokenKind.Option, Options = [new ResolvedOption(option, group)] };
                foreach (var name in Names(option.Id, option.Name, option.Aliases, option.Names))
                {
                    Add(name, entry, true);
                }
            }
        }

        // "hotdog", "xburguer", "cocacola": a menu name of two or three words is often written as one.
        foreach (var (phraseWords, entry, _) in phrases.Where(p => p.Words.Length is 2 or 3 && p.Words.All(w => w.All(char.IsAsciiLetter))).ToList())
        {
            phrases.Add(([string.Concat(phraseWords)], entry, true));
        }

        var menuWords = phrases.SelectMany(p => p.Words).ToHashSet(StringComparer.Ordinal);
        foreach (var spoken in language.Languages)
        {
            foreach (var (phrase, entry) in LanguagePhrases.All(spoken))
            {
                Add(phrase, entry, false);
            }
        }

        var names = phrases.Where(p => p.FromMenu && p.Words.Length == 1).Select(p => p.Words[0]).ToHashSet(StringComparer.Ordinal);
        var ids = AssignWordIds(phrases.SelectMany(p => p.Words), menuWords, names, language.Forms);
        var edges = new Dictionary<long, int>();
        var terminals = new List<(LexEntry? Entry, bool FromMenu)> { (null, false) };
        foreach (var (phraseWords, entry, fromMenu) in phrases)
        {
            var node = 0;
            foreach (var word in phraseWords)
            {
                var key = Edge(node, ids[word]);
                if (!edges.TryGetValue(key, out var next))
                {
                    next = terminals.Count;
                    terminals.Add((null, false));
                    edges[key] = next;
                }

                node = next;
            }

            terminals[node] = Merge(terminals[node], entry, fromMenu);
        }

        var typoCandidates = menuWords
            .Where(w => w.Length >= 5 && w.All(char.IsAsciiLetterLower))
            .GroupBy(w => w[0])
            .ToFrozenDictionary(g => g.Key, g => g.Select(w => (w, ids[w])).ToArray());
        return new Lexicon(language, ids, edges, terminals.Select(t => t.Entry).ToArray(), typoCandidates);
    }

    /// <summary>The id of a word, its plural/singular, or a menu word it is a typo of; -1 when unknown.</summary>
    public int WordId(ReadOnlySpan<char> word)
    {
        if (_wordLookup.TryGetValue(word, out var id))
        {
            return id;
        }

        if (IsStretched(word))
        {
            Span<char> plain = stackalloc char[word.Length];
            if (_wordLookup.TryGetValue(Unstretch(word, plain), out id))
            {
                return id;
            }
        }

        return word.Length >= 5 && _typoCandidates.TryGetValue(word[0], out var candidates) ? Typo(word, candidates) : -1;
    }

    /// <summary>"holaaa", "oii", "graciaaas": a letter held down, three times inside a word or a vowel twice at its end.</summary>
    private static bool IsStretched(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || !char.IsLetter(word[^1]))
        {
            return false;
        }

        // A doubled last vowel ("holaa", "oii") is held; a doubled consonant ("flann") is a typo the customer is asked about.
        if (word[^1] == word[^2] && word[^1] is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            return true;
        }

        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && word[i] == word[i - 2])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The word with held letters said once; "ll" and "rr" inside a word stay ("llevarr" is "llevar").</summary>
    private static ReadOnlySpan<char> Unstretch(ReadOnlySpan<char> word, Span<char> plain)
    {
        var n = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var run = 1;
            while (i + run < word.Length && word[i + run] == word[i])
            {
                run++;
            }

            var keep = run >= 3 || (i + run == word.Length && word[i] is 'a' or 'e' or 'i' or 'o' or 'u') ? 1 : run;
            plain.Slice(n, keep).Fill(word[i]);
            n += keep;
            i += run - 1;
        }

        return plain[..n];
    }

    /// <summary>The longest phrase starting at <paramref name="start"/>; false when none does.</summary>
    public bool TryMatch(ReadOnlySpan<int> ids, int start, out int length, out LexEntry entry)
    {
        length = 0;
        entry = null!;
        var node = 0;
        for (var i = start; i < ids.Length && ids[i] >= 0; i++)
        {
            if (!_edges.TryGetValue(Edge(node, ids[i]), out node))
            {
                break;
            }

            if (_terminals[node] is { } found)
            {
                length = i - start + 1;
                entry = found;
            }
        }

        return length > 0;
    }

    private static int Typo(ReadOnlySpan<char> word, (string Word, int Id)[] candidates)
    {
        var best = -1;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var (candidate, id) in candidates)
        {
            var allowed = WordForms.AllowedEdits(Math.Min(word.Length, candidate.Length));
            var distance = allowed == 0 ? int.MaxValue : WordForms.Distance(word, candidate, allowed);
            if (distance > allowed || distance > bestDistance)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                (bestDistance, best, tie) = (distance, id, false);
            }
            else if (id != best)
            {
                tie = true;
            }
        }

        // Two equally close menu words: guessing would invent an order, so the word stays unknown.
        return tie ? -1 : best;
    }

    private static (LexEntry?, bool) Merge((LexEntry? Entry, bool FromMenu) existing, LexEntry entry, bool fromMenu)
    {
        if (existing.Entry is null || (fromMenu && !existing.FromMenu))
        {
            return (entry, fromMenu);
        }

        if (!fromMenu)
        {
            return existing;
        }

        if (existing.Entry.Kind == TokenKind.Option && entry.Kind == TokenKind.Option)
        {
            // The same words name options in different groups (items decide which applies).
            var merged = new LexEntry { Kind = TokenKind.Option, Options = [.. existing.Entry.Options.Union(entry.Options)] };
            return (merged, true);
        }

        return Rank(entry.Kind) < Rank(existing.Entry.Kind) ? (entry, true) : existing;
    }

    private static int Rank(TokenKind kind) => kind switch
    {
        TokenKind.Item => 0,
        TokenKind.Size => 1,
        TokenKind.Option => 2,
        TokenKind.Qualifier => 3,
        _ => 4,
    };

    /// <summary>
    /// Word ids with inflections folded together: "olive" and "olives" are one word to the trie. The other
    /// gender of a one-word menu name is that name even where the language has the word: a menu's qualifier
    /// "poco" makes "poca" the qualifier, not the filler it is otherwise.
    /// </summary>
    private static Dictionary<string, int> AssignWordIds(IEnumerable<string> vocabulary, HashSet<string> menuWords, HashSet<string> menuNames, WordForms forms)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordered = vocabulary.Distinct(StringComparer.Ordinal).OrderBy(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToList();
        var next = 0;
        foreach (var word in ordered)
        {
            var id = forms.Singulars(word).Select(s => ids.GetValueOrDefault(s, -1)).FirstOrDefault(i => i >= 0, -1);
            ids[word] = id >= 0 ? id : next++;
        }

        foreach (var name in ordered.Where(menuNames.Contains))
        {
            foreach (var other in forms.OtherGender(name).Where(o => !menuWords.Contains(o)))
            {
                ids[other] = ids[name];
            }
        }

        foreach (var word in ordered)
        {
            foreach (var variant in forms.Variants(word))
            {
                ids.TryAdd(variant, ids[word]);
            }
        }

        return ids;
    }

    private static IEnumerable<string> Names(string id, string name, IReadOnlyList<string> aliases, IReadOnlyDictionary<string, string>? names) =>
        aliases.Concat(names?.Values ?? []).Prepend(name).Prepend(id);

    private static string[] Words(string text)
    {
        var raw = new List<RawToken>();
        var folded = new char[text.Length];
        TextScanner.Scan(text, folded, raw);
        return raw.Where(t => t.Kind is RawKind.Word or RawKind.Digits or RawKind.Decimal)
            .Select(t => new string(folded, t.Start, t.Length))
            .ToArray();
    }

    private static long Edge(int node, int wordId) => ((long)node << 32) | (uint)wordId;
}
