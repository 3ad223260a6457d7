namespace Briefing.Pages;

// View models: what templates see. Plain data with ready-made URLs and display text; never domain records.
// Templates name a property in snake_case (SourceName is source_name). Properties of type HtmlBody hold HTML that the
// build made safe: templates print them as they are; every other value is HTML-escaped.

public sealed record Link(string Label, string Url);
public sealed record NavItem(string Label, string Url, bool Current)
{
    /// <summary>The label on a phone.</summary>
    public string Short { get; init; } = Label;
    /// <summary>The words of the label a phone leaves out ("Compare sources" shown as "Compare"): empty when the short label is not its start.</summary>
    public string LongTail => Short.Length < Label.Length && Label.StartsWith(Short, StringComparison.Ordinal) ? Label[Short.Length..] : "";
    /// <summary>A menu's links (the menu has no URL of its own); <see cref="Current"/> is true when one of them is.</summary>
    public IReadOnlyList<NavItem> Items { get; init; } = [];
}
public sealed record DateVm(bool Known, string Iso, string Display, string Precision)
{
    public static readonly DateVm Unknown = new(false, "", "Date unknown", "unknown");
    /// <summary>"month only" / "year only" when the sources give no day; empty for a full date.</summary>
    public string PrecisionNote => Known && Precision != "day" ? Precision + " only" : "";
    /// <summary>The editors inferred the date (the article's <c>published_note</c> says how).</summary>
    public bool Inferred { get; init; }
    /// <summary>The date with its marker, as every page shows it (<see cref="Markers.Date"/>).</summary>
    public Rendering.HtmlBody MarkedHtml => new(Markers.Date(this));
}

public sealed record LayoutVm
{
    public required string Lang { get; init; }
    public required string SiteTitle { get; init; }
    public required string PageTitle { get; init; }
    public required string FullTitle { get; init; }
    public required string Description { get; init; }
    public required string Canonical { get; init; }
    public required bool HasCanonical { get; init; }
    public required string Css { get; init; }
    public required string HomeUrl { get; init; }
    public required string FeedUrl { get; init; }
    public required IReadOnlyList<NavItem> Nav { get; init; }
    public required string OgType { get; init; }
    public required string PublishedTime { get; init; }
    public required bool HasPublishedTime { get; init; }
    public required Rendering.HtmlBody JsonLdHtml { get; init; }
    public required DateVm Updated { get; init; }
    public required Rendering.HtmlBody BodyHtml { get; init; }
    public required string PageKind { get; init; }
    public required bool Index { get; init; }
    /// <summary>When the editors last reviewed the briefing (unknown when site.yml gives no date), and the About page.</summary>
    public DateVm Reviewed { get; init; } = DateVm.Unknown;
    public string AboutUrl { get; init; } = "";
    /// <summary>The corrections this page carries as a notice (issue 20).</summary>
    public IReadOnlyList<CorrectionVm> Corrections { get; init; } = [];
    public string CorrectionsUrl { get; init; } = "";
    /// <summary>The search page, when the site is indexed (empty otherwise: no search box).</summary>
    public string SearchUrl { get; init; } = "";
    /// <summary>Where the search box leads without JavaScript.</summary>
    public string TopicsUrl { get; init; } = "";
    /// <summary>The script that turns the link into a search box.</summary>
    public string SearchBoxScript { get; init; } = "";
    /// <summary>On the search page: its script, and where Pagefind's files are.</summary>
    public string SearchPageScript { get; init; } = "";
    public string SearchBundle { get; init; } = "";
    /// <summary>Pagefind's filters for this page ("kind:Article"); a page with any is indexed.</summary>
    public IReadOnlyList<string> SearchFilters { get; init; } = [];
}

