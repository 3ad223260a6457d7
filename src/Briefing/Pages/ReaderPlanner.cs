namespace Briefing.Pages;

/// <summary>The reader's pages (issue 25): the navigation and what the layout shows on every page.</summary>
public sealed partial class Planner
{
    /// <summary>
    /// Home, the topics as one menu, then the site's sections. One entry per section keeps the row short at any
    /// number of topics; a phone shows each entry's short label.
    /// </summary>
    private List<NavEntry> NavEntries() =>
    [
        new("Home", _u.Home, "Home", []),
        new("Topics", "", "Topics", _c.Topics.Select(t => new NavEntry(t.Title, _u.Topic(t.Id), t.Title, [])).ToList()),
        new("Compare sources", _u.Compare, "Compare", []),
        new("Timeline", _u.Timeline, "Timeline", []),
        new("Glossary", _u.Glossary, "Glossary", []),
        new("Sources", _u.Sources, "Sources", []),
    ];

    /// <summary>The navigation as a page shows it: the entry of the page's section (or the menu holding it) is current.</summary>
    public static IReadOnlyList<NavItem> NavItems(IReadOnlyList<NavEntry> nav, string section) => nav.Select(n =>
    {
        var items = n.Children.Select(c => new NavItem(c.Label, c.Url, c.Url == section) { Short = c.Short }).ToList();
        var current = section.Length > 0 && (n.Url == section || items.Any(i => i.Current));
        return new NavItem(n.Label, n.Url, current) { Short = n.Short, Items = items };
    }).ToList();

    /// <summary>A topic's side column: its counts (copies of one report counted once), the dates its articles span, its sources.</summary>
    private GlanceVm Glance(IReadOnlyList<Analysis.ArticleInfo> articles, int claims)
    {
        var dated = articles.Where(a => a.Article.Published is not null).OrderBy(a => a.Article.Published!.Value).ToList();
        var sources = articles.Where(a => a.Source is not null).Select(a => a.Source!).DistinctBy(s => s.Id)
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => new Link(s.Name, _u.Source(s.Id))).ToList();
        return new GlanceVm(ArticlesLabel(articles), Plural(claims, "claim"),
            dated.Count > 0 ? Markers.DateOf(dated[0].Article) : DateVm.Unknown, dated.Count > 0 ? Markers.DateOf(dated[^1].Article) : DateVm.Unknown, sources)
        { SomeUndated = dated.Count < articles.Count };
    }
}
