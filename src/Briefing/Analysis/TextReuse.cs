using System.Runtime.InteropServices;

namespace Briefing.Analysis;

/// <summary>
/// Computed text reuse between articles: word n-gram containment in both directions, the
/// shared passages, and a flag for pairs that likely share wire copy.
/// </summary>
/// <remarks>
/// <para>Method. Each paragraph is normalised and split into words
/// (<see cref="WordTokenizer"/>), then cut into overlapping shingles of
/// <see cref="TextReuseOptions.ShingleSize"/> words (never across paragraphs), each hashed to
/// 64 bits with FNV-1a (<see cref="StableHash"/>). Containment of A in B is
/// |S(A) ∩ S(B)| / |S(A)| over distinct shingles.</para>
/// <para>Cost follows the number of articles, not what they say. No pair of documents is compared text against
/// text to find candidates: every document's distinct shingles are gathered with their document, sorted by hash, and
/// each run of one hash lists the documents that share that shingle. A shingle in more than
/// <see cref="TextReuseOptions.StockDocuments"/> documents is stock wording and skipped; one in a few documents
/// (<see cref="TextReuseOptions.AllPairsMaxDocuments"/>) counts for every pair of them; one in more counts for its
/// first document with each other one. So each shingle occurrence adds a bounded number of pair counts, however often
/// a phrase recurs. Passages are then found only for pairs that share at least
/// <see cref="TextReuseOptions.PassageMinSharedShingles"/> shingles, at one hash lookup per shingle of A. The
/// word-level diff is not done here at all: <see cref="PairAligner"/> does it, for the pairs the site shows.</para>
/// <para>Output is deterministic: same input, same pairs, same numbers, same order.</para>
/// </remarks>
public static partial class TextReuse
{
    /// <summary>
    /// Analyses <paramref name="docs"/>. Returns the candidate pairs that share at least one (non-stock) shingle,
    /// ordered by (A, B) in ordinal order, where A &lt; B. Pairs that share nothing are omitted.
    /// </summary>
    /// <exception cref="ArgumentException">Two documents have the same id.</exception>
    public static IReadOnlyList<ReusePair> Analyse(IReadOnlyList<ReuseDocument> docs, TextReuseOptions? options = null) => Analyse(docs, options, null).Pairs;

    /// <summary>
    /// As the site analyses a corpus: the flagged pairs only, without their passages; the stock bound; and
    /// <see cref="ReuseResult.Measure"/> for the pairs it shows.
    /// </summary>
    public static ReuseResult AnalyseCorpus(IReadOnlyList<ReuseDocument> docs, TextReuseOptions? options = null) =>
        Analyse(docs, options, null, flaggedOnly: true);

