namespace Khanij.Ingest.Recognition;

/// <summary>A trie over word keys: finds the longest lexicon phrase starting at each word, left to right, in time linear in the
/// number of words (phrases are at most <see cref="MaxPhraseWords"/> words long).</summary>
internal sealed class Gazetteer
{
    public const int MaxPhraseWords = 10;

    private readonly Node _root = new();

    public int Count { get; private set; }

    /// <summary>Adds <paramref name="phrase"/> (any script) for <paramref name="kind"/>. Ignores phrases with no words or too many.</summary>
    public void Add(string phrase, EntryKind kind, string id, string? country = null, string? display = null)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        if (tokens.Count == 0 || tokens.Count > MaxPhraseWords)
        {
            return;
        }
        var caseSensitive = phrase.Length <= 5 && phrase.Any(char.IsAsciiLetter) && phrase.Where(char.IsAsciiLetter).All(char.IsAsciiLetterUpper);
        var node = _root;
        foreach (var t in tokens)
        {
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(t.Key, out var next))
            {
                next = new Node();
                node.Children[t.Key] = next;
            }
            node = next;
        }
        node.Entries ??= [];
        var entry = new Entry(kind, id, country, display ?? phrase, caseSensitive, [.. tokens.Select(t => t.Surface)]);
        if (!node.Entries.Any(e => e.Kind == kind && e.Id == id && e.CaseSensitive == caseSensitive
            && (!caseSensitive || e.Surface.SequenceEqual(entry.Surface))))
        {
            node.Entries.Add(entry);
            Count++;
        }
    }

    /// <summary>Longest, non-overlapping matches over <paramref name="tokens"/>.</summary>
    public List<Mention> Match(IReadOnlyList<Token> tokens)
    {
        var result = new List<Mention>();
        var i = 0;
        while (i < tokens.Count)
        {
            var node = _root;
            List<Entry>? best = null;
            var bestLength = 0;
            for (var j = i; j < tokens.Count && j - i < MaxPhraseWords; j++)
            {
                if (node.Children is null || !node.Children.TryGetValue(tokens[j].Key, out var next))
                {
                    break;
                }
                node = next;
                if (node.Entries is { Count: > 0 } entries)
                {
                    var length = j - i + 1;
                    var ok = entries.TrueForAll(e => !e.CaseSensitive) ? entries
                        : entries.Where(e => !e.CaseSensitive || SurfaceMatches(e, tokens, i)).ToList();
                    if (ok.Count > 0)
                    {
                        best = ok;
                        bestLength = length;
                    }
                }
            }
            if (best is null)
            {
                i++;
                continue;
            }
            foreach (var e in best)
            {
                result.Add(new Mention(tokens[i].Start, tokens[i + bestLength - 1].End, i, bestLength, e));
            }
            i += bestLength;
        }
        return result;
    }

    private static bool SurfaceMatches(Entry e, IReadOnlyList<Token> tokens, int at)
    {
        for (var k = 0; k < e.Surface.Length; k++)
        {
            if (!string.Equals(tokens[at + k].Surface, e.Surface[k], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public List<Entry>? Entries { get; set; }
    }
}
