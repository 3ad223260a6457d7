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
    // each document's shingles as the analysis made them (distinct ones at least), until Release
    private Dictionary<string, ShingledDocument>? _shingled;

    internal ReuseResult(IReadOnlyList<ReusePair> pairs, int stockDocuments, HashSet<ulong> stock, TextReuseOptions options, ShingleCache? cache, ShingledDocument[] shingled)
    {
        Pairs = pairs;
        StockDocuments = stockDocuments;
        _stock = stock;
        _options = options;
        _cache = cache;
        _shingled = shingled.ToDictionary(d => d.Source.Id, StringComparer.Ordinal);
    }

    /// <summary>Lets go of every document's shingles: measures after this cut the documents again.</summary>
    public void Release() => _shingled = null;

    /// <summary>The candidate pairs, ordered by (A, B) in ordinal order, where A &lt; B.</summary>
    public IReadOnlyList<ReusePair> Pairs { get; }

    /// <summary>A shingle found in more than this many documents was treated as stock wording.</summary>
    public int StockDocuments { get; }

    /// <summary>Options the analysis ran with.</summary>
    public TextReuseOptions Options => _options;

    /// <summary>
    /// The exact measures of two documents of the analysed corpus (stock wording excluded as in the analysis), in the
    /// pair's (A, B) ordinal order, with their passages when asked. The site measures a cluster's copies one after
    /// another against its earliest copy: pass that one as <paramref name="x"/>, and it is cut into shingles once.
    /// </summary>
    public ReusePair Measure(ReuseDocument x, ReuseDocument y, bool passages = true)
    {
        var dx = passages ? Shingled(x, remember: true) : Distinct(x);
        var dy = passages ? _cache?.Get(y, _options.ShingleSize) ?? ShingledDocument.Create(y, _options.ShingleSize) : Distinct(y);
        var (da, db) = string.CompareOrdinal(x.Id, y.Id) < 0 ? (dx, dy) : (dy, dx);
        var shared = TextReuse.SharedCount(da.Distinct, db.Distinct, _stock);
        return TextReuse.Pair(da, db, shared, _options, _stock, passages && shared >= _options.PassageMinSharedShingles);
    }

    /// <summary>
    /// A cluster's copies measured against its earliest copy (each as <see cref="Measure"/> does, without passages), and,
    /// when asked, for each paragraph of <paramref name="earliest"/> how many of the copies keep it: hold at least half
    /// of its shingles (stock wording aside). A paragraph with no shingle to compare (shorter than a shingle, or stock
    /// wording only) is -1. One merge of two sorted hash arrays per copy.
    /// </summary>
    public (IReadOnlyList<ReusePair> Copies, int[] Kept) MeasureCluster(ReuseDocument earliest, IReadOnlyList<ReuseDocument> copies, bool kept)
    {
        var e = kept ? Shingled(earliest, remember: true) : Distinct(earliest);
        var distinct = e.Distinct;
        var isStock = Array.ConvertAll(distinct, _stock.Contains);
        // each paragraph's distinct, non-stock shingles, as indexes into the earliest copy's distinct hashes
        var paragraphs = new int[kept ? earliest.Paragraphs.Count : 0][];
        for (int p = 0; p < paragraphs.Length; p++)
        {
            paragraphs[p] = e.Hashes.AsSpan(e.ParagraphStart[p], e.ParagraphStart[p + 1] - e.ParagraphStart[p]).ToArray()
                .Select(h => Array.BinarySearch(distinct, h)).Where(i => !isStock[i]).Distinct().ToArray();
        }
        var keptBy = paragraphs.Select(x => x.Length == 0 ? -1 : 0).ToArray();
        var present = new bool[distinct.Length];
        var pairs = new ReusePair[copies.Count];
        for (int c = 0; c < copies.Count; c++)
        {
            var copy = Distinct(copies[c]);
            var other = copy.Distinct;
            int i = 0, j = 0, shared = 0;
            while (i < distinct.Length && j < other.Length)
            {
                if (distinct[i] < other[j]) i++;
                else if (other[j] < distinct[i]) j++;
                else
                {
                    present[i] = true;
                    if (!isStock[i]) shared++;
                    i++;
                    j++;
                }
            }
            pairs[c] = string.CompareOrdinal(earliest.Id, copies[c].Id) < 0
                ? TextReuse.Pair(e, copy, shared, _options, _stock, withPassages: false)
                : TextReuse.Pair(copy, e, shared, _options, _stock, withPassages: false);
            for (int p = 0; p < paragraphs.Length; p++)
            {
                if (keptBy[p] < 0) continue;
                int found = 0;
                foreach (var k in paragraphs[p]) if (present[k]) found++;
                if (2 * found >= paragraphs[p].Length) keptBy[p]++;
            }
            Array.Clear(present);
        }
        return (pairs, keptBy);
    }

    private ShingledDocument? _recent;

    private ShingledDocument Distinct(ReuseDocument doc) =>
        _shingled?.GetValueOrDefault(doc.Id) ?? _cache?.Get(doc, _options.ShingleSize) ?? ShingledDocument.Create(doc, _options.ShingleSize, distinctOnly: true);

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
