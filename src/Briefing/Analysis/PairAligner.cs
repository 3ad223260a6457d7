using DiffPlex;

namespace Briefing.Analysis;

/// <summary>How a span of words relates A to B: kept, added by B, or dropped from A.</summary>
public enum DiffKind
{
    /// <summary>The words are in both texts.</summary>
    Equal,

    /// <summary>The words are in B only (B added them).</summary>
    Inserted,

    /// <summary>The words are in A only (B dropped them).</summary>
    Deleted,
}

/// <summary>A run of text of one kind, as written in its own document.</summary>
public sealed record DiffSpan(DiffKind Kind, string Text);

/// <summary>
/// One row of the side-by-side view: a paragraph of A and the paragraph of B it was paired
/// with, or a paragraph that has no counterpart on the other side.
/// </summary>
/// <param name="ParagraphA">Index (0-based) of A's paragraph, or null when the row is B's alone.</param>
/// <param name="ParagraphB">Index (0-based) of B's paragraph, or null when the row is A's alone.</param>
/// <param name="SpansA">
/// A's paragraph cut into <see cref="DiffKind.Equal"/> and <see cref="DiffKind.Deleted"/>
/// spans; concatenated, they give the paragraph exactly. Empty when ParagraphA is null.
/// </param>
/// <param name="SpansB">
/// B's paragraph cut into <see cref="DiffKind.Equal"/> and <see cref="DiffKind.Inserted"/>
/// spans; concatenated, they give the paragraph exactly. Empty when ParagraphB is null.
/// </param>
public sealed record AlignedRow(int? ParagraphA, int? ParagraphB, IReadOnlyList<DiffSpan> SpansA, IReadOnlyList<DiffSpan> SpansB)
{
    /// <summary>
    /// For a row with one side only whose paragraph is a piece of a paragraph on the other
    /// side (one text split a paragraph in two, or merged two): the index of that paragraph on
    /// the other side, which sits in the adjacent paired row. The row's
    /// <see cref="DiffKind.Equal"/> spans are the words it shares with that paragraph.
    /// Null for paired rows and for paragraphs with no counterpart at all (those are
    /// <see cref="DiffKind.Deleted"/> or <see cref="DiffKind.Inserted"/> throughout).
    /// </summary>
    public int? CounterpartParagraph { get; init; }
}

/// <summary>
/// Aligns two texts paragraph by paragraph and marks, within each aligned pair, which words
/// were kept, added and dropped. Meant for flagged pairs only (the page
/// <c>/compare/&lt;a&gt;--&lt;b&gt;/</c>): it is the one place the analysis runs a word diff.
/// </summary>
/// <remarks>
/// <para>Paragraph pairing. The similarity of two paragraphs is the Dice coefficient of their
/// sets of word bigrams (normalised words, as in <see cref="WordTokenizer"/>):
/// 2·|B(p) ∩ B(q)| / (|B(p)| + |B(q)|). Paragraphs are paired one to one and in order by a
/// longest common subsequence over paragraphs that maximises the summed similarity; only
/// pairs with similarity ≥ the minimum (<see cref="DefaultMinParagraphSimilarity"/>) may be
/// paired. Ties go to the earliest pairing.</para>
/// <para>Split and merged paragraphs. A paragraph left unpaired right next to a paired row
/// is attached to that row when at least <see cref="PieceContainment"/> of its bigrams (and no
/// fewer than <see cref="MinPieceBigrams"/>) occur in the row's paragraph on the other side
/// and are not already accounted for by the paragraph it is paired with (one text cut the
/// paragraph in two). It keeps a
/// row of its own with one side (<see cref="AlignedRow.CounterpartParagraph"/> says which
/// paragraph it belongs with), but its words are diffed together with the paired row, so the
/// words it shares are marked <see cref="DiffKind.Equal"/> on both sides rather than as
/// dropped on one and added on the other. Other unpaired paragraphs become rows with one side
/// only, entirely <see cref="DiffKind.Deleted"/> (A) or <see cref="DiffKind.Inserted"/> (B).
/// Within a gap between paired rows the order is: pieces of the row above, A's unpaired
/// paragraphs, B's unpaired paragraphs, pieces of the row below.</para>
/// <para>Word diff. DiffPlex (Myers' algorithm) over the normalised words, so differences of
/// case, punctuation, quote marks or dashes are not changes. Spans carry the original text;
/// the white space and punctuation between two words of different kinds goes to the
/// <see cref="DiffKind.Equal"/> span, so a changed span starts and ends on a word.</para>
/// <para>Deterministic: same input, same rows.</para>
/// </remarks>
public static class PairAligner
{
    /// <summary>
    /// Paragraphs whose bigram Dice similarity is below this are never paired. Default 0.2:
    /// unrelated paragraphs about the same event share a few bigrams ("the two", "china and"),
    /// typically Dice ≤ 0.1, while a rewritten paragraph of the seed wire copy keeps Dice ≥ 0.3.
    /// </summary>
    public const double DefaultMinParagraphSimilarity = 0.2;

