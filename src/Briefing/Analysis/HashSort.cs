namespace Briefing.Analysis;

/// <summary>
/// Sorting 64-bit hashes (shingles, bigrams, a counting partition's entries): spread into buckets by their top bits
/// (below those every key shares), one or two keys to a bucket, then each bucket sorted by insertion. Hashes are well
/// mixed, so buckets stay short whatever the text says; a long one (a hash repeated many times) is sorted by a
/// comparison or radix sort, so that no input makes a bucket cost more than that sort of it. Compiled ahead of time,
/// Span.Sort compares through Comparer&lt;ulong&gt;, which is slower than this for the short arrays most documents give.
/// </summary>
internal static class HashSort
{
    private const int ShortBucket = 32;

    // Per-thread bucket bounds: documents are cut into shingles and partitions counted on every core.
    [ThreadStatic] private static int[]? t_bucketEnds;

    /// <summary>Sorts <paramref name="keys"/> in place through <paramref name="scratch"/> (at least as long).</summary>
    public static void Sort(Span<ulong> keys, Span<ulong> scratch)
    {
        if (keys.Length <= ShortBucket)
        {
            InsertionSort(keys);
            return;
        }
        var ends = BucketStarts(keys, sharedBits: 0, out var shift);
        var to = scratch[..keys.Length];
        foreach (var k in keys) to[ends[(int)(k >> shift)]++] = k;
        for (int b = 0, from = 0; b < ends.Length; from = ends[b++])
        {
            var bucket = to[from..ends[b]];
            if (bucket.Length <= ShortBucket) InsertionSort(bucket);
            else bucket.Sort();
        }
        to.CopyTo(keys);
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> with their <paramref name="values"/>, stably, into <paramref name="keys2"/> and
    /// <paramref name="values2"/> (as long), bucketed by the bits below the <paramref name="sharedBits"/> top bits that
    /// all keys share (a partition's); a long bucket goes to <see cref="RadixSort"/>.
    /// </summary>
    public static void Sort(Span<ulong> keys, Span<int> values, Span<ulong> keys2, Span<int> values2, int sharedBits)
    {
        if (keys.IsEmpty) return;
        var ends = BucketStarts(keys, sharedBits, out var shift);
        for (int i = 0; i < keys.Length; i++)
        {
            int at = ends[(int)((keys[i] << sharedBits) >> shift)]++;
            keys2[at] = keys[i];
            values2[at] = values[i];
        }
        for (int b = 0, from = 0; b < ends.Length; from = ends[b++])
        {
            int length = ends[b] - from;
            if (length <= ShortBucket)
            {
                InsertionSort(keys2.Slice(from, length), values2.Slice(from, length));
            }
            else if (RadixSort(keys2.Slice(from, length), values2.Slice(from, length), keys.Slice(from, length), values.Slice(from, length)))
            {
                keys.Slice(from, length).CopyTo(keys2[from..]);
                values.Slice(from, length).CopyTo(values2[from..]);
            }
        }
    }

    /// <summary>
    /// Where each bucket starts (the keys counted by bucket, then summed); moving a key into its bucket advances its
    /// bucket's entry, which so ends as where the bucket ends. A key's bucket is its bits after the first
    /// <paramref name="sharedBits"/>, shifted right by <paramref name="shift"/>.
    /// </summary>
    private static Span<int> BucketStarts(Span<ulong> keys, int sharedBits, out int shift)
    {
        int bits = Math.Clamp(System.Numerics.BitOperations.Log2((uint)keys.Length), 1, Math.Min(20, 64 - sharedBits));
        shift = 64 - bits;
        var kept = t_bucketEnds is { } k && k.Length >= 1 << bits ? k : t_bucketEnds = new int[1 << bits];
        var ends = kept.AsSpan(0, 1 << bits);
        ends.Clear();
        foreach (var key in keys) ends[(int)((key << sharedBits) >> shift)]++;
        StartsFromCounts(ends);
        return ends;
    }

    /// <summary>Replaces each count by the sum of the counts before it.</summary>
    private static void StartsFromCounts(Span<int> counts)
    {
        for (int b = 0, sum = 0; b < counts.Length; b++)
        {
            var c = counts[b];
            counts[b] = sum;
            sum += c;
        }
    }

    private static void InsertionSort(Span<ulong> keys)
    {
        for (int i = 1; i < keys.Length; i++)
        {
            var k = keys[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > k)
            {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = k;
        }
    }

    /// <summary>Stable: an entry moves only past greater keys.</summary>
    private static void InsertionSort(Span<ulong> keys, Span<int> values)
    {
        for (int i = 1; i < keys.Length; i++)
        {
            var (k, v) = (keys[i], values[i]);
            int j = i - 1;
            while (j >= 0 && keys[j] > k)
            {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = k;
            values[j + 1] = v;
        }
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> with their <paramref name="values"/>, stably: least significant byte first, one
    /// counting pass per byte, skipping bytes that all keys share. The other two spans (as long) are its scratch space:
    /// it returns true when the sorted entries ended up there.
    /// </summary>
    internal static bool RadixSort(Span<ulong> keys, Span<int> values, Span<ulong> keys2, Span<int> values2)
    {
        int n = keys.Length;
        if (n < 2) return false;
        var inScratch = false;
        Span<int> counts = stackalloc int[256];
        for (int shift = 0; shift < 64; shift += 8)
        {
            counts.Clear();
            for (int i = 0; i < n; i++) counts[(int)(keys[i] >> shift) & 0xFF]++;
            if (counts[(int)(keys[0] >> shift) & 0xFF] == n) continue; // every key has this byte
            StartsFromCounts(counts);
            for (int i = 0; i < n; i++)
            {
                int at = counts[(int)(keys[i] >> shift) & 0xFF]++;
                keys2[at] = keys[i];
                values2[at] = values[i];
            }
            var k = keys;
            keys = keys2;
            keys2 = k;
            var v = values;
            values = values2;
            values2 = v;
            inScratch = !inScratch;
        }
        return inScratch;
    }
}
