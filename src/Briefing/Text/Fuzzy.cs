namespace Briefing.Text;

public static class Fuzzy
{
    /// <summary>Levenshtein distance between two short strings.</summary>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>The candidate closest to <paramref name="word"/>, or null when none is reasonably close.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates.OrderBy(c => c, StringComparer.Ordinal))
        {
            var d = Distance(word.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) { best = c; bestDistance = d; }
        }
        return best is not null && bestDistance <= Math.Max(2, word.Length / 2) ? best : null;
    }

    /// <summary>"did you mean 'x'? Known: a, b, c." for a message.</summary>
    public static string Suggest(string word, IReadOnlyCollection<string> known, string what = "ids")
    {
        var closest = Closest(word, known);
        var list = known.Count == 0 ? "(none)" : string.Join(", ", known.OrderBy(k => k, StringComparer.Ordinal).Take(30)) + (known.Count > 30 ? ", …" : "");
        return (closest is null ? "" : $"Did you mean '{closest}'? ") + $"Known {what}: {list}.";
    }
}