    /// <summary>
    /// An unpaired paragraph next to a paired row is treated as a piece of that row's paragraph
    /// on the other side when at least this share of its bigrams occur there. 0.3.
    /// </summary>
    public const double PieceContainment = 0.3;

    /// <summary>The fewest shared bigrams that make a paragraph a piece of another (3), so a
    /// two-word subhead never counts as one.</summary>
    public const int MinPieceBigrams = 3;

    /// <summary>Aligns <paramref name="a"/> with <paramref name="b"/> (A → B).</summary>
    public static IReadOnlyList<AlignedRow> Align(ReuseDocument a, ReuseDocument b) =>
        Align(a, b, DefaultMinParagraphSimilarity);

    /// <summary>Aligns <paramref name="a"/> with <paramref name="b"/> (A → B), pairing only
    /// paragraphs at least <paramref name="minParagraphSimilarity"/> similar.</summary>
    public static IReadOnlyList<AlignedRow> Align(ReuseDocument a, ReuseDocument b, double minParagraphSimilarity)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (double.IsNaN(minParagraphSimilarity) || minParagraphSimilarity is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minParagraphSimilarity), minParagraphSimilarity, "must be in (0, 1]");
        }

        var sideA = new Side(a);
        var sideB = new Side(b);
        var pairs = PairParagraphs(sideA, sideB, minParagraphSimilarity);
        var groups = pairs.Select(p => new Group(p.A, p.B)).ToArray();

        // Gap g lies between paired rows g - 1 and g. Its unpaired paragraphs that are pieces of
        // a neighbouring row join that row's group; the rest are free.
        var freeA = new List<int>[groups.Length + 1];
        var freeB = new List<int>[groups.Length + 1];
        for (int g = 0; g <= groups.Length; g++)
        {
            var above = g > 0 ? groups[g - 1] : null;
            var below = g < groups.Length ? groups[g] : null;
            freeA[g] = SplitGap(sideA, sideB, above?.A ?? -1, below?.A ?? sideA.Count, above?.B, below?.B,
                above?.AfterA, below?.BeforeA);
            freeB[g] = SplitGap(sideB, sideA, above?.B ?? -1, below?.B ?? sideB.Count, above?.A, below?.A,
                above?.AfterB, below?.BeforeB);
        }

        var rows = new List<AlignedRow>();
        for (int g = 0; g <= groups.Length; g++)
        {
            rows.AddRange(freeA[g].Select(i => new AlignedRow(i, null, WholeParagraph(DiffKind.Deleted, sideA.Text[i]), [])));
            rows.AddRange(freeB[g].Select(j => new AlignedRow(null, j, [], WholeParagraph(DiffKind.Inserted, sideB.Text[j]))));
            if (g < groups.Length)
            {
                AddGroup(rows, groups[g], sideA, sideB);
            }
        }
        return rows;
    }

    /// <summary>Rows for one paired row and its pieces, diffed together.</summary>
    private static void AddGroup(List<AlignedRow> rows, Group group, Side a, Side b)
    {
        int[] parasA = [.. group.BeforeA, group.A, .. group.AfterA];
        int[] parasB = [.. group.BeforeB, group.B, .. group.AfterB];
        var kindsA = parasA.Select(i => new DiffKind[a.Words[i].Length]).ToArray();
        var kindsB = parasB.Select(j => new DiffKind[b.Words[j].Length]).ToArray();
        DiffWords(parasA.Select(i => a.Words[i]).ToArray(), kindsA, parasB.Select(j => b.Words[j]).ToArray(), kindsB);

        var spansA = parasA.Select((i, k) => ToSpans(a.Text[i], a.Words[i], kindsA[k], DiffKind.Deleted)).ToArray();
        var spansB = parasB.Select((j, k) => ToSpans(b.Text[j], b.Words[j], kindsB[k], DiffKind.Inserted)).ToArray();
        int pairA = group.BeforeA.Count;
        int pairB = group.BeforeB.Count;

        for (int k = 0; k < pairA; k++)
        {
            rows.Add(new AlignedRow(parasA[k], null, spansA[k], []) { CounterpartParagraph = group.B });
        }
        for (int k = 0; k < pairB; k++)
        {
            rows.Add(new AlignedRow(null, parasB[k], [], spansB[k]) { CounterpartParagraph = group.A });
        }
        rows.Add(new AlignedRow(group.A, group.B, spansA[pairA], spansB[pairB]));
        for (int k = pairA + 1; k < parasA.Length; k++)
        {
            rows.Add(new AlignedRow(parasA[k], null, spansA[k], []) { CounterpartParagraph = group.B });
        }
        for (int k = pairB + 1; k < parasB.Length; k++)
        {
            rows.Add(new AlignedRow(null, parasB[k], [], spansB[k]) { CounterpartParagraph = group.A });
        }
    }

    /// <summary>
    /// Sorts the unpaired paragraphs strictly between <paramref name="after"/> and
    /// <paramref name="before"/> on one side (the paired paragraphs on this side above and
    /// below the gap): a leading run that are pieces of the paired row above, whose paragraph on
    /// the other side is <paramref name="partnerAbove"/>; a trailing run that are pieces of the
    /// row below (<paramref name="partnerBelow"/>); and the free ones in between (returned).
    /// </summary>
    /// <remarks>
    /// A piece must find its words in what the partner paragraph has left over: the partner's
    /// bigrams that the paired paragraph (and pieces already attached) do not already account
    /// for. So a headline that repeats a few words of the first paragraph does not steal them.
    /// </remarks>
    private static List<int> SplitGap(
        Side side, Side other, int after, int before, int? partnerAbove, int? partnerBelow,
        List<int>? piecesAbove, List<int>? piecesBelow)
    {
        int first = after + 1;
        int last = before - 1;
        if (partnerAbove is int up && piecesAbove is not null)
        {
            var leftAbove = LeftOver(other.Bigrams[up], side.Bigrams[after]);
            var leftBelow = partnerBelow is int down2 ? LeftOver(other.Bigrams[down2], side.Bigrams[before]) : [];
            while (first <= last && IsPiece(side.Bigrams[first], leftAbove, out double toAbove)
                   && toAbove >= PieceContainmentIn(side.Bigrams[first], leftBelow))
            {
                RemoveAll(leftAbove, side.Bigrams[first]);
                piecesAbove.Add(first++);
            }
        }
        if (partnerBelow is int down && piecesBelow is not null)
        {
            var leftBelow = LeftOver(other.Bigrams[down], side.Bigrams[before]);
            var below = new List<int>();
            while (first <= last && IsPiece(side.Bigrams[last], leftBelow, out _))
            {
                RemoveAll(leftBelow, side.Bigrams[last]);
                below.Add(last--);
            }
            below.Reverse();
            piecesBelow.AddRange(below);
        }
        return [.. Enumerable.Range(first, Math.Max(0, last - first + 1))];

        static HashSet<ulong> LeftOver(HashSet<ulong> partner, HashSet<ulong> paired)
        {
            var left = new HashSet<ulong>(partner);
            RemoveAll(left, paired);
            return left;
        }

        // ExceptWith takes any IEnumerable and so boxes the set's enumerator on every call
        static void RemoveAll(HashSet<ulong> from, HashSet<ulong> these)
        {
            foreach (var x in these) from.Remove(x);
        }
    }

    /// <summary>
    /// Whether a paragraph with bigrams <paramref name="piece"/> is a piece of a paragraph
    /// whose unaccounted bigrams are <paramref name="leftOver"/>: it shares at least
    /// <see cref="MinPieceBigrams"/> of them and they make at least
    /// <see cref="PieceContainment"/> of its own bigrams.
    /// </summary>
    private static bool IsPiece(HashSet<ulong> piece, HashSet<ulong> leftOver, out double containment)
    {
        int shared = Shared(piece, leftOver);
        containment = piece.Count == 0 ? 0 : (double)shared / piece.Count;
        return shared >= MinPieceBigrams && containment >= PieceContainment;
    }

    private static double PieceContainmentIn(HashSet<ulong> piece, HashSet<ulong> leftOver) =>
        piece.Count == 0 ? 0 : (double)Shared(piece, leftOver) / piece.Count;

    /// <summary>Dice coefficient of two bigram sets.</summary>
    private static double Dice(HashSet<ulong> p, HashSet<ulong> q) =>
        p.Count == 0 || q.Count == 0 ? 0 : 2.0 * Shared(p, q) / (p.Count + q.Count);

    /// <summary>|p ∩ q|, looking up the smaller set's bigrams in the larger.</summary>
    private static int Shared(HashSet<ulong> p, HashSet<ulong> q)
    {
        var (small, large) = p.Count <= q.Count ? (p, q) : (q, p);
        var shared = 0;
        foreach (var x in small)
            if (large.Contains(x)) shared++;
        return shared;
    }

    /// <summary>
    /// The paragraph pairs (i, j), increasing in both, that maximise the summed similarity
    /// among pairs at or above the threshold (a weighted LCS). Ties go to the earlier pairing.
    /// </summary>
    private static List<(int A, int B)> PairParagraphs(Side a, Side b, double min)
    {
        int n = a.Count, m = b.Count;
        var sim = new double[n, m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double s = Dice(a.Bigrams[i], b.Bigrams[j]);
                sim[i, j] = s >= min ? s : 0;
            }
        }

        // best[i, j]: the best total for the suffixes a[i..] and b[j..]. Filled backwards so
        // that the trace-back runs forwards and can prefer pairing early.
        var best = new double[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                double pair = sim[i, j] > 0 ? sim[i, j] + best[i + 1, j + 1] : 0;
                best[i, j] = Math.Max(pair, Math.Max(best[i + 1, j], best[i, j + 1]));
            }
        }

        var pairs = new List<(int, int)>();
        for (int i = 0, j = 0; i < n && j < m;)
        {
            if (sim[i, j] > 0 && best[i, j] == sim[i, j] + best[i + 1, j + 1])
            {
                pairs.Add((i, j));
                i++;
                j++;
            }
            else if (best[i, j] == best[i + 1, j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return pairs;
    }

    /// <summary>
    /// Word diff of the concatenated words of A's paragraphs against B's (DiffPlex), written
    /// into the per-paragraph kind arrays (Equal by default).
    /// </summary>
    private static void DiffWords(WordToken[][] a, DiffKind[][] kindsA, WordToken[][] b, DiffKind[][] kindsB)
    {
        var wordsA = a.SelectMany(p => p).Select(w => w.Word).ToArray();
        var wordsB = b.SelectMany(p => p).Select(w => w.Word).ToArray();
        var flatA = new DiffKind[wordsA.Length];
        var flatB = new DiffKind[wordsB.Length];
        if (wordsA.Length == 0 || wordsB.Length == 0)
        {
            Array.Fill(flatA, DiffKind.Deleted);
            Array.Fill(flatB, DiffKind.Inserted);
        }
        else
        {
            // Words never contain '\n', so joining and splitting on it hands DiffPlex our words.
            var result = new Differ().CreateCustomDiffs(
                string.Join('\n', wordsA), string.Join('\n', wordsB),
                ignoreWhiteSpace: false, ignoreCase: false, chunker: s => s.Split('\n'));
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

    /// <summary>
    /// Cuts <paramref name="text"/> into spans by the kinds of its words. Text before the first
    /// word goes with the first word, text after the last with the last, and the text between
    /// two words with them if they are of one kind, otherwise with the Equal one.
    /// </summary>
    private static List<DiffSpan> ToSpans(string text, WordToken[] words, DiffKind[] kinds, DiffKind noWordsKind)
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

    /// <summary>One document's paragraphs, words and word-bigram sets.</summary>
    private sealed class Side
    {
        public Side(ReuseDocument doc)
        {
            Text = doc.Paragraphs.Select(p => p ?? string.Empty).ToArray();
            Words = Array.ConvertAll(Text, WordTokenizer.Tokenize);
            Bigrams = Array.ConvertAll(Words, BigramsOf);
        }

        public string[] Text { get; }

        public WordToken[][] Words { get; }

        public HashSet<ulong>[] Bigrams { get; }

        public int Count => Text.Length;

        // Word bigrams, each as a 64-bit hash of its two words; a one-word paragraph is its single word.
        private static HashSet<ulong> BigramsOf(WordToken[] words)
        {
            var set = new HashSet<ulong>(Math.Max(1, words.Length));
            if (words.Length == 1)
            {
                set.Add(Bigram(StableHash.Word(words[0].Word), 0));
                return set;
            }
            var previous = words.Length > 0 ? StableHash.Word(words[0].Word) : 0;
            for (int i = 0; i + 1 < words.Length; i++)
            {
                var next = StableHash.Word(words[i + 1].Word);
                set.Add(Bigram(previous, next));
                previous = next;
            }
            return set;
        }

        private static ulong Bigram(ulong first, ulong second) => (first * 0x9E3779B97F4A7C15UL) ^ ((second << 31) | (second >> 33)) ^ second;
    }

    /// <summary>A paired row (A, B) with the pieces attached before and after it on each side.</summary>
    private sealed class Group(int a, int b)
    {
        public int A { get; } = a;

        public int B { get; } = b;

        public List<int> BeforeA { get; } = [];

        public List<int> AfterA { get; } = [];

        public List<int> BeforeB { get; } = [];

        public List<int> AfterB { get; } = [];
    }
}
