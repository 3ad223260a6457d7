using Briefing.Bench;
using Briefing.Analysis;

namespace Briefing.Tests.Analysis;

/// <summary>How the text-reuse analysis counts shared shingles: partitions of the hash range, each sorted by radix.</summary>
public sealed class ReuseCountingTests
{
    private static readonly TextReuseOptions Options = new() { StockMinDocuments = 3, StockDocumentFraction = 0.05 };

    private static void AssertSame(IReadOnlyList<ReusePair> expected, IReadOnlyList<ReusePair> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.A, e.B, e.ContainmentAInB, e.ContainmentBInA, e.SharedShingles, e.Flagged), (a.A, a.B, a.ContainmentAInB, a.ContainmentBInA, a.SharedShingles, a.Flagged));
            Assert.Equal(e.Passages, a.Passages);
        }
    }

    [Fact]
    public void The_previews_kept_shingles_give_the_pairs_a_one_off_analysis_gives()
    {
        var docs = SyntheticCorpus.Generate(120, seed: 7, CorpusShape.Wire).Documents.ToList();
        var cache = new ShingleCache();
        var oneOff = TextReuse.Analyse(docs, Options);
        Assert.Contains(oneOff, p => p.Flagged);
        AssertSame(oneOff, TextReuse.Analyse(docs, Options, cache).Pairs);
        // an edited document: the kept shingles of the others are used again, the edited one is cut anew
        docs[10] = new ReuseDocument(docs[10].Id, [.. docs[3].Paragraphs.Take(4), "An added closing paragraph that nobody else has written in these words."]);
        AssertSame(TextReuse.Analyse(docs, Options), TextReuse.Analyse(docs, Options, cache).Pairs);
    }

    [Fact]
    public void Counting_by_sorting_in_finer_partitions_gives_the_same_pairs()
    {
        var docs = SyntheticCorpus.Generate(300, seed: 4).Documents.ToList();
        var entries = docs.Sum(d => (long)ShingledDocument.Create(d, Options.ShingleSize, distinctOnly: true).DistinctCount);
        // the default splits this corpus in 16; a limit of 500 entries splits it in 256 or more
        Assert.Equal(TextReuse.PartitionBits, TextReuse.SortPartitionBits(entries));
        Assert.True(TextReuse.SortPartitionBits(entries, 500) >= 8);
        var coarse = TextReuse.Analyse(docs, Options);
        Assert.Contains(coarse, p => p.Flagged);
        AssertSame(coarse, TextReuse.Analyse(docs, Options, null, null, maxSortEntries: 500).Pairs);
    }

    [Fact]
    public void Partition_starts_count_each_document_s_hashes_below_each_partition()
    {
        var docs = SyntheticCorpus.Generate(40, seed: 9).Documents.Select(d => ShingledDocument.Create(d, Options.ShingleSize, distinctOnly: true))
            .Append(ShingledDocument.Create(new ReuseDocument("empty", []), Options.ShingleSize, distinctOnly: true)).ToArray();
        const int bits = 6;
        var starts = TextReuse.PartitionStarts(docs, bits);
        Assert.Equal((1 << bits) + 1, starts.Length);
        for (var p = 0; p <= 1 << bits; p++)
            for (var d = 0; d < docs.Length; d++)
                Assert.Equal(docs[d].Distinct.Count(h => (int)(h >> (64 - bits)) < p), starts[p][d]);
    }

    [Theory]
    [InlineData(0L, 4)]
    [InlineData(2_844_463L, 4)]
    [InlineData(2_844_464L, 5)]
    [InlineData(9_000_000L, 6)]
    [InlineData(long.MaxValue / 2, 12)]
    public void Sort_partitions_are_split_until_an_average_one_fits_the_limit(long entries, int bits)
    {
        Assert.Equal(bits, TextReuse.SortPartitionBits(entries));
    }
}

public sealed class HashSortTests
{
    [Theory]
    [InlineData(5000, 40)]     // few distinct keys: long buckets, sorted by the radix sort
    [InlineData(5000, 100000)] // mostly distinct keys: short buckets, sorted by insertion
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    public void Sorting_a_partition_orders_keys_and_keeps_equal_keys_in_their_order(int n, int distinct)
    {
        var rng = new Random(5);
        // the buffers are longer than the entries sorted, as a worker's are
        var buffers = new TextReuse.SortBuffers(n + 7);
        for (var i = 0; i < n; i++)
        {
            // keys spread over all eight bytes, with the top bits shared as in a hash partition
            buffers.Keys[i] = (0xA5UL << 56) | ((ulong)rng.Next(distinct) * 0x0001_0203_0405_0607UL & 0x00FF_FFFF_FFFF_FFFFUL);
            buffers.Values[i] = i;
        }
        var expected = Enumerable.Range(0, n).Select(i => (k: buffers.Keys[i], v: buffers.Values[i])).OrderBy(p => p.k).ToArray(); // OrderBy is stable
        HashSort.Sort(buffers.Keys.AsSpan(0, n), buffers.Values.AsSpan(0, n), buffers.Keys2.AsSpan(0, n), buffers.Values2.AsSpan(0, n), sharedBits: 8);
        Assert.Equal(expected.Select(p => p.k), buffers.Keys2.Take(n));
        Assert.Equal(expected.Select(p => p.v), buffers.Values2.Take(n));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(24, false)]
    [InlineData(25, false)]
    [InlineData(32, false)] // the longest array sorted by insertion alone
    [InlineData(33, false)] // the shortest spread into buckets
    [InlineData(1000, false)]
    [InlineData(5000, false)]
    [InlineData(5000, true)]
    public void Sorting_a_document_s_shingles_orders_them_as_a_comparison_sort_does(int n, bool fewDistinct)
    {
        var rng = new Random(n + 3);
        var keys = new ulong[n];
        for (var i = 0; i < n; i++)
            keys[i] = fewDistinct ? ((ulong)(uint)rng.Next(3) << 62) | (uint)rng.Next(4) // a few values in one top bucket and a few in others
                : i % 10 == 0 && i > 0 ? keys[i - 1] : (ulong)rng.NextInt64() * 2 + (ulong)(i & 1); // with duplicates
        var expected = (ulong[])keys.Clone();
        Array.Sort(expected);
        HashSort.Sort(keys, new ulong[n + 5]);
        Assert.Equal(expected, keys);
    }
}
