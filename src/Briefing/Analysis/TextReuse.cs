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
/// <para>Cost. No pair of documents is ever compared text against text. An inverted index
/// maps each shingle hash to the documents that contain it; shared-shingle counts are
/// accumulated by walking the postings of shingles found in two or more documents, so the
/// work is linear in the total number of shingles plus the number of (shingle, pair)
/// coincidences. Boilerplate shingles (see
/// <see cref="TextReuseOptions.BoilerplateDocumentFraction"/>) are skipped, which bounds the
/// postings walked per shingle. Passages are then found only for pairs that share at least
/// <see cref="TextReuseOptions.PassageMinSharedShingles"/> shingles, at one hash lookup per
/// shingle of A. The word-level diff is not done here at all: <see cref="PairAligner"/> does
/// it, for flagged pairs only.</para>
/// <para>Output is deterministic: same input, same pairs, same numbers, same order.</para>
/// </remarks>
public static class TextReuse
{
    /// <summary>
    /// Analyses every pair of <paramref name="docs"/>. Returns the pairs that share at least
    /// one (non-boilerplate) shingle, ordered by (A, B) in ordinal order, where A &lt; B.
    /// Pairs that share nothing are omitted.
    /// </summary>
    /// <exception cref="ArgumentException">Two documents have the same id.</exception>
    public static IReadOnlyList<ReusePair> Analyse(IReadOnlyList<ReuseDocument> docs, TextReuseOptions? options = null) => Analyse(docs, options, null);

    /// <summary>As <see cref="Analyse(IReadOnlyList{ReuseDocument}, TextReuseOptions?)"/>, reusing the shingles of documents whose paragraphs are unchanged since an earlier call (the preview).</summary>
    /// <param name="distinct">
    /// Documents' distinct shingles made beforehand (<see cref="ShingledDocument.Create"/> with <c>distinctOnly</c>), by
    /// their paragraph list: a one-off build makes them as each article is loaded. Used when made for the same id and
    /// shingle size; the others are made here.
    /// </param>
    /// <param name="maxSortEntries">The most entries a partition is sorted in (see <see cref="SortPartitionBits"/>); tests make it small.</param>
    internal static IReadOnlyList<ReusePair> Analyse(IReadOnlyList<ReuseDocument> docs, TextReuseOptions? options, ShingleCache? cache,
        IReadOnlyDictionary<IReadOnlyList<string>, ShingledDocument>? distinct = null, int maxSortEntries = MaxSortEntries)
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

        // The preview keeps the last count: when only a few documents changed, it is updated for them alone.
        var last = cache?.TakeLast(sorted, shingled, options);
        var changed = last?.Changed(shingled);
        Counts counts = last is not null && changed is not null
            ? last.Update(shingled, changed)
            : CountSharedShingles(shingled, options, keepIndex: cache is not null, maxSortEntries);
        var (pairCounts, boilerplate) = (counts.PairCounts, counts.Boilerplate);
        // Pairs in (A, B) ordinal order: the key a * n + b orders them, as documents are sorted by id.
        var keys = pairCounts.Keys.ToArray();
        Array.Sort(keys);

