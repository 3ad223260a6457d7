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
