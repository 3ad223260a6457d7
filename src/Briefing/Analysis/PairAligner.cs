namespace Briefing.Analysis;

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
public static partial class PairAligner
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

        var spansA = parasA.Select((i, k) => ToSpans(a.Text[i], a.Spans[i], kindsA[k], DiffKind.Deleted)).ToArray();
        var spansB = parasB.Select((j, k) => ToSpans(b.Text[j], b.Spans[j], kindsB[k], DiffKind.Inserted)).ToArray();
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
        if (partnerAbove is int up && piecesAbove is not null && first <= last)
        {
            var leftAbove = Except(other.Bigrams[up], side.Bigrams[after]);
            var leftBelow = partnerBelow is int down2 ? Except(other.Bigrams[down2], side.Bigrams[before]) : [];
            while (first <= last && IsPiece(side.Bigrams[first], leftAbove, out double toAbove)
                   && toAbove >= PieceContainmentIn(side.Bigrams[first], leftBelow))
            {
                leftAbove = Except(leftAbove, side.Bigrams[first]);
                piecesAbove.Add(first++);
            }
        }
        if (partnerBelow is int down && piecesBelow is not null && first <= last)
        {
            var leftBelow = Except(other.Bigrams[down], side.Bigrams[before]);
            var at = piecesBelow.Count;
            while (first <= last && IsPiece(side.Bigrams[last], leftBelow, out _))
            {
                leftBelow = Except(leftBelow, side.Bigrams[last]);
                piecesBelow.Insert(at, last--);
            }
        }
        return [.. Enumerable.Range(first, Math.Max(0, last - first + 1))];
    }

    /// <summary>The sorted set <paramref name="from"/> without the elements of the sorted set <paramref name="these"/>.</summary>
    private static ulong[] Except(ulong[] from, ulong[] these)
    {
        var shared = Shared(from, these);
        if (shared == 0) return from;
        var left = new ulong[from.Length - shared];
        int i = 0, j = 0, k = 0;
        while (i < from.Length)
        {
            if (j == these.Length || from[i] < these[j]) left[k++] = from[i++];
            else if (from[i] > these[j]) j++;
            else { i++; j++; }
        }
        return left;
    }

    /// <summary>
    /// Whether a paragraph with bigrams <paramref name="piece"/> is a piece of a paragraph
    /// whose unaccounted bigrams are <paramref name="leftOver"/>: it shares at least
    /// <see cref="MinPieceBigrams"/> of them and they make at least
    /// <see cref="PieceContainment"/> of its own bigrams.
    /// </summary>
    private static bool IsPiece(ulong[] piece, ulong[] leftOver, out double containment)
    {
        int shared = Shared(piece, leftOver);
        containment = piece.Length == 0 ? 0 : (double)shared / piece.Length;
        return shared >= MinPieceBigrams && containment >= PieceContainment;
    }

    private static double PieceContainmentIn(ulong[] piece, ulong[] leftOver) =>
        piece.Length == 0 ? 0 : (double)Shared(piece, leftOver) / piece.Length;

    /// <summary>
    /// |bigrams(a's paragraph i) ∩ bigrams(b's paragraph j)| for every i and j: each of a's bigrams looked up among all of
    /// b's (sorted, with their paragraphs), rather than a merge for each of the n × m pairs of paragraphs.
    /// </summary>
    private static int[,] SharedBigrams(Side a, Side b)
    {
        var shared = new int[a.Count, b.Count];
        int total = 0;
        foreach (var set in b.Bigrams) total += set.Length;
        var keys = new ulong[total];
        var paragraphs = new int[total];
        for (int j = 0, at = 0; j < b.Count; j++)
            foreach (var h in b.Bigrams[j])
            {
                keys[at] = h;
                paragraphs[at++] = j;
            }
        Array.Sort(keys, paragraphs);
        for (int i = 0; i < a.Count; i++)
            foreach (var h in a.Bigrams[i])
            {
                int k = Array.BinarySearch(keys, h);
                if (k < 0) continue;
                while (k > 0 && keys[k - 1] == h) k--;
                for (; k < total && keys[k] == h; k++) shared[i, paragraphs[k]]++; // a paragraph's bigrams are distinct
            }
        return shared;
    }

    /// <summary>|p ∩ q| of two sets held as sorted arrays of distinct values: one merge of the two.</summary>
    private static int Shared(ulong[] p, ulong[] q)
    {
        int i = 0, j = 0, shared = 0;
        while (i < p.Length && j < q.Length)
        {
            if (p[i] < q[j]) i++;
            else if (p[i] > q[j]) j++;
            else { shared++; i++; j++; }
        }
        return shared;
    }

    /// <summary>
    /// The paragraph pairs (i, j), increasing in both, that maximise the summed similarity
    /// among pairs at or above the threshold (a weighted LCS). Ties go to the earlier pairing.
    /// </summary>
    private static List<(int A, int B)> PairParagraphs(Side a, Side b, double min)
    {
        int n = a.Count, m = b.Count;
        var shared = SharedBigrams(a, b);
        var sim = new double[n, m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                var (p, q) = (a.Bigrams[i].Length, b.Bigrams[j].Length);
                double s = p == 0 || q == 0 ? 0 : 2.0 * shared[i, j] / (p + q); // Dice
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
    /// One document's paragraphs; each paragraph's words (normalised, as their <see cref="StableHash.Word(string)"/>
    /// hashes: words are only compared) and where they are; and its set of word bigrams, as a sorted array of distinct values.
    /// </summary>
    private sealed class Side
    {
        public Side(ReuseDocument doc)
        {
            Text = doc.Paragraphs.Select(p => p ?? string.Empty).ToArray();
            Words = new ulong[Text.Length][];
            Spans = new WordSpan[Text.Length][];
            Bigrams = new ulong[Text.Length][];
            var hashes = new List<ulong>();
            var spans = new List<WordSpan>();
            for (int p = 0; p < Text.Length; p++)
            {
                hashes.Clear();
                spans.Clear();
                WordTokenizer.TokenizeHashed(Text[p], hashes, spans);
                Words[p] = [.. hashes];
                Spans[p] = [.. spans];
                Bigrams[p] = BigramsOf(Words[p]);
            }
        }

        public string[] Text { get; }

        public ulong[][] Words { get; }

        public WordSpan[][] Spans { get; }

        public ulong[][] Bigrams { get; }

        public int Count => Text.Length;

        // Word bigrams, each as a 64-bit hash of its two words; a one-word paragraph is its single word.
        private static ulong[] BigramsOf(ulong[] words)
        {
            if (words.Length == 0) return [];
            if (words.Length == 1) return [Bigram(words[0], 0)];
            var set = new ulong[words.Length - 1];
            for (int i = 0; i + 1 < words.Length; i++) set[i] = Bigram(words[i], words[i + 1]);
            HashSort.Sort(set, set.Length <= 1024 ? stackalloc ulong[set.Length] : new ulong[set.Length]);
            int distinct = 1;
            for (int i = 1; i < set.Length; i++)
                if (set[i] != set[distinct - 1]) set[distinct++] = set[i];
            return distinct == set.Length ? set : set[..distinct];
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
