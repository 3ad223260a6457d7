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
