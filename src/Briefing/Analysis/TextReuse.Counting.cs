using System.Runtime.InteropServices;

namespace Briefing.Analysis;

/// <summary>
/// Counting the shingles that documents share: each partition of the hash range gathered with its documents, sorted,
/// and read run by run.
/// </summary>
public static partial class TextReuse
{
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
        // one partition at a time to each worker, so that no worker is left with a long run of them at the end
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, partitions, 1), range =>
        {
            var buffers = pool.TryTake(out var free) ? free : new SortBuffers((int)Math.Min(Array.MaxLength, perPartition * 9L / 8));
            for (int part = range.Item1; part < range.Item2; part++)
                (partCounts[part], partStock[part]) = CountPartition(docs, starts[part], starts[part + 1], bits, stockDocuments, options.AllPairsMaxDocuments, buffers);
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
    /// Counts one partition of the hash range: every document's distinct hashes in the range are gathered with their
    /// document and sorted by hash; a run of equal hashes lists the documents that share that shingle, in document order.
    /// </summary>
    private static (Dictionary<long, int> Counts, List<ulong> Stock) CountPartition(ShingledDocument[] docs, int[] starts, int[] ends, int sharedBits, int stockDocuments, int allPairsMax, SortBuffers buffers)
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
        HashSort.Sort(buffers.Keys.AsSpan(0, total), buffers.Values.AsSpan(0, total), buffers.Keys2.AsSpan(0, total), buffers.Values2.AsSpan(0, total), sharedBits);
        var hashes = buffers.Keys2.AsSpan(0, total);
        var owners = buffers.Values2.AsSpan(0, total);

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
}
