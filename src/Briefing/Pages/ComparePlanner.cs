using System.Text.RegularExpressions;
using Briefing.Analysis;
using Briefing.Rendering;
using Briefing.Text;

namespace Briefing.Pages;

public sealed partial class Planner
{
    [GeneratedRegex(@"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|twenty|thirty|forty|fifty|hundred|dozens?|scores?|few|several|first|second|third|fourth|fifth)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWord();

    /// <summary>
    /// The numbers a quote gives ("16-page", "13 major agreements", "dozens of", "fourth"), lower-cased. Spelled-out
    /// words that do not count anything are skipped: "the two sides", "one of its".
    /// </summary>
    public static IReadOnlyList<string> Numbers(string quote) =>
        Counting(quote).Select(m => m.Value.ToLowerInvariant().TrimEnd('.', ','))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    // Each quote's numbers, joined, made once per quote string (summaries, and so their quote strings, are kept by the preview).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string> NumbersByQuote = new();

    private static string NumbersOf(string quote) => NumbersByQuote.GetValue(quote, q => string.Join(" ", Numbers(q)));

    /// <summary>Each number with the word it counts, as the quote prints it: "three months", "a few months", "16-page".</summary>
    public static IReadOnlyList<string> NumberPhrases(string quote) =>
        Counting(quote).Select(m =>
        {
            var start = m.Index;
            if (m.Value.Equals("few", StringComparison.OrdinalIgnoreCase) && start >= 2 && quote.AsSpan(0, start).TrimEnd().EndsWith(" a", StringComparison.OrdinalIgnoreCase))
                start = quote.AsSpan(0, start).TrimEnd().Length - 1;
            var next = CountedWord().Match(quote, m.Index + m.Length);
            return quote[start..(m.Index + m.Length)] + (next.Success ? next.Value : "");
        }).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    [GeneratedRegex(@"\G(?:-[\p{L}]+|\s+[\p{L}]+)")]
    private static partial Regex CountedWord();

    private static IEnumerable<Match> Counting(string quote) =>
        NumberWord().Matches(quote)
            .Where(m => char.IsDigit(m.Value[0]) || !(PrecededByThe(quote, m.Index) || quote.AsSpan(m.Index + m.Length).TrimStart().StartsWith("of ", StringComparison.OrdinalIgnoreCase) && m.Value.ToLowerInvariant() is "one" or "two"));

    private static bool PrecededByThe(string s, int index)
    {
        var before = s.AsSpan(0, index).TrimEnd();
        return before.EndsWith("the", StringComparison.OrdinalIgnoreCase) && (before.Length == 3 || !char.IsLetter(before[^4]));
    }

    /// <summary>
    /// Up to this many articles the claims matrix has a column per article. Beyond it a table is unreadable (and its
    /// size grows with claims × articles), so each claim instead lists only the articles that report it.
    /// </summary>
    public const int MatrixMaxColumns = 24;

    private Page Compare()
    {
        var columns = ByDate(_a.Articles).ToList();
        var wide = columns.Count > MatrixMaxColumns;
        var groupOf = _a.Reuse.GroupOf;
        var columnIndex = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++) columnIndex.TryAdd(columns[i].Slug, i);
        var labels = ShortLabels(columns);
        var groups = _c.Topics.Select(t => (Id: t.Id, Title: t.Title, Url: _u.Topic(t.Id)))
            .Append((Id: "", Title: "Other claims", Url: ""))
            .Select(t => new ClaimGroupVm(t.Title, t.Url, _a.Claims
                .Where(r => (r.Claim.Topic?.Value is { } id && _topics.ContainsKey(id) ? id : "") == t.Id)
                .Select(r => Row(r, columns, columnIndex, labels, wide)).ToList()))
            .Where(g => g.Rows.Count > 0)
            .ToList();

        // Claims that exactly one article reports, by that article, in claim order.
        var exclusiveBySlug = new Dictionary<string, List<QuoteClaimVm>>(StringComparer.Ordinal);
        foreach (var r in _a.Claims)
        {
            if (r.Citations.Count == 0) continue;
            var slug = r.Citations[0].ArticleSlug;
            if (!r.Citations.All(c => c.ArticleSlug == slug) || !_a.BySlug.TryGetValue(slug, out var a)) continue;
            var c = r.Citations[0];
            if (!exclusiveBySlug.TryGetValue(slug, out var list)) exclusiveBySlug[slug] = list = [];
            list.Add(new QuoteClaimVm(r.Claim.Text, Validation.QuoteFinder.Display(c.Quote), QuoteUrl(a, c.Paragraph, c.Quote)) { Paragraph = c.Paragraph + 1, Id = r.Claim.Id, ClaimUrl = ClaimUrl(r) });
        }
        var exclusives = columns
            .Where(a => !wide || exclusiveBySlug.ContainsKey(a.Slug))
            .Select(a => new ExclusiveVm(a.Article.Title, _u.Article(a.Slug), SourceName(a), exclusiveBySlug.GetValueOrDefault(a.Slug) ?? []) { SourceInferred = Markers.AttributionInferred(a.Article) }).ToList();

        var angles = columns.Where(a => a.Summary is { Angle.Length: > 0 })
            .Select(a => new AngleVm(SourceName(a), a.Article.Title, _u.Article(a.Slug), a.Summary!.Angle) { SourceInferred = Markers.AttributionInferred(a.Article) }).ToList();

        var clusters = _a.Reuse.Clusters.Select(ClusterVm)
            .Concat(_a.Reuse.Disputed.Select(f => new ReuseClusterVm(true, [PairVm(f)], 2, "", "", "", [], "")))
            .ToList();
        var vm = new CompareVm(wide ? [] : columns.Select((a, i) => new ColumnVm(a.Slug, a.Article.Title, SourceName(a), _u.Article(a.Slug), Markers.DateOf(a.Article), Markers.AttributionInferred(a.Article)) { Excerpt = TitleExcerpt(labels[i]) }).ToList(),
            groups, exclusives, angles, Coverage(), clusters, _a.Reuse.Method, _a.Articles.Count, groupOf.Values.Distinct().Count(), wide) { WordsUrl = WordsUrl };
        return new Page
        {
            Url = _u.Compare, OutputPath = _u.OutputPath(_u.Compare), Template = "compare", Model = vm, Title = "Compare sources",
            Description = "Which source reports which fact, in whose words; which articles share wire copy; what each source alone adds.", Section = _u.Compare,
        };
    }

    private MatrixRowVm Row(ClaimRow r, IReadOnlyList<ArticleInfo> columns, Dictionary<string, int> columnIndex, string[] labels, bool wide)
    {
        // each article's first citation of the claim
        var first = new Dictionary<string, Citation>(StringComparer.Ordinal);
        foreach (var c in r.Citations) first.TryAdd(c.ArticleSlug, c);
        CellVm Cell(int i)
        {
            var a = columns[i];
            return first.TryGetValue(a.Slug, out var c) ? new CellVm(true, Validation.QuoteFinder.Display(c.Quote), QuoteUrl(a, c.Paragraph, c.Quote), labels[i]) { Paragraph = c.Paragraph + 1 }
                : new CellVm(false, "", "", labels[i]) { Before = PublishedBefore(a, r) };
        }
        var cells = wide
            ? first.Keys.Where(columnIndex.ContainsKey).Select(s => columnIndex[s]).Order().Select(Cell).ToList()
            : Enumerable.Range(0, columns.Count).Select(Cell).ToList();
        var (diff, details) = Difference(r);
        return new MatrixRowVm(r.Claim.Id, r.Claim.Text, cells, Count(r).Label, diff.Length > 0, diff, details)
        {
            NotReported = string.Join("; ", cells.Where(c => !c.Reported && !c.Before).Select(c => c.ColumnLabel)),
            Before = string.Join("; ", cells.Where(c => c.Before).Select(c => c.ColumnLabel)),
        };
    }

    private ReusePairVm PairVm(ReuseFinding f)
    {
        var a = _a.BySlug[f.A];
        var b = _a.BySlug[f.B];
        return new ReusePairVm(a.Article.Title, _u.Article(a.Slug), SourceName(a), b.Article.Title, _u.Article(b.Slug), SourceName(b),
            Percent(f.AInB), Percent(f.BInA), f.Flagged, f.Verdict, f.HasPairPage ? _u.ComparePair(f.A, f.B) : "", f.HasPairPage, f.EditorNote, f.Disagrees)
        { InferredA = Markers.AttributionInferred(a.Article), InferredB = Markers.AttributionInferred(b.Article) };
    }

    private ReuseClusterVm ClusterVm(ReuseCluster c)
    {
        if (c.Copies.Count == 1) return new ReuseClusterVm(true, [PairVm(c.Copies[0])], 2, "", "", "", [], "");
        var earliest = _a.BySlug[c.Earliest];
        return new ReuseClusterVm(false, [], c.Size, earliest.Article.Title, _u.Article(earliest.Slug), SourceName(earliest), Copies(c), _u.CompareCluster(c.Earliest))
        { EarliestMarkerHtml = Markers.Attribution(Markers.AttributionInferred(earliest.Article)) };
    }

    /// <summary>Each copy of a cluster against its earliest copy.</summary>
    private List<CopyVm> Copies(ReuseCluster c) => c.Copies.Select(f =>
    {
        var copy = _a.BySlug[f.A == c.Earliest ? f.B : f.A];
        var (inEarliest, earliestIn) = f.A == c.Earliest ? (f.BInA, f.AInB) : (f.AInB, f.BInA);
        return new CopyVm(copy.Article.Title, _u.Article(copy.Slug), SourceName(copy), Markers.DateOf(copy.Article), Percent(inEarliest), Percent(earliestIn), f.Verdict, f.EditorNote, f.Disagrees)
        { SourceInferred = Markers.AttributionInferred(copy.Article) };
    }).ToList();

    /// <summary>One page per cluster of three or more copies: the copies against the earliest, and the earliest paragraph by paragraph.</summary>
    private IEnumerable<Func<Page>> ClusterPages() => _a.Reuse.Clusters.Where(c => c.Size > 2)
        .Select(c => (Func<Page>)(() => ClusterPage(c)));

    private Page ClusterPage(ReuseCluster c)
    {
        var e = _a.BySlug[c.Earliest];
        var others = c.Size - 1;
        var paragraphs = e.Body.Paragraphs.Select((text, i) =>
        {
            var kept = i < c.Kept.Count ? c.Kept[i] : -1;
            var label = kept < 0 ? "too short to compare" : kept == others ? $"kept by all {others} other copies" : $"kept by {kept} of {others} other copies";
            return new ClusterParagraphVm(_u.Paragraph(e.Slug, i), $"¶ {i + 1}", text, kept >= 0, label, kept == others, kept == 0);
        }).ToList();
        var vm = new ClusterVm(c.Size, e.Article.Title, _u.Article(e.Slug), SourceName(e), Markers.DateOf(e.Article), Copies(c), paragraphs, _u.Compare)
        { EarliestMarkerHtml = Markers.Attribution(Markers.AttributionInferred(e.Article)) };
        var url = _u.CompareCluster(c.Earliest);
        return new Page
        {
            Url = url, OutputPath = _u.OutputPath(url), Template = "cluster", Model = vm, Section = _u.Compare,
            Title = $"{c.Size} copies of one report",
            Description = $"{c.Size} articles that carry one report, each measured against the earliest, “{e.Article.Title}” ({SourceName(e)}), and which of its paragraphs each keeps.",
        };
    }

    /// <summary>One page per copy of a report against the earliest copy (and per disputed pair): the two texts aligned.</summary>
    private IEnumerable<Func<Page>> PairPages() => _a.Reuse.Pairs.Where(f => f.HasPairPage)
        .Select(f => (Func<Page>)(() => PairPage(f)));

    private Page PairPage(ReuseFinding f)
    {
        var a = _a.BySlug[f.A];
        var b = _a.BySlug[f.B];
        var aligned = _align(new ReuseDocument(a.Slug, a.Body.Paragraphs), new ReuseDocument(b.Slug, b.Body.Paragraphs));
        // the row each paragraph is paired in, so that the lone half of a split paragraph can say where its partner is
        var pairedRowA = new Dictionary<int, int>();
        var pairedRowB = new Dictionary<int, int>();
        for (var k = 0; k < aligned.Count; k++)
            if (aligned[k] is { ParagraphA: int x, ParagraphB: int y }) (pairedRowA[x], pairedRowB[y]) = (k, k);
        static string Missing(int row, int? counterpart, Dictionary<int, int> pairedRow) => counterpart is int p
            ? $"— split: the matching words are in this text’s ¶ {p + 1}, in the row {(pairedRow.GetValueOrDefault(p, -1) > row ? "below" : "above")} —"
            : "— not in this text —";
        var rows = aligned
            .Select((r, i) => new PairRowVm(
                r.ParagraphA is int pa ? _u.Paragraph(a.Slug, pa) : "", r.ParagraphA is int la ? $"¶ {la + 1}" : "",
                SpansHtml(r.SpansA),
                r.ParagraphB is int pb ? _u.Paragraph(b.Slug, pb) : "", r.ParagraphB is int lb ? $"¶ {lb + 1}" : "",
                SpansHtml(r.SpansB),
                r.ParagraphA is not null && r.ParagraphB is not null,
                Missing(i, r.ParagraphA is null ? r.CounterpartParagraph : null, pairedRowA),
                Missing(i, r.ParagraphB is null ? r.CounterpartParagraph : null, pairedRowB)))
            .ToList();
        var vm = new PairVm(a.Article.Title, _u.Article(a.Slug), SourceName(a), b.Article.Title, _u.Article(b.Slug), SourceName(b),
            Percent(f.AInB), Percent(f.BInA), f.Verdict, f.EditorNote, f.Disagrees, rows, _u.Compare,
            rows.Count(r => r.Matched), rows.Count(r => r.LinkA.Length > 0 && r.LinkB.Length == 0), rows.Count(r => r.LinkB.Length > 0 && r.LinkA.Length == 0))
        { InferredA = Markers.AttributionInferred(a.Article), InferredB = Markers.AttributionInferred(b.Article) };
        var url = _u.ComparePair(f.A, f.B);
        return new Page
        {
            Url = url, OutputPath = _u.OutputPath(url), Template = "pair", Model = vm, Section = _u.Compare,
            Title = $"Side by side: {SourceName(a)} and {SourceName(b)}",
            Description = $"The texts of “{a.Article.Title}” and “{b.Article.Title}” aligned paragraph by paragraph, with shared, added and dropped words marked.",
        };
    }

    /// <summary>Word spans as HTML: shared words in &lt;mark&gt;, words only one text has in &lt;del&gt;/&lt;ins&gt; with a label for screen readers.</summary>
    private static HtmlBody SpansHtml(IReadOnlyList<DiffSpan> spans)
    {
        // encoded straight into one writer per thread: only the row's HTML becomes a string
        var w = t_spans ??= new System.IO.StringWriter(new System.Text.StringBuilder(1024), System.Globalization.CultureInfo.InvariantCulture);
        var sb = w.GetStringBuilder().Clear();
        foreach (var span in spans)
        {
            if (string.IsNullOrWhiteSpace(span.Text)) { System.Net.WebUtility.HtmlEncode(span.Text, w); continue; }
            sb.Append(span.Kind switch
            {
                DiffKind.Equal => "<mark>",
                DiffKind.Deleted => "<del><span class=\"visually-hidden\">only here: </span>",
                _ => "<ins><span class=\"visually-hidden\">only here: </span>",
            });
            System.Net.WebUtility.HtmlEncode(span.Text, w);
            sb.Append(span.Kind switch { DiffKind.Equal => "</mark>", DiffKind.Deleted => "</del>", _ => "</ins>" });
        }
        var html = sb.Length == 0 ? HtmlBody.Empty : new HtmlBody(sb.ToString());
        if (sb.Capacity > 1 << 16) t_spans = null; // a very long paragraph's builder is not kept
        return html;
    }

    [ThreadStatic] private static System.IO.StringWriter? t_spans;

    /// <summary>What the article page says about shared wording with other articles.</summary>
    private IReadOnlyList<ReuseNoteVm> ReuseNotes(string slug) => (_reuseBySlug.GetValueOrDefault(slug) ?? []).Where(f => f.HasPairPage)
        .Select(f =>
        {
            var other = _a.BySlug[f.A == slug ? f.B : f.A];
            var (mine, theirs) = f.A == slug ? (f.AInB, f.BInA) : (f.BInA, f.AInB);
            return new ReuseNoteVm(other.Article.Title + " (" + SourceName(other) + ")", _u.Article(other.Slug), f.HasPairPage ? _u.ComparePair(f.A, f.B) : "",
                Percent(mine), Percent(theirs), f.Verdict + (f.EditorNote.Length > 0 ? ". " + f.EditorNote.TrimEnd('.') : ""), f.HasPairPage);
        }).ToList();

    /// <summary>What an article page says when the article is one of three or more copies of a report, and the cluster's page.</summary>
    private (string Note, string Url) ClusterNote(string slug)
    {
        if (!_clusterOf.TryGetValue(slug, out var c)) return ("", "");
        var e = _a.BySlug[c.Earliest];
        if (slug == c.Earliest) return ($"This is the earliest of {c.Size} articles that carry the same report.", _u.CompareCluster(c.Earliest));
        var f = c.Copies.First(x => x.A == slug || x.B == slug);
        var share = Percent(f.A == slug ? f.AInB : f.BInA);
        return ($"This is one of {c.Size} articles that carry the same report: {share} of its text also appears in the earliest, “{e.Article.Title}” ({SourceName(e)}).", _u.CompareCluster(c.Earliest));
    }

    public static string Percent(double share) => Math.Round(share * 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%";
}