    /// <summary>As <see cref="Analyse(IReadOnlyList{ReuseDocument}, TextReuseOptions?)"/>, with what the site needs besides the pairs.</summary>
    /// <param name="cache">The preview's shingles, kept for the documents whose paragraphs are unchanged since an earlier call.</param>
    /// <param name="distinct">
    /// Documents' distinct shingles made beforehand (<see cref="ShingledDocument.Create"/> with <c>distinctOnly</c>), by
    /// their paragraph list: a one-off build makes them as each article is loaded. Used when made for the same id and
    /// shingle size; the others are made here.
    /// </param>
    /// <param name="flaggedOnly">Return only the flagged pairs, without passages: what the site needs. It measures the
    /// pairs it shows with <see cref="ReuseResult.Measure"/>, so a corpus of many candidates never makes all their passages.</param>
    /// <param name="maxSortEntries">The most entries a partition is sorted in (see <see cref="SortPartitionBits"/>); tests make it small.</param>
    internal static ReuseResult Analyse(IReadOnlyList<ReuseDocument> docs, TextReuseOptions? options, ShingleCache? cache,
        IReadOnlyDictionary<IReadOnlyList<string>, ShingledDocument>? distinct = null, bool flaggedOnly = false, int maxSortEntries = MaxSortEntries)
    {
        ArgumentNullException.ThrowIfNull(docs);
        options ??= TextReuseOptions.Default;
        options.Validate();
        var sorted = SortedById(docs);

        int n = sorted.Length;
        var shingled = new ShingledDocument[n];
        // Counting needs only each document's distinct shingles; the positions (for passages) are made again below
        // for the documents that share something, so a large corpus never holds them all at once.
        Parallel.For(0, n, d => shingled[d] = cache?.Get(sorted[d], options.ShingleSize)
            ?? (distinct is not null && distinct.TryGetValue(sorted[d].Paragraphs, out var made) && made.DistinctOnly && made.Source.Id == sorted[d].Id && made.ShingleSize == options.ShingleSize ? made : null)
            ?? ShingledDocument.Create(sorted[d], options.ShingleSize, distinctOnly: true));

        int stockDocuments = options.StockDocuments(n);
        var (pairCounts, stock) = CountSharedShingles(shingled, options, stockDocuments, maxSortEntries);
        // Pairs in (A, B) ordinal order: the key a * n + b orders them, as documents are sorted by id.
        var keys = pairCounts.Keys.ToArray();
        CountAgainNearTheFlag(keys, pairCounts, shingled, stock, options);
        if (flaggedOnly) keys = Array.FindAll(keys, k => IsFlagged(shingled[(int)(k / n)], shingled[(int)(k % n)], pairCounts[k], options));
        Array.Sort(keys);

        // Passages need a document's shingles with their positions, made again for the documents of the pairs that
        // share enough. The preview keeps them (in its cache, through `shingled`). A one-off build makes each when its
        // first pair needs it and lets it go after its last, so they are never all in memory at once.
        var uses = new int[n];
        foreach (var key in keys)
        {
            if (flaggedOnly || pairCounts[key] < options.PassageMinSharedShingles) continue;
            uses[(int)(key / n)]++;
            uses[(int)(key % n)]++;
        }
        var full = cache is null ? new ShingledDocument?[n] : null;
        ShingledDocument Positions(int d)
        {
            if (full is null) return shingled[d];
            var made = Volatile.Read(ref full[d]);
            if (made is not null) return made;
            var fresh = ShingledDocument.Create(sorted[d], options.ShingleSize);
            return Interlocked.CompareExchange(ref full[d], fresh, null) ?? fresh;
        }
        void Done(int d)
        {
            if (full is not null && Interlocked.Decrement(ref uses[d]) == 0) Volatile.Write(ref full[d], null);
        }

        var pairs = new ReusePair[keys.Length];
        Parallel.For(0, keys.Length, k =>
        {
            int a = (int)(keys[k] / n);
            int b = (int)(keys[k] % n);
            int shared = pairCounts[keys[k]];
            var withPassages = !flaggedOnly && shared >= options.PassageMinSharedShingles;
            pairs[k] = Pair(withPassages ? Positions(a) : shingled[a], withPassages ? Positions(b) : shingled[b], shared, options, stock, withPassages);
            if (withPassages)
            {
                Done(a);
                Done(b);
            }
        });
        return new ReuseResult(pairs, stockDocuments, stock, options, cache, shingled);
    }

