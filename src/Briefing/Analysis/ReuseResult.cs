namespace Briefing.Analysis;

/// <summary>
/// What <see cref="TextReuse"/> found in a corpus: the candidate pairs, which wording it treated as stock, and a way to
/// measure any pair exactly (the site shows each copy of a report against the earliest copy, which need not be a
/// counted candidate).
/// </summary>
public sealed class ReuseResult
{
    private readonly HashSet<ulong> _stock;
    private readonly TextReuseOptions _options;
    private readonly ShingleCache? _cache;

    internal ReuseResult(IReadOnlyList<ReusePair> pairs, int stockDocuments, HashSet<ulong> stock, TextReuseOptions options, ShingleCache? cache)
    {
        Pairs = pairs;
        StockDocuments = stockDocuments;
        _stock = stock;
        _options = options;
        _cache = cache;
    }

    /// <summary>The candidate pairs, ordered by (A, B) in ordinal order, where A &lt; B.</summary>
    public IReadOnlyList<ReusePair> Pairs { get; }

    /// <summary>A shingle found in more than this many documents was treated as stock wording.</summary>
    public int StockDocuments { get; }

    /// <summary>Options the analysis ran with.</summary>
    public TextReuseOptions Options => _options;

    /// <summary>
    /// The exact measures and passages of two documents of the analysed corpus (stock wording excluded as in the
    /// analysis), in the pair's (A, B) ordinal order. The site measures a cluster's copies one after another against
    /// its earliest copy: pass that one as <paramref name="x"/>, and it is cut into shingles once.
    /// </summary>
    public ReusePair Measure(ReuseDocument x, ReuseDocument y)
    {
        var dx = Shingled(x, remember: true);
        var dy = Shingled(y, remember: false);
        var (da, db) = string.CompareOrdinal(x.Id, y.Id) < 0 ? (dx, dy) : (dy, dx);
        var shared = TextReuse.SharedCount(da.Distinct, db.Distinct, _stock);
        return TextReuse.Pair(da, db, shared, _options, _stock, shared >= _options.PassageMinSharedShingles);
    }

    private ShingledDocument? _recent;

    private ShingledDocument Shingled(ReuseDocument doc, bool remember)
    {
        if (_cache is not null) return _cache.Get(doc, _options.ShingleSize);
        var recent = _recent;
        if (recent is not null && ReferenceEquals(recent.Source, doc)) return recent;
        var made = ShingledDocument.Create(doc, _options.ShingleSize);
        if (remember) _recent = made;
        return made;
    }
}
