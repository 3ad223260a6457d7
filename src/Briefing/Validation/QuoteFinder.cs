using Briefing.Text;

namespace Briefing.Validation;

/// <summary>Finds a quote in an article's paragraphs after normalisation, or the closest passage when it is not there.</summary>
public sealed class QuoteFinder
{
    // Only each paragraph's normalised text is kept (the paragraph itself when it is already normal, as most are): a
    // finder lives as long as the build, for every article, so it must be small. The map from normalised to original
    // characters is computed for the one paragraph that needs it, and only when the paragraph is not its own normal
    // form. All paragraphs joined (for a quote that spans two) are made on first need.
    private string[] _originals;
    private string[] _normalized;
    private readonly int _length;

    public const int MaxClosestSearches = 50;
    private const int LongArticle = 200_000;
    private int _closestSearches;
    // made on first need (a race makes the same value twice, and one is kept): no Lazy, delegate or closure per finder
    private Joined? _joinedText;
    private WordIndex? _wordIndex;

    /// <summary>The normalised paragraphs joined by spaces, and where each starts.</summary>
    private sealed record Joined(string Text, int[] Starts);

    /// <summary>The article's words, each word's key as a number, and the set of whole words, built once on first use.</summary>
    private sealed record WordIndex(string[] Words, int[] KeyIds, Dictionary<string, int> KeyIdOf, HashSet<string> WordSet);

    /// <summary>
    /// Between the parts of a quote written as a list (<c>quote: ["…", "…"]</c>), one part per paragraph: the one way a
    /// quote may run from one paragraph into the next.
    /// </summary>
    public const char ParagraphBreak = '\u2029';

    /// <summary>A quote as the page shows it: the parts of a list joined by an ellipsis.</summary>
    public static string Display(string quote) => quote.Contains(ParagraphBreak) ? quote.Replace(ParagraphBreak.ToString(), " … ", StringComparison.Ordinal) : quote;

    /// <summary>
    /// Double quotes inside a quote may become single ones (the quote is usually printed inside double quotes): both
    /// are compared as a single quote. One character for one, so positions in the normal form stay the same.
    /// </summary>
    private static string Fold(string normalized) => normalized.Contains('"') ? normalized.Replace('"', '\'') : normalized;

    private static string Normal(string quote) => Fold(TextNormalizer.Normalize(quote));

    private static string Key(string w) => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    public QuoteFinder(IReadOnlyList<string> paragraphs)
    {
        _originals = new string[paragraphs.Count];
        _normalized = new string[paragraphs.Count];
        for (var i = 0; i < paragraphs.Count; i++)
        {
            _originals[i] = Nfc.Of(paragraphs[i]);
            _normalized[i] = Fold(TextNormalizer.NormalizeNfc(_originals[i]));
            _length += _normalized[i].Length + (i > 0 ? 1 : 0);
        }
    }

    private Joined JoinedText => _joinedText ??= MakeJoined();

    private Joined MakeJoined()
    {
        var starts = new int[_normalized.Length];
        var offset = 0;
        for (var i = 0; i < _normalized.Length; i++)
        {
            starts[i] = offset;
            offset += _normalized[i].Length + 1;
        }
        return new Joined(string.Join(' ', _normalized), starts);
    }

    private WordIndex Words => _wordIndex ??= MakeWordIndex();

