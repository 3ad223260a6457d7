namespace Briefing.Pages;

// View models of the reader's pages (issue 25).

/// <summary>A navigation entry: a link, or (with <see cref="Children"/> and no URL) a menu of links. <see cref="Short"/> is the label on a phone.</summary>
public sealed record NavEntry(string Label, string Url, string Short, IReadOnlyList<NavEntry> Children);


/// <summary>The About and method page: who the editors are and how the briefing is made, from site.yml and the build's own rules.</summary>
public sealed record AboutVm(string Title, Rendering.HtmlBody EditorsHtml, Rendering.HtmlBody ContactHtml, DateVm Reviewed, DateVm Newest,
    int ArticleCount, int SourceCount, string ReuseMethod, string CompareUrl, string SourcesUrl, string GlossaryUrl);

/// <summary>A topic's "At a glance": its articles (and independent reports), claims, the dates its articles span, and its sources.</summary>
public sealed record GlanceVm(string ArticlesLabel, string ClaimsLabel, DateVm First, DateVm Last, IReadOnlyList<Link> Sources)
{
    public static readonly GlanceVm Empty = new("", "", DateVm.Unknown, DateVm.Unknown, []);
    /// <summary>Some articles have no date: the span covers only the dated ones.</summary>
    public bool SomeUndated { get; init; }
}

// View models of issue 20's pages: corrections, how each source names things, one-page briefs, search.

/// <summary>A correction as the corrections page, a notice and the feed show it.</summary>
public sealed record CorrectionVm(DateVm Date, string Wrong, string Now, string ConcernsKind, string ConcernsLabel, string ConcernsUrl, string Anchor, string Url);
public sealed record CorrectionsVm(IReadOnlyList<CorrectionVm> Corrections);

/// <summary>One count of a source × variant table: how often the source's articles use the variant, linked to the first paragraph.</summary>
public sealed record VariantCellVm(int Count, string Label, string Url);
public sealed record VariantColumnVm(string Variant, string EntryName, string EntryUrl);
public sealed record VariantRowVm(string SourceName, string SourceUrl, IReadOnlyList<VariantCellVm> Cells)
{
    /// <summary>Some of the counted articles are the source's by the editors' inference only.</summary>
    public bool SourceInferred { get; init; }
    public Rendering.HtmlBody SourceMarkerHtml => Markers.Attribution(SourceInferred);
}
/// <summary>One glossary entry's variants against every source that uses one of them.</summary>
public sealed record VariantTableVm(string EntryId, string EntryName, string EntryUrl, IReadOnlyList<VariantColumnVm> Columns, IReadOnlyList<VariantRowVm> Rows);
public sealed record WordsVm(IReadOnlyList<VariantTableVm> Tables, string GlossaryUrl, string CompareUrl);

public sealed record BriefPointVm(string Text, IReadOnlyList<string> Sources);
public sealed record BriefDisagreementVm(string Claim, string Label, IReadOnlyList<BriefQuoteVm> Quotes);
public sealed record BriefQuoteVm(string Text, string Source);
public sealed record BriefEventVm(DateVm Date, string Title);
public sealed record BriefVm(string Title, string Question, IReadOnlyList<BriefPointVm> Points, IReadOnlyList<BriefDisagreementVm> Disagreements,
    IReadOnlyList<BriefEventVm> Events, string TopicUrl, string AbsoluteUrl);

public sealed record SearchVm(string TopicsUrl)
{
    /// <summary>Where Pagefind's files are (pagefind-ui.js, the index).</summary>
    public string BundleUrl { get; init; } = "";
}