public sealed record TakeawayVm(Rendering.HtmlBody TextHtml, IReadOnlyList<Link> Articles);
public sealed record TopicCardVm(string Title, string Url, string Question, int ArticleCount, int ClaimCount, string ArticleLabel, string ClaimLabel);
public sealed record EventVm(DateVm Date, string Title, Rendering.HtmlBody TextHtml, IReadOnlyList<Link> Articles);
public sealed record SourceVm(string Id, string Name, string Url, string Kind, string Country, string Note, string Website, bool HasWebsite, IReadOnlyList<ArticleCardVm> Articles, string ArticleLabel);
public sealed record ArticleCardVm(string Title, string Url, string SourceName, DateVm Date, string Author, string Dek, bool SourceInferred)
{
    public Rendering.HtmlBody SourceMarkerHtml => Markers.Attribution(SourceInferred);
}
public sealed record CoverageCellVm(string TopicTitle, int Count, string Label, int Level);
public sealed record CoverageRowVm(string SourceName, string SourceUrl, IReadOnlyList<CoverageCellVm> Cells);
public sealed record CoverageVm(IReadOnlyList<Link> Topics, IReadOnlyList<CoverageRowVm> Rows);

public sealed record HomeVm(string Title, Rendering.HtmlBody LedeHtml, IReadOnlyList<TakeawayVm> Takeaways, IReadOnlyList<TopicCardVm> Topics,
    IReadOnlyList<EventVm> LatestEvents, IReadOnlyList<SourceVm> Sources, DateVm Updated, CoverageVm Coverage, string TimelineUrl, string CompareUrl)
{
    /// <summary>When the editors last reviewed the briefing (site.yml's <c>reviewed</c>).</summary>
    public DateVm Reviewed { get; init; } = DateVm.Unknown;
}

public sealed record QuoteVm(string Text, string Url, string ArticleTitle, string ArticleUrl, string SourceName)
{
    /// <summary>The editors inferred the outlet (<see cref="Markers.AttributionInferred"/>).</summary>
    public bool SourceInferred { get; init; }
    public Rendering.HtmlBody SourceMarkerHtml => Markers.Attribution(SourceInferred);
    /// <summary>The paragraph of the article the quote is in, from 1.</summary>
    public int Paragraph { get; init; }
}
public sealed record KeyPointVm(string Text, string TopicTitle, string TopicUrl, QuoteVm Quote)
{
    /// <summary>When the article cites the same words for a claim: that claim's row on the compare page, which shows them in full.</summary>
    public string ClaimUrl { get; init; } = "";
}
public sealed record SourceGroupVm(string SourceName, string SourceUrl, string ArticleTitle, string ArticleUrl, IReadOnlyList<KeyPointVm> Points)
{
    /// <summary>The editors inferred the outlet (<see cref="Markers.AttributionInferred"/>).</summary>
    public bool SourceInferred { get; init; }
    public Rendering.HtmlBody SourceMarkerHtml => Markers.Attribution(SourceInferred);
}
public sealed record ClaimVm(string Id, string Text, string TopicTitle, string TopicUrl, IReadOnlyList<QuoteVm> Quotes, string ReportLabel)
{
    /// <summary>The claim's row on the compare page, where each source's words for it are shown in full.</summary>
    public string CompareUrl { get; init; } = "";
    /// <summary>When the editors last checked the claim (<c>checked:</c>); unknown when they do not say.</summary>
    public DateVm Checked { get; init; } = DateVm.Unknown;
}

public sealed record TopicVm(string Title, string Question, Rendering.HtmlBody OverviewHtml, IReadOnlyList<SourceGroupVm> SourceGroups,
    IReadOnlyList<ClaimVm> Claims, IReadOnlyList<EventVm> Events, IReadOnlyList<ArticleCardVm> Articles, string CompareUrl)
{
    /// <summary>The side column's counts, dates and sources.</summary>
    public GlanceVm Glance { get; init; } = GlanceVm.Empty;
    /// <summary>The topic's one-page brief.</summary>
    public string BriefUrl { get; init; } = "";
}

public sealed record ReuseNoteVm(string OtherTitle, string OtherUrl, string PairUrl, string ThisShare, string OtherShare, string Verdict, bool HasPairPage);