    private WordIndex MakeWordIndex()
    {
        var words = JoinedText.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var idOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var k = Key(words[i]);
            if (!idOf.TryGetValue(k, out var id)) idOf[k] = id = idOf.Count;
            ids[i] = id;
        }
        return new WordIndex(words, ids, idOf, new HashSet<string>(words, StringComparer.Ordinal));
    }

    /// <summary>The 0-based paragraph holding the quote (the one it starts in, if it spans two), or -1.</summary>
    public int Find(string quote) => _sealed is { } answers
        ? Sealed(answers, quote).Found
        : Remember(ref _found, quote, static (self, q) => self.FindUncached(q));

    // Each quote is looked up several times (validation, topic and article pages, the compare page), and a finder is
    // kept between preview builds while its article is unchanged: answers are remembered, in dictionaries made on first
    // use and locked while read or written (thousands of finders live through a build: a concurrent dictionary is a
    // dozen objects each).
    private Dictionary<string, int>? _found;
    private Dictionary<(string, int), string>? _original;

    /// <summary>The answer remembered for <paramref name="key"/>, or <paramref name="compute"/>'s, remembered.</summary>
    private TValue Remember<TKey, TValue>(ref Dictionary<TKey, TValue>? memo, TKey key, Func<QuoteFinder, TKey, TValue> compute) where TKey : notnull
    {
        var known = memo ?? Interlocked.CompareExchange(ref memo, [], null) ?? memo!;
        lock (known)
            if (known.TryGetValue(key, out var value)) return value;
        var made = compute(this, key);
        lock (known) known.TryAdd(key, made);
        return made;
    }

    /// <summary>
    /// A sealed finder's answers for one quote: where it is, its characters (and link fragment) there, and, when it
    /// was sealed for the checks, the closest passage for each time the checks will ask (a missing quote may be asked
    /// twice, and only the first <see cref="MaxClosestSearches"/> searches of an article find one).
    /// </summary>
    private sealed record Answer(string Quote, int Found, string Original, string? Fragment)
    {
        public Queue<string?>? Closest { get; set; }
        public Spanning? Across { get; init; }
    }

    /// <summary>
    /// Answers the given quotes now (<see cref="Find"/> and <see cref="Original"/> at the paragraph found, and each
    /// original's link fragment, when <paramref name="fragment"/> makes one) and then lets go of the article's text and
    /// of the lookups: a one-off build seals each finder with its summary's quotes as soon as the article is parsed, so
    /// that what thousands of articles keep until their pages are rendered is a few strings each. A sealed finder
    /// answers only the quotes it was sealed with.
    /// </summary>
    /// <param name="forChecks">
    /// The quotes are those the checks will look up, in their order: each missing one's closest passage is found now,
    /// in that order, so that <see cref="Closest"/> gives the checks the same passages (and the same limit) as before.
    /// </param>
    public void Seal(IEnumerable<string> quotes, Func<string, string>? fragment = null, bool forChecks = false)
    {
        var answers = new List<Answer>();
        var byQuote = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var q in quotes)
        {
            if (!byQuote.TryGetValue(q, out var answer))
            {
                // one search gives both the paragraph and, for a quote found as written, its characters there
                var (found, at, end) = FindAt(q);
                var original = at >= 0 ? OriginalAt(found, at, end) : OriginalUncached(q, Math.Max(0, found));
                // whether a missing quote runs across paragraphs: asked once per quote, however often it is cited
                answers.Add(byQuote[q] = answer = new Answer(q, found, original, fragment?.Invoke(original))
                    { Across = forChecks && found < 0 ? Across(q) : null });
            }
            if (forChecks && answer.Found < 0 && answer.Across is null) (answer.Closest ??= new()).Enqueue(Closest(q));
        }
        _sealed = [.. answers];
        _sealedIndex = answers.Count > SealedScanLimit ? byQuote : null;
        _originals = _normalized = [];
        // every use of these is behind NotSealed()
        _joinedText = null;
        _wordIndex = null;
        _found = null;
        _original = null;
        _across = null;
    }

    private Answer[]? _sealed;
    // a summary of many quotes (a hostile one may have thousands) is looked up by a dictionary, a usual one by a scan
    private Dictionary<string, Answer>? _sealedIndex;
    private const int SealedScanLimit = 16;

    private Answer Sealed(Answer[] answers, string quote)
    {
        if (_sealedIndex is { } index) return index.TryGetValue(quote, out var found) ? found : throw NotSealedException();
        foreach (var a in answers)
            if (ReferenceEquals(a.Quote, quote) || a.Quote == quote) return a;
        throw NotSealedException();
    }

    private static InvalidOperationException NotSealedException() => new("This quote finder was sealed: it answers only the quotes it was sealed with.");

    private void NotSealed()
    {
        if (_sealed is not null) throw NotSealedException();
    }

    /// <summary>The link fragment a sealed finder made for a quote's original at that paragraph, or null (not sealed with fragments).</summary>
    public string? Fragment(string quote, int paragraph) =>
        _sealed is { } answers && Sealed(answers, quote) is { Fragment: { } f } a && Math.Max(0, a.Found) == paragraph ? f : null;

    private int FindUncached(string quote) => FindAt(quote).Paragraph;

    /// <summary>The paragraph holding the quote, or -1; where in its normal text, when it is there as written (else -1, -1).</summary>
    private (int Paragraph, int At, int End) FindAt(string quote)
    {
        NotSealed();
        if (quote.Contains(ParagraphBreak)) return (FindParts(quote.Split(ParagraphBreak)), -1, -1);
        var q = Normal(quote);
        if (q.Length == 0) return (-1, -1, -1);
        if (!MayOccur(q)) return (-1, -1, -1);
        for (var i = 0; i < _normalized.Length; i++)
            if (_normalized[i].IndexOf(q, StringComparison.Ordinal) is var at and >= 0) return (i, at, at + q.Length);
        // the usual conventions, tried only once the words as written are not found: the first letter's case, an
        // ellipsis, brackets
        var pattern = QuotePattern.HasMarks(q) ? QuotePattern.Parse(q) : null;
        for (var i = 0; i < _normalized.Length; i++)
            if (Locate(q, pattern, _normalized[i]) is not null) return (i, -1, -1);
        return (-1, -1, -1);
    }

    /// <summary>
    /// In a long article a scan is costly: every word inside the quote (not the first or last, which may be part of a
    /// word) must first be a word of the article. Short articles are scanned directly (building the word index costs
    /// more than the scan). A quote with an ellipsis or brackets is scanned as it is.
    /// </summary>
    private bool MayOccur(string q)
    {
        if (_length <= LongArticle || QuotePattern.HasMarks(q)) return true;
        var tokens = q.Split(' ');
        if (tokens.Length <= 2) return true;
        var set = Words.WordSet;
        for (var t = 1; t < tokens.Length - 1; t++)
            if (!set.Contains(tokens[t])) return false;
        return true;
    }

    /// <summary>A quote written as a list: its parts in consecutive paragraphs, the paragraph of the first, or -1.</summary>
    private int FindParts(string[] parts)
    {
        var qs = parts.Select(Normal).ToArray();
        var patterns = qs.Select(q => QuotePattern.HasMarks(q) ? QuotePattern.Parse(q) : null).ToArray();
        if (qs.Any(q => q.Length == 0)) return -1;
        for (var p = 0; p + qs.Length <= _normalized.Length; p++)
        {
            var all = true;
            for (var k = 0; k < qs.Length && all; k++) all = Locate(qs[k], patterns[k], _normalized[p + k]) is not null;
            if (all) return p;
        }
        return -1;
    }

    /// <summary>
    /// Where a (normal) quote is in a normal paragraph: as written, or with its first letter's case changed, or, with an
    /// ellipsis or brackets, from the start of its first fragment to the end of its last, widened to whole words.
    /// </summary>
    private static (int Start, int End)? Locate(string q, QuotePattern? pattern, string paragraph)
    {
        var at = paragraph.IndexOf(q, StringComparison.Ordinal);
        if (at >= 0) return (at, at + q.Length);
        if (pattern is null)
        {
            at = QuotePattern.IndexOf(paragraph, q, 0);
            return at < 0 ? null : (at, at + q.Length);
        }
        if (pattern.Match(paragraph) is not { } span) return null;
        var (start, end) = span;
        while (start > 0 && paragraph[start - 1] != ' ') start--;
        while (end < paragraph.Length && paragraph[end] != ' ') end++;
        return (start, end);
    }

    /// <summary>A quote that runs across paragraphs (not written as a list): the first and last, and its part in each.</summary>
    public sealed record Spanning(int First, int Last, IReadOnlyList<string> Parts);

    /// <summary>When a quote is not within one paragraph but runs from one into the next, where; otherwise null.</summary>
    public Spanning? Across(string quote) => _sealed is { } answers
        ? Sealed(answers, quote).Across
        : Remember(ref _across, quote, static (self, q) => self.AcrossUncached(q));

    // remembered as Find's answers are: the checks ask for each quote that is not found, and a summary may repeat one
    private Dictionary<string, Spanning?>? _across;

    private Spanning? AcrossUncached(string quote)
    {
        NotSealed();
        var q = Normal(quote);
        if (q.Length == 0 || _normalized.Length < 2 || quote.Contains(ParagraphBreak) || !MayOccur(q)) return null;
        var joined = JoinedText;
        var at = joined.Text.IndexOf(q, StringComparison.Ordinal);
        if (at < 0) return null;
        int ParagraphOf(int offset)
        {
            var p = Array.BinarySearch(joined.Starts, offset);
            return p >= 0 ? p : ~p - 1;
        }
        var (first, last) = (ParagraphOf(at), ParagraphOf(at + q.Length - 1));
        if (first == last) return null;
        var parts = new List<string>();
        for (var p = first; p <= last; p++)
        {
            var from = Math.Max(at, joined.Starts[p]);
            var to = Math.Min(at + q.Length, joined.Starts[p] + _normalized[p].Length);
            if (to > from) parts.Add(joined.Text[from..to]);
        }
        return new Spanning(first, last, parts);
    }

    /// <summary>
    /// The article's own characters for a quote found in one paragraph (its typographic quotes and dashes),
    /// for text fragments that the browser can match; the quote itself when it is not within one paragraph.
    /// </summary>
    public string Original(string quote, int paragraph) => _sealed is { } answers
        ? Sealed(answers, quote) is var a && Math.Max(0, a.Found) == paragraph ? a.Original : throw NotSealedException()
        : Remember(ref _original, (quote, paragraph), static (self, k) => self.OriginalUncached(k.Item1, k.Item2));

    private string OriginalUncached(string quote, int paragraph)
    {
        NotSealed();
        if (quote.Contains(ParagraphBreak))
        {
            // one passage per part, each in its paragraph, kept apart by the break: the link runs from the first to the last
            var parts = quote.Split(ParagraphBreak);
            return paragraph + parts.Length > _normalized.Length ? quote
                : string.Join(ParagraphBreak, parts.Select((part, k) => OriginalUncached(part, paragraph + k)));
        }
        var q = Normal(quote);
        if (paragraph < 0 || paragraph >= _normalized.Length || q.Length == 0) return quote;
        if (Locate(q, QuotePattern.HasMarks(q) ? QuotePattern.Parse(q) : null, _normalized[paragraph]) is not { } span) return quote;
        return OriginalAt(paragraph, span.Start, span.End);
    }

    /// <summary>The article's own characters for the characters <paramref name="at"/> to <paramref name="end"/> of a paragraph's normal text.</summary>
    private string OriginalAt(int paragraph, int at, int end)
    {
        // a paragraph that is its own normal form: the quote's characters are the paragraph's, at the same place
        if (ReferenceEquals(_normalized[paragraph], _originals[paragraph])) return _originals[paragraph][at..end];
        var map = new List<int>(_normalized[paragraph].Length + 1);
        TextNormalizer.NormalizeWithMap(_originals[paragraph], map);
        return _originals[paragraph][map[at]..(map[end - 1] + 1)];
    }

    /// <summary>
    /// The passage of the article most like the quote: the window of a few more words than the quote that shares
    /// the most words with it, trimmed to start and end on a shared word.
    /// </summary>
    /// <remarks>
    /// Each search scans the whole article, so only the first <see cref="MaxClosestSearches"/> searches of an article
    /// are made; later ones return null. Otherwise a hostile summary with thousands of wrong quotes against an article
    /// at the size limit would take about a second per quote.
    /// </remarks>
    public string? Closest(string quote)
    {
        if (_sealed is { } answers)
            return Sealed(answers, quote).Closest is { Count: > 0 } passages ? passages.Dequeue() : throw NotSealedException();
        if (Interlocked.Increment(ref _closestSearches) > MaxClosestSearches) return null;
        var qWords = Normal(quote).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Key).Where(k => k.Length > 0).ToList();
        if (qWords.Count == 0 || _length == 0) return "";
        var index = Words;
        var words = index.Words;
        var ids = index.KeyIds;
        // the quote's words as small local numbers; every other word of the article is -1
        var local = new Dictionary<int, int>();
        var want = new List<int>();
        foreach (var w in qWords)
        {
            if (!index.KeyIdOf.TryGetValue(w, out var id)) continue;
            if (!local.TryGetValue(id, out var l)) { local[id] = l = want.Count; want.Add(0); }
            want[l]++;
        }
        var localOf = new int[index.KeyIdOf.Count];
        Array.Fill(localOf, -1);
        foreach (var (id, l) in local) localOf[id] = l;
        var have = new int[want.Count];
        var n = Math.Min(qWords.Count + 2, words.Length);
        int Add(int id, int delta)
        {
            var l = localOf[id];
            if (l < 0) return 0;
            var before = have[l];
            have[l] = before + delta;
            var cap = want[l];
            return Math.Min(before + delta, cap) - Math.Min(before, cap);
        }
        var score = 0;
        for (var i = 0; i < n; i++) score += Add(ids[i], 1);
        var best = score;
        var bestStart = 0;
        for (var i = n; i < words.Length; i++)
        {
            score += Add(ids[i], 1);
            score += Add(ids[i - n], -1);
            if (score > best) { best = score; bestStart = i - n + 1; }
        }
        var start = bestStart;
        var end = bestStart + n - 1;
        while (start < end && localOf[ids[start]] < 0) start++;
        while (end > start && localOf[ids[end]] < 0) end--;
        var passage = string.Join(' ', words, start, end - start + 1);
        return passage.Length > 300 ? passage[..300] + "…" : passage;
    }
}
