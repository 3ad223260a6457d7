namespace Briefing.Analysis;

/// <summary>
/// Settings of the text-reuse analysis. The defaults are the ones the site uses; each is
/// justified below and was checked against the five seed articles (see the real-article
/// test in <c>tests/Briefing.Tests/Analysis</c>).
/// </summary>
public sealed record TextReuseOptions
{
    /// <summary>The settings the site uses.</summary>
    public static TextReuseOptions Default { get; } = new();

    /// <summary>
    /// Words per shingle (word n-gram). Default 8.
    /// </summary>
    /// <remarks>
    /// Long enough that stock phrases, titles and short quoted formulas are shorter than one
    /// shingle or give only one or two: "Chinese President Xi Jinping" (4 words), "community
    /// with a shared future" (5), "Comprehensive Strategic Partnership" (3), "colour
    /// revolution" (2). Short enough to survive a copy editor: if a rewrite changes a fraction
    /// <c>p</c> of the words independently, a fraction (1 − p)^8 of the shingles survive, so a
    /// text with one word in five changed still keeps about 17% of its shingles (1 − 0.2)^8,
    /// while unrelated reports of the same event share well under 1%. Eight is also in the
    /// usual range for near-duplicate detection on news (5–10 words).
    /// </remarks>
    public int ShingleSize { get; init; } = 8;

    /// <summary>
    /// A pair is flagged ("share wording — likely the same wire report") when
    /// max(containment A in B, containment B in A) ≥ this value (and at least
    /// <see cref="MinSharedShinglesToFlag"/> shingles are shared). Default 0.10.
    /// </summary>
    /// <remarks>
    /// <para>Derivation. Independent reports of the same event share stock phrases and
    /// verbatim quotations, each of which is one short run: a 20-word quotation shared by two
    /// 400-word articles is 13 shingles of about 393, a containment of 0.033; two such
    /// quotations 0.066. The seed pairs that are not the same copy measure at most 0.005.
    /// Text that comes from the same wire copy shares runs across the whole article: with 8-word
    /// shingles, a rewrite that changes up to one word in four independently keeps
    /// (3/4)^8 ≈ 0.10 of its shingles. So 0.10 sits three times above a long shared
    /// quotation and flags any copy in which at least about three words in four survive
    /// unchanged.</para>
    /// <para>Why max and not min: an article that reprints a whole wire story inside a longer
    /// piece contains the other almost entirely (high one way, low the other); that is reuse
    /// too.</para>
    /// </remarks>
    public double FlagThreshold { get; init; } = 0.10;

    /// <summary>
    /// A pair is flagged only if it shares at least this many shingles, so two very short
    /// texts sharing one sentence are not called the same wire report. Default 10 (a run of
    /// at least 17 shared words, or several shorter ones).
    /// </summary>
    public int MinSharedShinglesToFlag { get; init; } = 10;

    /// <summary>
    /// Shared passages (maximal runs of shared words) are computed only for pairs that share
    /// at least this many shingles. Default 1: on a briefing-sized site every pair that shares
    /// anything shows what it shares. Computing them costs one hash lookup per shingle of the
    /// pair's first document, so raise this on very large corpora where many pairs share a
    /// stray phrase.
    /// </summary>
    public int PassageMinSharedShingles { get; init; } = 1;

    /// <summary>
    /// A shingle found in more than <see cref="StockDocuments"/> of the N documents is stock wording (a standard
    /// dateline, credit line, "did not immediately respond to a request for comment", an outlet's footer): it forms no
    /// candidate pair, is not counted in <see cref="ReusePair.SharedShingles"/> or the containment numerators, and does
    /// not form passages. It still counts in each document's total, so stock wording can only lower containment, never
    /// raise it. Default 0.05.
    /// </summary>
    public double StockDocumentFraction { get; init; } = 0.05;

    /// <summary>
    /// The smallest document frequency that can make a shingle stock wording, so that in small corpora nothing is
    /// skipped: a wire story carried by 50 outlets is reuse, not stock wording, however few articles the site has.
    /// Default 50.
    /// </summary>
    public int StockMinDocuments { get; init; } = 50;

    /// <summary>
    /// The largest document frequency that a shingle may have and still count, whatever N is. This bound is what makes
    /// the cost of counting follow the number of articles rather than what they say: a shingle's documents are at most
    /// this many, so the pairs it credits are bounded (see <see cref="AllPairsMaxDocuments"/>). A wire story carried
    /// by more outlets than this, word for word, is treated as stock wording. Default 100, the maximum document
    /// frequency that passim (reprint detection in historical newspapers) uses by default.
    /// </summary>
    public int StockMaxDocuments { get; init; } = 100;

    /// <summary>
    /// A shingle held by at most this many documents adds one to the count of every pair of them. One held by more
    /// (up to the stock bound) adds one to the pairs of its first document (in id order) with each of the others only:
    /// a cluster of copies of one report is then counted as a star around one copy, linear in its size, and not as
    /// all n·(n − 1)/2 pairs; the pairs the site shows are measured exactly afterwards
    /// (<see cref="ReuseResult.Measure"/>). Default 8.
    /// </summary>
    public int AllPairsMaxDocuments { get; init; } = 8;

    /// <summary>The document frequency above which a shingle is stock wording in a corpus of <paramref name="documents"/>.</summary>
    public int StockDocuments(int documents) =>
        Math.Min(StockMaxDocuments, Math.Max(StockMinDocuments, (int)Math.Floor(StockDocumentFraction * documents)));

    /// <summary>Throws if a setting is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ShingleSize, 1, nameof(ShingleSize));
        if (double.IsNaN(FlagThreshold) || FlagThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FlagThreshold), FlagThreshold, "must be in (0, 1]");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(MinSharedShinglesToFlag, 1, nameof(MinSharedShinglesToFlag));
        ArgumentOutOfRangeException.ThrowIfLessThan(PassageMinSharedShingles, 1, nameof(PassageMinSharedShingles));
        if (double.IsNaN(StockDocumentFraction) || StockDocumentFraction is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(StockDocumentFraction), StockDocumentFraction, "must be in (0, 1]");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(StockMinDocuments, 2, nameof(StockMinDocuments));
        ArgumentOutOfRangeException.ThrowIfLessThan(StockMaxDocuments, StockMinDocuments, nameof(StockMaxDocuments));
        ArgumentOutOfRangeException.ThrowIfLessThan(AllPairsMaxDocuments, 2, nameof(AllPairsMaxDocuments));
    }
}
