using System.Runtime.InteropServices;
using DiffPlex;

namespace Briefing.Analysis;

/// <summary>The word diff within aligned paragraphs, and the spans of each kind it cuts a paragraph into.</summary>
public static partial class PairAligner
{
    /// <summary>
    /// Word diff of the concatenated words of A's paragraphs against B's (DiffPlex), written
    /// into the per-paragraph kind arrays (Equal by default).
    /// </summary>
    private static void DiffWords(ulong[][] a, DiffKind[][] kindsA, ulong[][] b, DiffKind[][] kindsB)
    {
        // Each distinct word (by its hash) is handed to DiffPlex as one short string of its own: it compares words
        // only for equality, so the result is the same as for the words themselves, without a string per word.
        var ids = new Dictionary<ulong, int>(a.Sum(p => p.Length) + b.Sum(p => p.Length));
        string[] Pieces(ulong[][] paragraphs)
        {
            var pieces = new string[paragraphs.Sum(p => p.Length)];
            var k = 0;
            foreach (var paragraph in paragraphs)
                foreach (var word in paragraph)
                {
                    ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, word, out var seen);
                    if (!seen) id = ids.Count - 1;
                    pieces[k++] = WordId(id);
                }
            return pieces;
        }
        var wordsA = Pieces(a);
        var wordsB = Pieces(b);
        var flatA = new DiffKind[wordsA.Length];
        var flatB = new DiffKind[wordsB.Length];
        if (wordsA.Length == 0 || wordsB.Length == 0)
        {
            Array.Fill(flatA, DiffKind.Deleted);
            Array.Fill(flatB, DiffKind.Inserted);
        }
        else
        {
            // DiffPlex asks its chunker for each text's pieces: the two texts are names, the pieces are ready.
            var result = new Differ().CreateCustomDiffs(
                OldText, NewText,
                ignoreWhiteSpace: false, ignoreCase: false, chunker: s => ReferenceEquals(s, OldText) ? wordsA : wordsB);
            foreach (var block in result.DiffBlocks)
            {
                Array.Fill(flatA, DiffKind.Deleted, block.DeleteStartA, block.DeleteCountA);
                Array.Fill(flatB, DiffKind.Inserted, block.InsertStartB, block.InsertCountB);
            }
        }
        Unflatten(flatA, kindsA);
        Unflatten(flatB, kindsB);

        static void Unflatten(DiffKind[] flat, DiffKind[][] perParagraph)
        {
            int offset = 0;
            foreach (var kinds in perParagraph)
            {
                Array.Copy(flat, offset, kinds, 0, kinds.Length);
                offset += kinds.Length;
            }
        }
    }

    private const string OldText = "A", NewText = "B";

    /// <summary>A word's stand-in for DiffPlex: a distinct short string per number, made once for the process.</summary>
    private static string WordId(int id)
    {
        var ids = Volatile.Read(ref s_wordIds);
        if (id < ids.Length) return ids[id];
        lock (WordIdsLock)
        {
            ids = s_wordIds;
            if (id >= ids.Length)
            {
                var more = new string[Math.Max(id + 1, ids.Length * 2)];
                ids.CopyTo(more, 0);
                for (int i = ids.Length; i < more.Length; i++) more[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Volatile.Write(ref s_wordIds, ids = more);
            }
            return ids[id];
        }
    }

    private static string[] s_wordIds = [];
    private static readonly object WordIdsLock = new();

    /// <summary>
    /// Cuts <paramref name="text"/> into spans by the kinds of its words. Text before the first
    /// word goes with the first word, text after the last with the last, and the text between
    /// two words with them if they are of one kind, otherwise with the Equal one.
    /// </summary>
    private static List<DiffSpan> ToSpans(string text, WordSpan[] words, DiffKind[] kinds, DiffKind noWordsKind)
    {
        if (words.Length == 0)
        {
            return WholeParagraph(noWordsKind, text);
        }
        var spans = new List<DiffSpan>();
        int spanStart = 0;
        for (int w = 0; w < words.Length; w++)
        {
            if (w + 1 == words.Length)
            {
                Add(kinds[w], text.Length);
            }
            else if (kinds[w] != kinds[w + 1])
            {
                int cut = kinds[w] == DiffKind.Equal ? words[w + 1].Start : words[w].End;
                Add(kinds[w], cut);
            }
        }
        return spans;

        void Add(DiffKind kind, int end)
        {
            if (end > spanStart)
            {
                spans.Add(new DiffSpan(kind, text[spanStart..end]));
            }
            spanStart = end;
        }
    }

    private static List<DiffSpan> WholeParagraph(DiffKind kind, string text) =>
        text.Length == 0 ? [] : [new DiffSpan(kind, text)];
}
