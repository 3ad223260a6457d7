namespace Briefing.Analysis;

/// <summary>
/// A maximal run of consecutive words that two documents share, within one paragraph of
/// each.
/// </summary>
/// <param name="ParagraphA">Paragraph index (0-based) in document A.</param>
/// <param name="ParagraphB">Paragraph index (0-based) in document B.</param>
/// <param name="Text">
/// The run as it is written in A (original case and punctuation, from its first to its last
/// shared word). B's wording of the same words may differ in case, punctuation, quote marks
/// or dashes, since words are compared after normalisation.
/// </param>
public sealed record SharedPassage(int ParagraphA, int ParagraphB, string Text)
{
    /// <summary>Index in A's paragraph of the run's first character.</summary>
    public int StartA { get; init; }

    /// <summary>Index in B's paragraph of the run's first character.</summary>
    public int StartB { get; init; }

    /// <summary>Length of the run in B's paragraph (B's own wording is
    /// <c>B.Paragraphs[ParagraphB].Substring(StartB, LengthB)</c>).</summary>
    public int LengthB { get; init; }

    /// <summary>Number of words in the run.</summary>
    public int WordCount { get; init; }
}

/// <summary>
/// What two documents share. A is always the document whose id sorts first (ordinal).
/// </summary>
/// <param name="A">Id of the first document (ordinal order).</param>
/// <param name="B">Id of the second document.</param>
/// <param name="ContainmentAInB">
/// |shingles(A) ∩ shingles(B)| / |shingles(A)|: the share of A's distinct word n-grams that
/// also occur in B (0 when A has no shingles).
/// </param>
/// <param name="ContainmentBInA">|shingles(A) ∩ shingles(B)| / |shingles(B)|.</param>
/// <param name="SharedShingles">|shingles(A) ∩ shingles(B)|, boilerplate shingles excluded.</param>
/// <param name="Flagged">
/// True when the pair likely shares wire copy: see <see cref="TextReuseOptions.FlagThreshold"/>.
/// </param>
/// <param name="Passages">
/// The shared passages in A's reading order (then B's); empty when the pair shares fewer
/// than <see cref="TextReuseOptions.PassageMinSharedShingles"/> shingles.
/// </param>
public sealed record ReusePair(
    string A,
    string B,
    double ContainmentAInB,
    double ContainmentBInA,
    int SharedShingles,
    bool Flagged,
    IReadOnlyList<SharedPassage> Passages)
{
    /// <summary>The larger of the two containments (what the flag is decided on).</summary>
    public double MaxContainment => Math.Max(ContainmentAInB, ContainmentBInA);
}
