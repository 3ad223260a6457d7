using Briefing.Text;

namespace Briefing.Validation;

/// <summary>Finds a quote in an article's paragraphs after normalisation, or the closest passage when it is not there.</summary>
public sealed class QuoteFinder
{
    // Only the normalised text of all paragraphs joined by spaces is kept (with where each paragraph starts and its
    // length): a finder lives as long as the build, for every article, so it must be small. The map from normalised
    // to original characters is recomputed for the one paragraph that needs it.
    private readonly string[] _originals;
    private readonly string _joined;
    private readonly int[] _starts;
    private readonly int[] _lengths;

    public QuoteFinder(IReadOnlyList<string> paragraphs)
    {
        _originals = paragraphs.Select(p => p.Normalize(System.Text.NormalizationForm.FormC)).ToArray();
        var normalized = paragraphs.Select(p => TextNormalizer.Normalize(p)).ToArray();
        _starts = new int[normalized.Length];
        _lengths = new int[normalized.Length];
        var offset = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            _starts[i] = offset;
            _lengths[i] = normalized[i].Length;
            offset += normalized[i].Length + 1;
        }
        _joined = string.Join(' ', normalized);
    }

    private ReadOnlySpan<char> Normalized(int paragraph) => _joined.AsSpan(_starts[paragraph], _lengths[paragraph]);

    /// <summary>The 0-based paragraph holding the quote (the one it starts in, if it spans two), or -1.</summary>
    public int Find(string quote) => _found.GetOrAdd(quote, FindUncached);

    // Each quote is looked up several times (validation, topic and article pages, the compare page), and a finder is
    // kept between preview builds while its article is unchanged: answers are remembered.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _found = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, int), string> _original = new();

    private int FindUncached(string quote)
    {
        var q = TextNormalizer.Normalize(quote);
        if (q.Length == 0) return -1;
        for (var i = 0; i < _starts.Length; i++)
            if (Normalized(i).Contains(q, StringComparison.Ordinal)) return i;
        var at = _joined.IndexOf(q, StringComparison.Ordinal);
        if (at < 0) return -1;
        var p = Array.BinarySearch(_starts, at);
        return p >= 0 ? p : ~p - 1;
    }

    /// <summary>
    /// The article's own characters for a quote found in one paragraph (its typographic quotes and dashes),
    /// for text fragments that the browser can match; the quote itself when it is not within one paragraph.
    /// </summary>
    public string Original(string quote, int paragraph) => _original.GetOrAdd((quote, paragraph), k => OriginalUncached(k.Item1, k.Item2));

    private string OriginalUncached(string quote, int paragraph)
    {
        var q = TextNormalizer.Normalize(quote);
        if (paragraph < 0 || paragraph >= _starts.Length || q.Length == 0) return quote;
        var at = Normalized(paragraph).IndexOf(q, StringComparison.Ordinal);
        if (at < 0) return quote;
        var map = new List<int>(_lengths[paragraph] + 1);
        TextNormalizer.NormalizeWithMap(_originals[paragraph], map);
        var start = map[at];
        var end = map[at + q.Length - 1];
        return _originals[paragraph][start..(end + 1)];
    }

    /// <summary>
    /// The passage of the article most like the quote: the window of a few more words than the quote that shares
    /// the most words with it, trimmed to start and end on a shared word.
    /// </summary>
    public string Closest(string quote)
    {
        static string Key(string w) => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        var qWords = TextNormalizer.Normalize(quote).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Key).Where(k => k.Length > 0).ToList();
        if (qWords.Count == 0 || _joined.Length == 0) return "";
        var want = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in qWords) want[w] = want.GetValueOrDefault(w) + 1;
        var words = _joined.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var keys = words.Select(Key).ToArray();
        var n = Math.Min(qWords.Count + 2, words.Length);
        var have = new Dictionary<string, int>(StringComparer.Ordinal);
        int Add(string w, int delta)
        {
            var before = have.GetValueOrDefault(w);
            have[w] = before + delta;
            var cap = want.GetValueOrDefault(w);
            return Math.Min(before + delta, cap) - Math.Min(before, cap);
        }
        var score = 0;
        for (var i = 0; i < n; i++) score += Add(keys[i], 1);
        var best = score;
        var bestStart = 0;
        for (var i = n; i < words.Length; i++)
        {
            score += Add(keys[i], 1);
            score += Add(keys[i - n], -1);
            if (score > best) { best = score; bestStart = i - n + 1; }
        }
        var start = bestStart;
        var end = bestStart + n - 1;
        while (start < end && !want.ContainsKey(keys[start])) start++;
        while (end > start && !want.ContainsKey(keys[end])) end--;
        var passage = string.Join(' ', words, start, end - start + 1);
        return passage.Length > 300 ? passage[..300] + "…" : passage;
    }
}