public sealed record ArticleVm
{
    public required string Title { get; init; }
    public required string Dek { get; init; }
    public required string SourceName { get; init; }
    public required string SourceUrl { get; init; }
    public required string SourceNote { get; init; }
    public bool SourceInferred { get; init; }
    public Rendering.HtmlBody SourceMarkerHtml => Markers.Attribution(SourceInferred);
    public required DateVm Date { get; init; }
    public required string PublishedNote { get; init; }
    public required string Author { get; init; }
    public required string OriginalUrl { get; init; }
    public required int ReadingMinutes { get; init; }
    public required bool HasSummary { get; init; }
    public required string Summary { get; init; }
    public required string Angle { get; init; }
    public required IReadOnlyList<KeyPointVm> KeyPoints { get; init; }
    public required Rendering.HtmlBody BodyHtml { get; init; }
    public required IReadOnlyList<ClaimVm> Claims { get; init; }
    public required IReadOnlyList<Link> Topics { get; init; }
    public required IReadOnlyList<ReuseNoteVm> Reuse { get; init; }
    /// <summary>For a copy of a report carried by three or more articles: what the cluster's page shows, and its URL.</summary>
    public required string ClusterNote { get; init; }
    public required string ClusterUrl { get; init; }
    public required string DerivedFromNote { get; init; }
}

public sealed record YearVm(string Year, IReadOnlyList<EventVm> Events);
public sealed record TimelineVm(IReadOnlyList<YearVm> Years)
{
    /// <summary>Where the page stands when the timeline is longer than a page (no pager when it is not).</summary>
    public PagerVm Pager { get; init; } = PagerVm.None;
}
public sealed record GlossaryEntryVm(string Id, string Name, string Kind, string Role, string NativeName, string NativeLang, Rendering.HtmlBody TextHtml, IReadOnlyList<Link> Articles)
{
    /// <summary>When the role was held ("December 2023"), or empty.</summary>
    public string RoleAsOf { get; init; } = "";
}
public sealed record GlossaryVm(IReadOnlyList<GlossaryEntryVm> People, IReadOnlyList<GlossaryEntryVm> Terms, IReadOnlyList<GlossaryEntryVm> Others)
{
    /// <summary>The page of how each source names things, when the glossary lists variants.</summary>
    public string WordsUrl { get; init; } = "";
}
public sealed record SourcesVm(IReadOnlyList<SourceVm> Sources, CoverageVm Coverage);
public sealed record NotFoundVm(string HomeUrl, IReadOnlyList<Link> Topics);

