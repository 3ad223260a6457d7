namespace Briefing.Pages;

// View models of paginated lists and of the pages that summarise a large briefing (issue 23).

/// <summary>
/// Where a page stands in a paginated list: "Page 2 of 40", with links to the first, previous, next and last pages
/// ("" where there is none). <see cref="Label"/> names the list for assistive technology (the pager is a landmark).
/// </summary>
public sealed record PagerVm(string Label, int Number, int Count, string Position, string FirstUrl, string PreviousUrl, string NextUrl, string LastUrl)
{
    /// <summary>A list that fits on its page: the pager partial shows nothing.</summary>
    public static readonly PagerVm None = new("", 1, 1, "", "", "", "", "");
}

/// <summary>A link to more of a list, with how many items it holds: "All 1,250 articles from Scmp News".</summary>
public sealed record MoreVm(string Label, string Url);

/// <summary>A claim in a list: its matrix row (words, count, difference) and where its detail is.</summary>
public sealed record ClaimEntryVm(MatrixRowVm Row, string Url, string More);

/// <summary>A topic page of a topic whose lists are longer than a page: page 1 has the overview and the disagreements.</summary>
public sealed record TopicPageVm(string Title, string Question, int Number, string Position, Rendering.HtmlBody OverviewHtml,
    IReadOnlyList<ClaimEntryVm> Disagreements, string DisagreementsNote, MoreVm Claims, IReadOnlyList<ArticleCardVm> Articles,
    string ArticlesNote, PagerVm Pager, IReadOnlyList<SourceGroupVm> SourceGroups, IReadOnlyList<EventVm> Events, MoreVm Timeline, string CompareUrl)
{
    /// <summary>The topic's one-page brief.</summary>
    public string BriefUrl { get; init; } = "";
}

/// <summary>A page of one source's articles.</summary>
public sealed record SourceArticlesVm(string Name, string SourceUrl, string Position, IReadOnlyList<ArticleCardVm> Articles, string ArticlesNote, PagerVm Pager);

/// <summary>The sources page of a large briefing: each source with its latest articles and a link to all of them.</summary>
public sealed record SourcesPageVm(IReadOnlyList<SourceVm> Sources, IReadOnlyList<MoreVm> More, CoverageVm Coverage);

/// <summary>The compare page of a large briefing: counts, the most-reported claims, then links to the detail.</summary>
public sealed record CompareSummaryVm(string CountsNote, IReadOnlyList<ClaimEntryVm> TopClaims, IReadOnlyList<MoreVm> ClaimTopics,
    MoreVm SharedWording, MoreVm Exclusive, MoreVm Angles, CoverageVm Coverage);

/// <summary>A page of the claims on one topic, each with the articles that report it.</summary>
public sealed record CompareClaimsVm(string Title, string TopicUrl, string Position, IReadOnlyList<ClaimEntryVm> Claims, PagerVm Pager, string CompareUrl);

/// <summary>A page of one of the compare page's long sections (shared wording, exclusive claims, angles).</summary>
public sealed record CompareSectionVm(string Title, string Intro, string Position, string Section, IReadOnlyList<ReuseClusterVm> Clusters,
    IReadOnlyList<ExclusiveVm> Exclusives, IReadOnlyList<AngleVm> Angles, PagerVm Pager, string CompareUrl);
