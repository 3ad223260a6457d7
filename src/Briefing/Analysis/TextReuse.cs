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
public static class TextReuse
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
        // A count is a lower bound where a shingle credited only its first document's pairs: one that comes within half
        // of the flag's bounds is counted again exactly, so that the flag never depends on which document came first.
        var exact = new int[keys.Length];
        Array.Fill(exact, -1);
        if (keys.Length > 0) Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, keys.Length), range =>
        {
            for (int k = range.Item1; k < range.Item2; k++)
            {
                var (a, b) = (shingled[(int)(keys[k] / n)], shingled[(int)(keys[k] % n)]);
                int shared = pairCounts[keys[k]];
                if (2 * shared >= options.MinSharedShinglesToFlag && 2.0 * shared / Math.Max(1, Math.Min(a.DistinctCount, b.DistinctCount)) >= options.FlagThreshold)
                    exact[k] = SharedCount(a.Distinct, b.Distinct, stock);
            }
        });
        for (int k = 0; k < keys.Length; k++)
            if (exact[k] >= 0) pairCounts[keys[k]] = exact[k];
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
    /// Sorts every document's distinct hashes by partition of the hash range, in parallel, and counts the pairs each
    /// run of equal hashes credits (see <see cref="CountRuns"/>). Only a few partitions are in memory at once.
    /// </summary>
    private static (Dictionary<long, int> PairCounts, HashSet<ulong> Stock) CountSharedShingles(ShingledDocument[] docs, TextReuseOptions options, int stockDocuments, int maxSortEntries)
    {
        long entries = docs.Sum(d => (long)d.DistinctCount);
        // A large corpus is split finer, so that a partition's sort buffers stay under the large-object threshold.
        int bits = SortPartitionBits(entries, maxSortEntries);
        int partitions = 1 << bits;
        int perPartition = (int)Math.Min(int.MaxValue, entries / partitions + 16);
        var partCounts = new Dictionary<long, int>[partitions];
        var partStock = new List<ulong>[partitions];
        // Partitions are sorted in buffers taken from a pool, sized for an average partition (hashes are uniform) and
        // reused from partition to partition: a few megabytes each, made once per core.
        var pool = new System.Collections.Concurrent.ConcurrentBag<SortBuffers>();
        // Where each partition starts in each document's sorted hashes (starts[p][d]; the last row is the lengths):
        // one pass over each document, rather than two binary searches per document and partition.
        var starts = PartitionStarts(docs, bits);
        Parallel.For(0, partitions, part =>
        {
            var buffers = pool.TryTake(out var free) ? free : new SortBuffers((int)Math.Min(Array.MaxLength, perPartition * 9L / 8));
            (partCounts[part], partStock[part]) = CountPartition(docs, starts[part], starts[part + 1], stockDocuments, options.AllPairsMaxDocuments, buffers);
            pool.Add(buffers);
        });

        var total = partCounts.OrderByDescending(c => c.Count).First();
        foreach (var counts in partCounts)
        {
            if (ReferenceEquals(counts, total)) continue;
            foreach (var (key, count) in counts) CollectionsMarshal.GetValueRefOrAddDefault(total, key, out _) += count;
        }
        return (total, partStock.SelectMany(b => b).ToHashSet());
    }

    internal const int PartitionBits = 4;

    /// <summary>The most entries a partition's sort buffers are sized for: a key array of them is under 2 MB.</summary>
    internal const int MaxSortEntries = 200_000;

    /// <summary>
    /// How finely counting by sorting splits the hash range (as a number of top bits): 16 partitions, or more while an
    /// average partition (with its 9/8 slack) would not fit <paramref name="maxEntries"/>. Larger arrays go to the
    /// large-object heap, where each new one can set off a full collection. Hashes are uniform, so partitions are all
    /// about the average.
    /// </summary>
    internal static int SortPartitionBits(long entries, int maxEntries = MaxSortEntries)
    {
        var bits = PartitionBits;
        while (bits < 12 && (entries >> bits) * 9 / 8 > maxEntries) bits++;
        return bits;
    }

    /// <summary>Arrays for sorting a partition's entries, kept between the partitions of one count; they grow as needed.</summary>
    internal sealed class SortBuffers(int entries)
    {
        public ulong[] Keys = new ulong[entries], Keys2 = new ulong[entries];
        public int[] Values = new int[entries], Values2 = new int[entries];

        public void Ensure(int entries)
        {
            if (Keys.Length >= entries) return;
            var size = (int)Math.Min(Array.MaxLength, entries + (long)entries / 4);
            Keys = new ulong[size];
            Keys2 = new ulong[size];
            Values = new int[size];
            Values2 = new int[size];
        }
    }

    /// <summary>
    /// Sorts the first <paramref name="n"/> <paramref name="keys"/> with their <paramref name="values"/>, stably: least
    /// significant byte first, one counting pass per byte, skipping bytes that all keys share (a partition's top bits,
    /// for one). The other two arrays are its scratch space: it returns true when the sorted entries ended up there.
    /// </summary>
    internal static bool RadixSort(ulong[] keys, int[] values, ulong[] keys2, int[] values2, int n)
    {
        if (n < 2) return false;
        var inScratch = false;
        Span<int> counts = stackalloc int[256];
        for (int shift = 0; shift < 64; shift += 8)
        {
            counts.Clear();
            for (int i = 0; i < n; i++) counts[(int)(keys[i] >> shift) & 0xFF]++;
            if (counts[(int)(keys[0] >> shift) & 0xFF] == n) continue; // every key has this byte
            for (int b = 0, sum = 0; b < 256; b++)
            {
                var c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++)
            {
                int at = counts[(int)(keys[i] >> shift) & 0xFF]++;
                keys2[at] = keys[i];
                values2[at] = values[i];
            }
            (keys, keys2) = (keys2, keys);
            (values, values2) = (values2, values);
            inScratch = !inScratch;
        }
        return inScratch;
    }

    /// <summary>
    /// Counts one partition of the hash range: every document's distinct hashes in the range are gathered with their
    /// document and sorted by hash; a run of equal hashes lists the documents that share that shingle, in document order.
    /// </summary>
    private static (Dictionary<long, int> Counts, List<ulong> Stock) CountPartition(ShingledDocument[] docs, int[] starts, int[] ends, int stockDocuments, int allPairsMax, SortBuffers buffers)
    {
        int n = docs.Length;
        long sum = 0;
        for (int d = 0; d < n; d++) sum += ends[d] - starts[d];
        var total = checked((int)sum);
        buffers.Ensure(total);
        int at = 0;
        for (int d = 0; d < n; d++)
        {
            var (from, to) = (starts[d], ends[d]);
            docs[d].Distinct.AsSpan(from, to - from).CopyTo(buffers.Keys.AsSpan(at));
            buffers.Values.AsSpan(at, to - from).Fill(d);
            at += to - from;
        }
        var inScratch = RadixSort(buffers.Keys, buffers.Values, buffers.Keys2, buffers.Values2, total);
        var hashes = (inScratch ? buffers.Keys2 : buffers.Keys).AsSpan(0, total);
        var owners = (inScratch ? buffers.Values2 : buffers.Values).AsSpan(0, total);

        var counts = new Dictionary<long, int>();
        var stock = new List<ulong>();
        for (int i = 0; i < hashes.Length;)
        {
            int j = i + 1;
            while (j < hashes.Length && hashes[j] == hashes[i]) j++;
            int run = j - i;
            if (run > stockDocuments) stock.Add(hashes[i]);
            else if (run > 1) CountRun(counts, owners.Slice(i, run), n, allPairsMax);
            i = j;
        }
        return (counts, stock);
    }

    /// <summary>
    /// The pair counts one shared shingle adds: every pair of its documents when they are few, else its first document
    /// with each of the others, so that a shingle adds at most max(<paramref name="allPairsMax"/>, its documents) counts.
    /// </summary>
    private static void CountRun(Dictionary<long, int> counts, ReadOnlySpan<int> postings, int n, int allPairsMax)
    {
        // in document order: the sort is stable and entries were gathered by document
        int firsts = postings.Length <= allPairsMax ? postings.Length - 1 : 1;
        for (int x = 0; x < firsts; x++)
            for (int y = x + 1; y < postings.Length; y++)
                CollectionsMarshal.GetValueRefOrAddDefault(counts, (long)postings[x] * n + postings[y], out _)++;
    }

    /// <summary>
    /// For each of the 2^<paramref name="bits"/> partitions of the hash range (by their top bits) and each document, the
    /// index of the document's first sorted hash in that partition or a later one; row 2^bits holds the lengths.
    /// </summary>
    internal static int[][] PartitionStarts(ShingledDocument[] docs, int bits)
    {
        int partitions = 1 << bits, shift = 64 - bits;
        var starts = new int[partitions + 1][];
        for (int p = 0; p <= partitions; p++) starts[p] = new int[docs.Length];
        Parallel.For(0, docs.Length, d =>
        {
            var distinct = docs[d].Distinct;
            int p = 0;
            for (int k = 0; k < distinct.Length; k++)
            {
                int part = (int)(distinct[k] >> shift);
                while (p <= part) starts[p++][d] = k;
            }
            while (p <= partitions) starts[p++][d] = distinct.Length;
        });
        return starts;
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