public sealed record ColumnVm(string Slug, string Title, string SourceName, string Url, DateVm Date, bool SourceInferred)
{
    /// <summary>The title's first words, for an outlet with several columns (else empty).</summary>
    public string Excerpt { get; init; } = "";
    public Rendering.HtmlBody SourceMarkerHtml => Markers.Attribution(SourceInferred);
}
public sealed record CellVm(bool Reported, string Quote, string Url, string ColumnLabel)
{
    /// <summary>The paragraph the quote is in, from 1.</summary>
    public int Paragraph { get; init; }
    /// <summary>Not reported, but published before the event the claim reports: not counted as not reporting it.</summary>
    public bool Before { get; init; }
}
public sealed record MatrixRowVm(string Id, string Text, IReadOnlyList<CellVm> Cells, string ReportLabel, bool Differs, string DiffLabel, IReadOnlyList<string> Numbers)
{
    /// <summary>The columns that could have reported the claim and do not, and those published before its event, named in one line each.</summary>
    public string NotReported { get; init; } = "";
    public string Before { get; init; } = "";
}
public sealed record ClaimGroupVm(string TopicTitle, string TopicUrl, IReadOnlyList<MatrixRowVm> Rows);
public sealed record ExclusiveVm(string ArticleTitle, string Url, string SourceName, IReadOnlyList<QuoteClaimVm> Claims)
{
    /// <summary>The editors inferred the outlet (<see cref="Markers.AttributionInferred"/>).</summary>
    public bool SourceInferred { get; init; }
    public Rendering.HtmlBody SourceMarkerHtml => Markers.Attribution(SourceInferred);
}
public sealed record QuoteClaimVm(string Text, string Quote, string Url)
{
    /// <summary>The paragraph the quote is in, from 1, the claim's id and where its row of words is shown.</summary>
    public int Paragraph { get; init; }
    public string Id { get; init; } = "";
    public string ClaimUrl { get; init; } = "";
}
public sealed record AngleVm(string SourceName, string ArticleTitle, string Url, string Angle)
{
    /// <summary>The editors inferred the outlet (<see cref="Markers.AttributionInferred"/>).</summary>
    public bool SourceInferred { get; init; }
    public Rendering.HtmlBody SourceMarkerHtml => Markers.Attribution(SourceInferred);
}
/// <summary>ShareA: how much of article A's text also appears in article B (a percentage, as text); ShareB the other way round.</summary>
public sealed record ReusePairVm(string TitleA, string UrlA, string SourceA, string TitleB, string UrlB, string SourceB,
    string ShareA, string ShareB, bool Flagged, string Verdict, string PairUrl, bool HasPairPage, string EditorNote, bool Disagrees)
{
    /// <summary>The editors inferred the outlet of the first or the second text (<see cref="Markers.AttributionInferred"/>).</summary>
    public bool InferredA { get; init; }
    public bool InferredB { get; init; }
    public Rendering.HtmlBody MarkerHtmlA => Markers.Attribution(InferredA);
    public Rendering.HtmlBody MarkerHtmlB => Markers.Attribution(InferredB);
}
/// <summary>One copy of a report against the cluster's earliest copy.</summary>
public sealed record CopyVm(string Title, string Url, string Source, DateVm Date, string InEarliest, string EarliestIn, string Verdict, string EditorNote, bool Disagrees)
{
    /// <summary>The editors inferred the outlet (<see cref="Markers.AttributionInferred"/>).</summary>
    public bool SourceInferred { get; init; }
    public Rendering.HtmlBody SourceMarkerHtml => Markers.Attribution(SourceInferred);
}
/// <summary>
/// One entry of the shared-wording list: a pair (<see cref="Single"/>: two copies of a report, or a computed pair the
/// editors dispute), or a cluster of several copies, each against the earliest.
/// </summary>
public sealed record ReuseClusterVm(bool Single, IReadOnlyList<ReusePairVm> Pair, int Size, string EarliestTitle, string EarliestUrl, string EarliestSource, IReadOnlyList<CopyVm> Copies, string ClusterUrl)
{
    public Rendering.HtmlBody EarliestMarkerHtml { get; init; } = Rendering.HtmlBody.Empty;
}
/// <summary>A paragraph of a cluster's earliest copy, with how many of the other copies keep it.</summary>
public sealed record ClusterParagraphVm(string Link, string Label, string Text, bool Compared, string Kept, bool KeptByAll, bool KeptByNone);
/// <summary>The page of a cluster of copies of one report: each copy against the earliest, and the earliest paragraph by paragraph.</summary>
public sealed record ClusterVm(int Size, string EarliestTitle, string EarliestUrl, string EarliestSource, DateVm EarliestDate,
    IReadOnlyList<CopyVm> Copies, IReadOnlyList<ClusterParagraphVm> Paragraphs, string CompareUrl)
{
    public Rendering.HtmlBody EarliestMarkerHtml { get; init; } = Rendering.HtmlBody.Empty;
}
public sealed record CompareVm(IReadOnlyList<ColumnVm> Columns, IReadOnlyList<ClaimGroupVm> Groups, IReadOnlyList<ExclusiveVm> Exclusives,
    IReadOnlyList<AngleVm> Angles, CoverageVm Coverage, IReadOnlyList<ReuseClusterVm> Clusters, string ReuseMethod, int ArticleCount, int IndependentCount, bool Wide)
{
    /// <summary>The page of how each source names things, when the glossary lists variants.</summary>
    public string WordsUrl { get; init; } = "";
}

/// <summary>A row of the side-by-side view; NoteA/NoteB say what stands on a side that has no paragraph in this row.</summary>
public sealed record PairRowVm(string LinkA, string LabelA, Rendering.HtmlBody HtmlA, string LinkB, string LabelB, Rendering.HtmlBody HtmlB, bool Matched, string NoteA, string NoteB);
public sealed record PairVm(string TitleA, string UrlA, string SourceA, string TitleB, string UrlB, string SourceB, string ShareA, string ShareB,
    string Verdict, string EditorNote, bool Disagrees, IReadOnlyList<PairRowVm> Rows, string CompareUrl, int Matched, int OnlyA, int OnlyB)
{
    /// <summary>The editors inferred the outlet of the first or the second text (<see cref="Markers.AttributionInferred"/>).</summary>
    public bool InferredA { get; init; }
    public bool InferredB { get; init; }
    public Rendering.HtmlBody MarkerHtmlA => Markers.Attribution(InferredA);
    public Rendering.HtmlBody MarkerHtmlB => Markers.Attribution(InferredB);
}
