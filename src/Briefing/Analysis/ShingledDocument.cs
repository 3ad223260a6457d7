namespace Briefing.Analysis;

/// <summary>
/// A document cut into word n-gram shingles. Shingles never cross a paragraph boundary, so
/// every shingle (and every shared passage built from shingles) belongs to one paragraph.
/// A paragraph shorter than the shingle size has no shingles.
/// </summary>
/// <remarks>Compact: words are kept as spans into the paragraph text, not as strings, and the
/// distinct shingles as a sorted array, so that a corpus of many thousands of documents fits in
/// little memory.</remarks>
internal sealed class ShingledDocument
{
    private ShingledDocument(
        ReuseDocument source, WordSpan[][] words, ulong[] hashes, int[] paragraphOf,
        int[] wordIndexOf, int[] paragraphStart, ulong[] distinct, int[] firstOf, int[] next)
    {
        Source = source;
        Words = words;
        Hashes = hashes;
        ParagraphOf = paragraphOf;
        WordIndexOf = wordIndexOf;
        ParagraphStart = paragraphStart;
        Distinct = distinct;
        _firstOf = firstOf;
        Next = next;
    }

    private readonly int[] _firstOf;

    public ReuseDocument Source { get; }

    /// <summary>Words per shingle.</summary>
    public int ShingleSize { get; private init; }

    /// <summary>Where each word of each paragraph is (its normalised form is only hashed).</summary>
    public WordSpan[][] Words { get; }

    /// <summary>Every shingle occurrence in reading order (paragraph by paragraph).</summary>
    public ulong[] Hashes { get; }

    /// <summary>For each occurrence: its paragraph index.</summary>
    public int[] ParagraphOf { get; }

    /// <summary>For each occurrence: the index of its first word within its paragraph.</summary>
    public int[] WordIndexOf { get; }

    /// <summary>For each paragraph: the index of its first occurrence (length = paragraphs + 1).</summary>
    public int[] ParagraphStart { get; }

    /// <summary>The distinct shingle hashes, in increasing order.</summary>
    public ulong[] Distinct { get; }

    /// <summary>For each occurrence: the next occurrence of the same hash, or -1.</summary>
    public int[] Next { get; }

    /// <summary>|shingles(doc)|: the number of distinct shingles.</summary>
    public int DistinctCount => Distinct.Length;

    /// <summary>The first occurrence of <paramref name="hash"/>, if the document has it.</summary>
    public bool TryGetFirst(ulong hash, out int occurrence)
    {
        var i = Array.BinarySearch(Distinct, hash);
        occurrence = i >= 0 ? _firstOf[i] : -1;
        return i >= 0;
    }

    /// <summary>Made with only <see cref="Distinct"/>: no positions, no passages.</summary>
    public bool DistinctOnly { get; private init; }

    /// <param name="distinctOnly">Compute only the distinct shingles (for counting shared shingles), not their positions.</param>
    /// <param name="text">With <paramref name="distinctOnly"/>: the paragraphs to read, when the document's own list is a copy of them that is costly to read (<see cref="Rendering.PackedParagraphs"/>).</param>
    public static ShingledDocument Create(ReuseDocument doc, int shingleSize, bool distinctOnly = false, IReadOnlyList<string>? text = null)
    {
        if (distinctOnly) return CreateDistinctOnly(doc, text ?? doc.Paragraphs, shingleSize);
        var words = new WordSpan[doc.Paragraphs.Count][];
        var wordHashes = new ulong[doc.Paragraphs.Count][];
        var hashBuffer = new List<ulong>();
        var spanBuffer = new List<WordSpan>();
        int total = 0;
        for (int p = 0; p < words.Length; p++)
        {
            hashBuffer.Clear();
            spanBuffer.Clear();
            WordTokenizer.TokenizeHashed(doc.Paragraphs[p] ?? string.Empty, hashBuffer, spanBuffer);
            words[p] = [.. spanBuffer];
            wordHashes[p] = [.. hashBuffer];
            total += Math.Max(0, words[p].Length - shingleSize + 1);
        }

        var hashes = new ulong[total];
        var paragraphOf = new int[total];
        var wordIndexOf = new int[total];
        var paragraphStart = new int[words.Length + 1];
        int o = 0;
        for (int p = 0; p < words.Length; p++)
        {
            paragraphStart[p] = o;
            for (int i = 0; i + shingleSize <= words[p].Length; i++, o++)
            {
                hashes[o] = StableHash.Shingle(wordHashes[p], i, shingleSize);
                paragraphOf[o] = p;
                wordIndexOf[o] = i;
            }
        }
        paragraphStart[words.Length] = o;

        // Occurrences sorted by (hash, position): each run of one hash gives its first occurrence
        // and, in order, the next link of each occurrence.
        var order = new int[total];
        for (int k = 0; k < total; k++) order[k] = k;
        var keys = (ulong[])hashes.Clone();
        Array.Sort(keys, order); // unstable: positions within a run are sorted below
        var next = new int[total];
        var distinct = new List<ulong>();
        var firstOf = new List<int>();
        for (int r = 0; r < total;)
        {
            int e = r + 1;
            while (e < total && keys[e] == keys[r]) e++;
            if (e - r > 1) Array.Sort(order, r, e - r);
            distinct.Add(keys[r]);
            firstOf.Add(order[r]);
            for (int k = r; k < e; k++) next[order[k]] = k + 1 < e ? order[k + 1] : -1;
            r = e;
        }
        return new ShingledDocument(doc, words, hashes, paragraphOf, wordIndexOf, paragraphStart, [.. distinct], [.. firstOf], next) { ShingleSize = shingleSize };
    }

    // Per-thread buffers of the distinct-only path: every document of a build goes through it.
    [ThreadStatic] private static List<ulong>? t_wordHashes;
    [ThreadStatic] private static List<WordSpan>? t_spans;
    [ThreadStatic] private static List<ulong>? t_shingles;
    [ThreadStatic] private static ulong[]? t_scratch;

    /// <summary>Only the distinct shingle hashes, in increasing order: one array per document, nothing per paragraph.</summary>
    private static ShingledDocument CreateDistinctOnly(ReuseDocument doc, IReadOnlyList<string> text, int shingleSize)
    {
        var wordHashes = t_wordHashes ??= [];
        var spans = t_spans ??= [];
        var all = t_shingles ??= [];
        all.Clear();
        foreach (var paragraph in text)
        {
            wordHashes.Clear();
            spans.Clear();
            WordTokenizer.TokenizeHashed(paragraph ?? string.Empty, wordHashes, spans);
            var h = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(wordHashes);
            for (int i = 0; i + shingleSize <= h.Length; i++) all.Add(StableHash.Shingle(h, i, shingleSize));
        }
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all);
        var scratch = t_scratch is { } kept && kept.Length >= sorted.Length ? kept : t_scratch = new ulong[Math.Max(sorted.Length, 4096)];
        HashSort.Sort(sorted, scratch);
        int m = 0;
        for (int k = 0; k < sorted.Length; k++)
            if (k == 0 || sorted[k] != sorted[k - 1]) sorted[m++] = sorted[k];
        return new ShingledDocument(doc, [], [], [], [], [], sorted[..m].ToArray(), [], []) { ShingleSize = shingleSize, DistinctOnly = true };
    }
}