    /// <summary>The documents in id order; each must have an id and paragraphs, and no two the same id.</summary>
    private static ReuseDocument[] SortedById(IReadOnlyList<ReuseDocument> docs)
    {
        foreach (var doc in docs)
        {
            ArgumentNullException.ThrowIfNull(doc, nameof(docs));
            ArgumentNullException.ThrowIfNull(doc.Id, nameof(docs));
            ArgumentNullException.ThrowIfNull(doc.Paragraphs, nameof(docs));
        }
        var sorted = docs.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        for (int i = 1; i < sorted.Length; i++)
        {
            if (string.Equals(sorted[i - 1].Id, sorted[i].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Two documents have the id '{sorted[i].Id}'; ids must be unique.", nameof(docs));
            }
        }
        return sorted;
    }

    /// <summary>
    /// A count is a lower bound where a shingle credited only its first document's pairs: one that comes within half of
    /// the flag's bounds is counted again exactly, so that the flag never depends on which document came first.
    /// </summary>
    /// <param name="keys">The pairs, each as a * n + b for the documents at a and b of <paramref name="shingled"/>.</param>
    private static void CountAgainNearTheFlag(long[] keys, Dictionary<long, int> pairCounts, ShingledDocument[] shingled, HashSet<ulong> stock, TextReuseOptions options)
    {
        var n = shingled.Length;
        var near = new List<long>();
        foreach (var key in keys)
        {
            var (a, b) = (shingled[(int)(key / n)], shingled[(int)(key % n)]);
            int shared = pairCounts[key];
            if (2 * shared >= options.MinSharedShinglesToFlag && 2.0 * shared / Math.Max(1, Math.Min(a.DistinctCount, b.DistinctCount)) >= options.FlagThreshold)
                near.Add(key);
        }
        // counted in small ranges handed out in turn: the pairs near the flag lie in runs (a cluster's copies), so
        // a few large ranges would leave one core with most of them
        var exact = new int[near.Count];
        if (near.Count > 0) Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, near.Count, 64), range =>
        {
            for (int k = range.Item1; k < range.Item2; k++)
                exact[k] = SharedCount(shingled[(int)(near[k] / n)].Distinct, shingled[(int)(near[k] % n)].Distinct, stock);
        });
        for (int k = 0; k < near.Count; k++) pairCounts[near[k]] = exact[k];
    }

    /// <summary>A pair's measures from its shared-shingle count, and its passages when asked for (both documents with positions).</summary>
    internal static ReusePair Pair(ShingledDocument a, ShingledDocument b, int shared, TextReuseOptions options, HashSet<ulong> stock, bool withPassages)
    {
        double inB = a.DistinctCount == 0 ? 0 : (double)shared / a.DistinctCount;
        double inA = b.DistinctCount == 0 ? 0 : (double)shared / b.DistinctCount;
        IReadOnlyList<SharedPassage> passages = withPassages ? FindPassages(a, b, options.ShingleSize, stock) : [];
        return new ReusePair(a.Source.Id, b.Source.Id, inB, inA, shared, IsFlagged(a, b, shared, options), passages);
    }

    /// <summary>Whether two documents that share <paramref name="shared"/> shingles likely share wire copy (see <see cref="TextReuseOptions.FlagThreshold"/>).</summary>
    private static bool IsFlagged(ShingledDocument a, ShingledDocument b, int shared, TextReuseOptions options) =>
        shared >= options.MinSharedShinglesToFlag && (double)shared / Math.Max(1, Math.Min(a.DistinctCount, b.DistinctCount)) >= options.FlagThreshold;

    /// <summary>The number of distinct shingles two documents share, stock wording excluded (both arrays sorted).</summary>
    internal static int SharedCount(ulong[] a, ulong[] b, HashSet<ulong> stock)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j]) i++;
            else if (b[j] < a[i]) j++;
            else
            {
                if (!stock.Contains(a[i])) shared++;
                i++;
                j++;
            }
        }
        return shared;
    }

    /// <summary>
    /// The maximal runs of consecutive shared shingles between A and B, as passages of words.
    /// A run of m shingles starting at word i of A's paragraph and word j of B's is the m + k − 1
    /// words from i; it is maximal when the shingles before (i − 1, j − 1) and after
    /// (i + m, j + m) are not shared.
    /// </summary>
    private static List<SharedPassage> FindPassages(ShingledDocument a, ShingledDocument b, int k, HashSet<ulong> stock)
    {
        var passages = new List<SharedPassage>();
        for (int oa = 0; oa < a.Hashes.Length; oa++)
        {
            ulong h = a.Hashes[oa];
            if (!b.TryGetFirst(h, out int ob) || stock.Contains(h))
            {
                continue;
            }
            int pa = a.ParagraphOf[oa];
            int i = a.WordIndexOf[oa];
            for (; ob >= 0; ob = b.Next[ob])
            {
                int pb = b.ParagraphOf[ob];
                int j = b.WordIndexOf[ob];
                // Not the start of a run if the previous shingles (same paragraphs) match too.
                if (i > 0 && j > 0 && a.Hashes[oa - 1] == b.Hashes[ob - 1] && !stock.Contains(a.Hashes[oa - 1]))
                {
                    continue;
                }
                int m = 1;
                while (oa + m < a.ParagraphStart[pa + 1] && ob + m < b.ParagraphStart[pb + 1]
                       && a.Hashes[oa + m] == b.Hashes[ob + m] && !stock.Contains(a.Hashes[oa + m]))
                {
                    m++;
                }
                int lastWord = m + k - 2;
                var wa = a.Words[pa];
                var wb = b.Words[pb];
                string paragraphA = a.Source.Paragraphs[pa];
                passages.Add(new SharedPassage(pa, pb, paragraphA[wa[i].Start..wa[i + lastWord].End])
                {
                    StartA = wa[i].Start,
                    StartB = wb[j].Start,
                    LengthB = wb[j + lastWord].End - wb[j].Start,
                    WordCount = m + k - 1,
                });
            }
        }
        return passages;
    }
}

/// <summary>
/// Shingled documents kept between analyses, keyed by their paragraph list (the same list object while an article's
/// rendered body is reused): only changed articles are cut into shingles again.
/// </summary>
internal sealed class ShingleCache
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<string>, ShingledDocument> _docs = new();

    public ShingledDocument Get(ReuseDocument doc, int shingleSize)
    {
        if (_docs.TryGetValue(doc.Paragraphs, out var hit) && hit.Source.Id == doc.Id && hit.ShingleSize == shingleSize) return hit;
        var created = ShingledDocument.Create(doc, shingleSize);
        _docs.AddOrUpdate(doc.Paragraphs, created);
        return created;
    }
}
