namespace Khanij.Core.Text;

/// <summary>"Did you mean …?" support: the optimal-string-alignment distance (insertions, deletions, substitutions and
/// swaps of neighbours, each costing one) and the closest candidates within a distance that grows with the word.</summary>
public static class Spelling
{
    /// <summary>The number of single-character edits (a swap of two neighbours counting as one) that turn
    /// <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // Three rows suffice: the swap looks two rows back.
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, before[j - 2] + 1);
                }
                current[j] = best;
            }
            (before, previous, current) = (previous, current, before);
        }
        return previous[b.Length];
    }

    /// <summary>How many edits a word of this length may be away from a suggestion: none for one or two characters (codes
    /// and symbols are too short to guess), one up to five, two up to nine, three beyond.</summary>
    public static int Tolerance(int length) => length switch
    {
        <= 2 => 0,
        <= 5 => 1,
        <= 9 => 2,
        _ => 3,
    };

    /// <summary>The values of up to <paramref name="max"/> candidates whose key is nearest to <paramref name="key"/> within
    /// <see cref="Tolerance"/>, nearest first (ties in candidate order), each value once.</summary>
    public static IReadOnlyList<T> Nearest<T>(string key, IEnumerable<KeyValuePair<string, T>> candidates, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(candidates);
        var tolerance = Tolerance(key.Length);
        if (tolerance == 0)
        {
            return [];
        }
        var scored = new List<(int Distance, int Order, T Value)>();
        var order = 0;
        foreach (var (candidate, value) in candidates)
        {
            order++;
            if (Math.Abs(candidate.Length - key.Length) > tolerance)
            {
                continue;
            }
            var distance = Distance(key, candidate);
            if (distance <= tolerance)
            {
                scored.Add((distance, order, value));
            }
        }
        return [.. scored.OrderBy(s => s.Distance).ThenBy(s => s.Order).Select(s => s.Value).Distinct().Take(max)];
    }

    /// <summary>" Did you mean a, b or c?" for the suggestions, or the empty string when there are none.</summary>
    public static string DidYouMean(IEnumerable<string> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var list = suggestions.ToList();
        return list.Count switch
        {
            0 => "",
            1 => $" Did you mean {list[0]}?",
            _ => $" Did you mean {string.Join(", ", list[..^1])} or {list[^1]}?",
        };
    }
}