        // Passages need a document's shingles with their positions, made again for the documents of the pairs that
        // share enough. The preview keeps them (in its cache, through `shingled`). A one-off build makes each when its
        // first pair needs it and lets it go after its last, so they are never all in memory at once (N = 10,000: a
        // thousand documents, about 50 MB, held while the checks' data was still live).
        var uses = new int[n];
        foreach (var key in keys)
        {
            if (pairCounts[key] < options.PassageMinSharedShingles) continue;
            uses[(int)(key / n)]++;
            uses[(int)(key % n)]++;
        }
        var full = cache is null ? new ShingledDocument?[n] : null;
        if (full is null)
        {
            Parallel.For(0, n, d =>
            {
                if (shingled[d].DistinctOnly && uses[d] > 0) shingled[d] = ShingledDocument.Create(sorted[d], options.ShingleSize);
            });
        }
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
            // a pair of unchanged documents that share as much as last time, with the same boilerplate, is the same pair
            if (last is not null && changed is not null && !counts.BoilerplateChanged && !changed[a] && !changed[b]
                && last.Pairs.TryGetValue(keys[k], out var before) && before.SharedShingles == shared)
            {
                pairs[k] = before;
                return;
            }
            var docA = shingled[a];
            var docB = shingled[b];
            double inB = docA.DistinctCount == 0 ? 0 : (double)shared / docA.DistinctCount;
            double inA = docB.DistinctCount == 0 ? 0 : (double)shared / docB.DistinctCount;
            bool flagged = shared >= options.MinSharedShinglesToFlag && Math.Max(inB, inA) >= options.FlagThreshold;
            IReadOnlyList<SharedPassage> passages = [];
            if (shared >= options.PassageMinSharedShingles)
            {
                passages = FindPassages(Positions(a), Positions(b), options.ShingleSize, boilerplate);
                Done(a);
                Done(b);
            }
            pairs[k] = new ReusePair(docA.Source.Id, docB.Source.Id, inB, inA, shared, flagged, passages);
        });
        if (cache is not null && counts.Index is not null)
        {
            var byKey = new Dictionary<long, ReusePair>(keys.Length);
            for (int k = 0; k < keys.Length; k++) byKey[keys[k]] = pairs[k];
            cache.Last = new CountState(sorted.Select(d => d.Id).ToArray(), shingled, options, counts, byKey);
        }
        return pairs;
    }

    /// <summary>
    /// Builds the inverted index (shingle hash → documents) and, for every shingle in two or
    /// more documents, adds one to the count of each pair of those documents. The index is built
    /// in partitions of the hash range, in parallel, so only a few partitions are in memory at once.
    /// </summary>
    private static Counts CountSharedShingles(ShingledDocument[] docs, TextReuseOptions options, bool keepIndex, int maxSortEntries)
    {
        int n = docs.Length;
        int maxDocuments = Math.Max(options.BoilerplateMinDocuments, (int)Math.Floor(options.BoilerplateDocumentFraction * n));
        long entries = docs.Sum(d => (long)d.DistinctCount);
        // The kept index (preview) is looked up by the top PartitionBits bits. Sorting splits a large corpus finer, so
        // that a partition's sort buffers stay under the large-object threshold (see SortPartitionBits).
        int bits = keepIndex ? PartitionBits : SortPartitionBits(entries, maxSortEntries);
        int Partitions = 1 << bits;
        int perPartition = (int)Math.Min(int.MaxValue, entries / Partitions + 16);
        var partCounts = new Dictionary<long, int>[Partitions];
        var partBoilerplate = new List<ulong>[Partitions];
        var keptIndex = keepIndex ? new Dictionary<ulong, int>[Partitions] : null;
        var keptLists = keepIndex ? new List<List<int>>[Partitions] : null;
        // Partitions are sorted in buffers taken from a pool, sized for an average partition (hashes are uniform) and
        // reused from partition to partition: a few megabytes each, made once per core.
        var pool = new System.Collections.Concurrent.ConcurrentBag<SortBuffers>();
        // Where each partition starts in each document's sorted hashes (starts[p][d]; the last row is the lengths):
        // one pass over each document, rather than two binary searches per document and partition (N = 10,000 and 64
        // partitions: 1.3 million searches, each missing the cache, were 4 % of the build's CPU).
        var starts = keepIndex ? null : PartitionStarts(docs, bits);
        Parallel.For(0, Partitions, part =>
        {
            ulong low = (ulong)part << (64 - bits);
            ulong? high = part == Partitions - 1 ? null : (ulong)(part + 1) << (64 - bits);
            if (!keepIndex)
            {
                // A one-off build: the partition's (hash, document) entries, sorted by hash, give each shingle's
                // documents as one run. Sorting is several times faster than building a hash index.
                var buffers = pool.TryTake(out var free) ? free : new SortBuffers((int)Math.Min(Array.MaxLength, perPartition * 9L / 8));
                (partCounts[part], partBoilerplate[part]) = CountPartitionBySorting(docs, starts![part], starts[part + 1], maxDocuments, buffers);
                pool.Add(buffers);
                return;
            }
            // Postings: a value >= 0 is the only document holding the hash; a value < 0 is ~index
            // into `lists` (documents in increasing order, as they are added in order).
            var index = new Dictionary<ulong, int>(perPartition);
            var lists = new List<List<int>>();
            for (int d = 0; d < n; d++)
            {
                var distinct = docs[d].Distinct;
                var (from, to) = PartitionRange(distinct, low, high);
                for (int k = from; k < to; k++)
                {
                    ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, distinct[k], out bool exists);
                    if (!exists)
                    {
                        slot = d;
                    }
                    else if (slot >= 0)
                    {
                        lists.Add([slot, d]);
                        slot = ~(lists.Count - 1);
                    }
                    else
                    {
                        lists[~slot].Add(d);
                    }
                }
            }

            var boilerplate = new List<ulong>();
            if (lists.Count > 0)
            {
                foreach (var (hash, slot) in index)
                {
                    if (slot < 0 && lists[~slot].Count > maxDocuments)
                    {
                        boilerplate.Add(hash);
                    }
                }
            }
            if (keptIndex is not null)
            {
                keptIndex[part] = index;
                keptLists![part] = lists;
            }
            index = null;

            var counts = new Dictionary<long, int>();
            foreach (var postings in lists)
            {
                if (postings.Count > maxDocuments)
                {
                    continue; // boilerplate
                }
                for (int i = 0; i < postings.Count; i++)
                {
                    for (int j = i + 1; j < postings.Count; j++)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(counts, (long)postings[i] * n + postings[j], out _)++;
                    }
                }
            }
            partCounts[part] = counts;
            partBoilerplate[part] = boilerplate;
        });

        var total = partCounts.OrderByDescending(c => c.Count).First();
        foreach (var counts in partCounts)
        {
            if (ReferenceEquals(counts, total)) continue;
            foreach (var (key, count) in counts) CollectionsMarshal.GetValueRefOrAddDefault(total, key, out _) += count;
        }
        return new Counts(total, partBoilerplate.SelectMany(b => b).ToHashSet(), maxDocuments, keptIndex, keptLists, false);
    }

    internal const int PartitionBits = 4;

    /// <summary>The most entries a partition's sort buffers are sized for: a key array of them is under 2 MB.</summary>
    internal const int MaxSortEntries = 200_000;

    /// <summary>
    /// How finely counting by sorting splits the hash range (as a number of top bits): 16 partitions, or more while an
    /// average partition (with its 9/8 slack) would not fit <paramref name="maxEntries"/>. Larger arrays go to the
    /// large-object heap, where each new one can set off a full collection (N = 10,000 had 27 MB of them there, and two
    /// full collections of about 85 ms each). Hashes are uniform, so partitions are all about the average.
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
    /// Counts one partition of the hash range [low, high) without an index: every document's distinct hashes in the
    /// range are gathered with their document and sorted by hash; a run of equal hashes lists the documents that share
    /// that shingle. Same counts and boilerplate as the index.
    /// </summary>
    private static (Dictionary<long, int> Counts, List<ulong> Boilerplate) CountPartitionBySorting(ShingledDocument[] docs, int[] starts, int[] ends, int maxDocuments, SortBuffers buffers)
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
        var boilerplate = new List<ulong>();
        for (int i = 0; i < hashes.Length;)
        {
            int j = i + 1;
            while (j < hashes.Length && hashes[j] == hashes[i]) j++;
            int run = j - i;
            if (run > maxDocuments) boilerplate.Add(hashes[i]);
            else if (run > 1)
            {
                var postings = owners.Slice(i, run); // in document order: the sort is stable and entries were gathered by document
                for (int x = 0; x < run; x++)
                    for (int y = x + 1; y < run; y++)
                        CollectionsMarshal.GetValueRefOrAddDefault(counts, (long)postings[x] * n + postings[y], out _)++;
            }
            i = j;
        }
        return (counts, boilerplate);
    }

    /// <summary>
    /// Shared-shingle counts per pair (key a * n + b), the boilerplate shingles and, for the preview, the inverted index
    /// by partition of the hash range (a value &gt;= 0: the only document holding the hash; &lt; 0: ~index into the lists).
    /// </summary>
    internal sealed record Counts(Dictionary<long, int> PairCounts, HashSet<ulong> Boilerplate, int MaxDocuments,
        Dictionary<ulong, int>[]? Index, List<List<int>>[]? Lists, bool BoilerplateChanged);

    /// <summary>The preview's last analysis: its documents, counts and pairs, updated when a few documents change.</summary>
    internal sealed class CountState(string[] ids, ShingledDocument[] docs, TextReuseOptions options, Counts counts, Dictionary<long, ReusePair> pairs)
    {
        public Dictionary<long, ReusePair> Pairs { get; } = pairs;

        public bool Matches(ShingledDocument[] now, TextReuseOptions o)
        {
            if (now.Length != ids.Length || !Equals(o, options)) return false;
            for (int i = 0; i < now.Length; i++)
                if (!string.Equals(now[i].Source.Id, ids[i], StringComparison.Ordinal)) return false;
            return true;
        }

        /// <summary>Which documents changed (a new shingled object), or null when too many did for an update to pay.</summary>
        public bool[]? Changed(ShingledDocument[] now)
        {
            var changed = new bool[now.Length];
            int count = 0;
            for (int i = 0; i < now.Length; i++)
                if (!ReferenceEquals(now[i], docs[i])) { changed[i] = true; count++; }
            return count <= Math.Max(4, now.Length / 20) ? changed : null;
        }

        /// <summary>
        /// The counts after replacing the changed documents: each hash that a changed document gained or lost moves
        /// the counts of the pairs of its postings, exactly as a full count would (boilerplate included).
        /// </summary>
        public Counts Update(ShingledDocument[] now, bool[] changed)
        {
            int n = now.Length;
            var pairCounts = counts.PairCounts;
            var boilerplate = counts.Boilerplate;
            int max = counts.MaxDocuments;
            var boilerplateChanged = false;
            void AddPairs(List<int> postings, int sign)
            {
                for (int i = 0; i < postings.Count; i++)
                    for (int j = i + 1; j < postings.Count; j++) Bump((long)postings[i] * n + postings[j], sign);
            }
            void Bump(long key, int sign)
            {
                ref int c = ref CollectionsMarshal.GetValueRefOrAddDefault(pairCounts, key, out _);
                c += sign;
                if (c == 0) pairCounts.Remove(key);
            }
            // d joins (or leaves) the postings `others` of hash h
            void Move(ulong h, int d, List<int> before, List<int> after)
            {
                bool wasBoilerplate = before.Count > max, isBoilerplate = after.Count > max;
                if (!wasBoilerplate && !isBoilerplate)
                {
                    var sign = after.Count > before.Count ? 1 : -1;
                    foreach (var x in after.Count > before.Count ? before : after)
                        Bump(x < d ? (long)x * n + d : (long)d * n + x, sign);
                    return;
                }
                if (wasBoilerplate == isBoilerplate) return;
                boilerplateChanged = true;
                if (isBoilerplate) { AddPairs(before, -1); boilerplate.Add(h); }
                else { AddPairs(after, 1); boilerplate.Remove(h); }
            }
            for (int d = 0; d < n; d++)
            {
                if (!changed[d]) continue;
                var old = docs[d].Distinct;
                var neu = now[d].Distinct;
                int i = 0, j = 0;
                while (i < old.Length || j < neu.Length)
                {
                    if (j >= neu.Length || (i < old.Length && old[i] < neu[j])) Remove(old[i++], d);
                    else if (i >= old.Length || neu[j] < old[i]) Add(neu[j++], d);
                    else { i++; j++; }
                }
            }
            return counts with { BoilerplateChanged = boilerplateChanged };

            void Remove(ulong h, int d)
            {
                int part = (int)(h >> (64 - PartitionBits));
                var index = counts.Index![part];
                var lists = counts.Lists![part];
                ref int slot = ref CollectionsMarshal.GetValueRefOrNullRef(index, h);
                if (slot >= 0) { index.Remove(h); return; } // d alone held it: no pair changes
                var list = lists[~slot];
                var before = new List<int>(list);
                list.Remove(d);
                if (list.Count == 1) slot = list[0];
                Move(h, d, before, list);
            }

            void Add(ulong h, int d)
            {
                int part = (int)(h >> (64 - PartitionBits));
                var index = counts.Index![part];
                var lists = counts.Lists![part];
                ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, h, out bool exists);
                if (!exists) { slot = d; return; }
                List<int> before, after;
                if (slot >= 0)
                {
                    before = [slot];
                    after = slot < d ? [slot, d] : [d, slot];
                    lists.Add(after);
                    slot = ~(lists.Count - 1);
                }
                else
                {
                    after = lists[~slot];
                    before = new List<int>(after);
                    var at = after.BinarySearch(d);
                    after.Insert(~at, d);
                }
                Move(h, d, before, after);
            }
        }
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

    /// <summary>Where a sorted array's hashes in [low, high) are (high null: to the end of the hash range).</summary>
    private static (int From, int To) PartitionRange(ulong[] sorted, ulong low, ulong? high) =>
        (LowerBound(sorted, low), high is { } h ? LowerBound(sorted, h) : sorted.Length);

    /// <summary>The first index of sorted <paramref name="values"/> whose value is at least <paramref name="value"/>.</summary>
    private static int LowerBound(ulong[] values, ulong value)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The maximal runs of consecutive shared shingles between A and B, as passages of words.
    /// A run of m shingles starting at word i of A's paragraph and word j of B's is the m + k − 1
    /// words from i; it is maximal when the shingles before (i − 1, j − 1) and after
    /// (i + m, j + m) are not shared.
    /// </summary>
    private static List<SharedPassage> FindPassages(ShingledDocument a, ShingledDocument b, int k, HashSet<ulong> boilerplate)
    {
        var passages = new List<SharedPassage>();
        for (int oa = 0; oa < a.Hashes.Length; oa++)
        {
            ulong h = a.Hashes[oa];
            if (!b.TryGetFirst(h, out int ob) || boilerplate.Contains(h))
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
                if (i > 0 && j > 0 && a.Hashes[oa - 1] == b.Hashes[ob - 1] && !boilerplate.Contains(a.Hashes[oa - 1]))
                {
                    continue;
                }
                int m = 1;
                while (oa + m < a.ParagraphStart[pa + 1] && ob + m < b.ParagraphStart[pb + 1]
                       && a.Hashes[oa + m] == b.Hashes[ob + m] && !boilerplate.Contains(a.Hashes[oa + m]))
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

    /// <summary>The last analysis (its index and counts), for the next one to update.</summary>
    public TextReuse.CountState? Last { get; set; }

    /// <summary>The last analysis if it was of the same documents (ids) with the same options; it is taken: an update changes it in place.</summary>
    public TextReuse.CountState? TakeLast(ReuseDocument[] sorted, ShingledDocument[] shingled, TextReuseOptions options)
    {
        var last = Last;
        Last = null;
        return last is not null && last.Matches(shingled, options) ? last : null;
    }

    public ShingledDocument Get(ReuseDocument doc, int shingleSize)
    {
        if (_docs.TryGetValue(doc.Paragraphs, out var hit) && hit.Source.Id == doc.Id && hit.ShingleSize == shingleSize) return hit;
        var created = ShingledDocument.Create(doc, shingleSize);
        _docs.AddOrUpdate(doc.Paragraphs, created);
        return created;
    }
}
