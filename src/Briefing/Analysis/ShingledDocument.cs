using System.Runtime.InteropServices;

namespace Briefing.Analysis;

/// <summary>
/// A document cut into word n-gram shingles. Shingles never cross a paragraph boundary, so
/// every shingle (and every shared passage built from shingles) belongs to one paragraph.
/// A paragraph shorter than the shingle size has no shingles.
/// </summary>
internal sealed class ShingledDocument
{
    private ShingledDocument(
        ReuseDocument source, WordToken[][] words, ulong[] hashes, int[] paragraphOf,
        int[] wordIndexOf, int[] paragraphStart, Dictionary<ulong, int> first, int[] next)
    {
        Source = source;
        Words = words;
        Hashes = hashes;
        ParagraphOf = paragraphOf;
        WordIndexOf = wordIndexOf;
        ParagraphStart = paragraphStart;
        First = first;
        Next = next;
    }

    public ReuseDocument Source { get; }

    /// <summary>The normalised words of each paragraph.</summary>
    public WordToken[][] Words { get; }

    /// <summary>Every shingle occurrence in reading order (paragraph by paragraph).</summary>
    public ulong[] Hashes { get; }

    /// <summary>For each occurrence: its paragraph index.</summary>
    public int[] ParagraphOf { get; }

    /// <summary>For each occurrence: the index of its first word within its paragraph.</summary>
    public int[] WordIndexOf { get; }

    /// <summary>For each paragraph: the index of its first occurrence (length = paragraphs + 1).</summary>
    public int[] ParagraphStart { get; }

    /// <summary>Each distinct shingle hash and its first occurrence.</summary>
    public Dictionary<ulong, int> First { get; }

    /// <summary>For each occurrence: the next occurrence of the same hash, or -1.</summary>
    public int[] Next { get; }

    /// <summary>|shingles(doc)|: the number of distinct shingles.</summary>
    public int DistinctCount => First.Count;

    public static ShingledDocument Create(ReuseDocument doc, int shingleSize)
    {
        var words = new WordToken[doc.Paragraphs.Count][];
        var wordHashes = new ulong[doc.Paragraphs.Count][];
        int total = 0;
        for (int p = 0; p < words.Length; p++)
        {
            words[p] = WordTokenizer.Tokenize(doc.Paragraphs[p] ?? string.Empty);
            wordHashes[p] = Array.ConvertAll(words[p], w => StableHash.Word(w.Word));
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

        // Walk backwards: the map holds the nearest later occurrence of each hash (the next
        // link), and at the end the first occurrence.
        var first = new Dictionary<ulong, int>(total);
        var next = new int[total];
        for (int k = total - 1; k >= 0; k--)
        {
            ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(first, hashes[k], out bool seen);
            next[k] = seen ? slot : -1;
            slot = k;
        }
        paragraphStart[words.Length] = o;
        return new ShingledDocument(doc, words, hashes, paragraphOf, wordIndexOf, paragraphStart, first, next);
    }
}
