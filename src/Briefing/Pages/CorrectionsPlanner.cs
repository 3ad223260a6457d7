using Briefing.Content;

namespace Briefing.Pages;

/// <summary>Corrections (issue 20): the corrections page, the notice on each page a correction concerns, and a claim's "last checked".</summary>
public sealed partial class Planner
{
    private IReadOnlyList<CorrectionVm>? _correctionVms;

    /// <summary>Every correction, newest first, with what it concerns resolved to a label and a link: made once.</summary>
    public IReadOnlyList<CorrectionVm> CorrectionVms() => LazyInitializer.EnsureInitialized(ref _correctionVms, () =>
    {
        var anchors = Correction.Anchors(_c.Corrections);
        return _c.Corrections.Select((x, i) =>
        {
            var anchor = anchors[i];
            var (kind, label, url) = Concerns(x);
            return new CorrectionVm(Date(x.Date), x.Wrong, x.Now, kind, label, url, anchor, _u.Corrections + "#" + anchor);
        }).ToList();
    })!;

    private (string Kind, string Label, string Url) Concerns(Correction x)
    {
        if (x.Article is { } a)
            return _a.BySlug.TryGetValue(a.Value, out var info) ? ("Article", info.Article.Title, _u.Article(a.Value)) : ("Article", a.Value, "");
        if (x.Claim is { } cl && _claims.TryGetValue(cl.Value, out var claim))
            return ("Claim", claim.Text, ClaimPage(claim) + "#claim-" + claim.Id);
        var path = x.Page?.Value ?? "/";
        return ("Page", PageLabel(path), _u.FromRoot(path));
    }

    /// <summary>The page where a claim is shown with its quotes: its topic's page, else the compare page.</summary>
    private string ClaimPage(Claim c) => c.Topic is { } t && _topics.ContainsKey(t.Value) ? _u.Topic(t.Value) : _u.Compare;

    private string PageLabel(string path)
    {
        foreach (var t in _c.Topics)
        {
            if (path == "/topics/" + t.Id + "/") return t.Title;
            if (path == "/topics/" + t.Id + "/brief/") return "One-page brief: " + t.Title;
        }
        foreach (var a in _a.Articles)
            if (path == "/articles/" + a.Slug + "/") return a.Article.Title;
        return path switch
        {
            "/" => "Home page",
            "/compare/" => "Compare sources",
            "/compare/words/" => "How each source names things",
            "/timeline/" => "Timeline",
            "/glossary/" => "Glossary",
            "/sources/" => "Sources",
            "/search/" => "Search",
            _ => path,
        };
    }

    /// <summary>
    /// The corrections each page shows as a notice, by the page's URL: an article's on its page, a claim's on its
    /// topic's page and on the compare page, a page's on that page.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CorrectionVm>> CorrectionNotices()
    {
        var notices = new Dictionary<string, List<CorrectionVm>>(StringComparer.Ordinal);
        var vms = CorrectionVms();
        for (var i = 0; i < _c.Corrections.Count; i++)
        {
            var x = _c.Corrections[i];
            IEnumerable<string> pages = x.Article is { } a ? [_u.Article(a.Value)]
                : x.Claim is { } cl && _claims.TryGetValue(cl.Value, out var claim) ? new[] { ClaimPage(claim), _u.Compare }.Distinct()
                : [_u.FromRoot(x.Page?.Value ?? "/")];
            foreach (var url in pages)
            {
                if (!notices.TryGetValue(url, out var list)) notices[url] = list = [];
                list.Add(vms[i]);
            }
        }
        return notices.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<CorrectionVm>)kv.Value, StringComparer.Ordinal);
    }

    private Page CorrectionsPage()
    {
        var vm = new CorrectionsVm(CorrectionVms());
        return new Page { Url = _u.Corrections, OutputPath = _u.OutputPath(_u.Corrections), Template = "corrections", Model = vm, Title = "Corrections", Description = "What the briefing got wrong, when it was corrected, and what it says now.", LastModified = _c.Corrections.Count > 0 ? _c.Corrections[0].Date.Iso : "" };
    }

    /// <summary>A claim's "last checked" date, when the editors give one.</summary>
    private static DateVm Checked(Claim c) => c.Checked is { } d ? Date(d) : DateVm.Unknown;

    /// <summary>The pages issue 20 adds: corrections, how sources name things, and each topic's one-page brief.</summary>
    private IEnumerable<Func<Page>> ReaderPages()
    {
        yield return CorrectionsPage;
        if (Variants.Counter.Variants.Count > 0) yield return WordsPage;
        foreach (var t in _c.Topics) yield return () => Brief(t);
        if (SearchOn) yield return SearchPage;
    }
}

public sealed partial class Planner
{
    private IReadOnlyDictionary<string, IReadOnlyList<CorrectionVm>>? _notices;

    /// <summary>What issue 20 adds to a page's layout: its correction notices, the corrections link and the search box.</summary>
    public LayoutVm ReaderLayout(LayoutVm layout, Page p)
    {
        var notices = LazyInitializer.EnsureInitialized(ref _notices, CorrectionNotices)!;
        return layout with
        {
            Corrections = notices.GetValueOrDefault(p.Url) ?? [],
            CorrectionsUrl = _u.Corrections,
            SearchUrl = SearchOn && p.Template != "brief" ? _u.Search : "",
            TopicsUrl = _u.Home + "#topics",
            SearchBoxScript = SearchOn ? AssetUrl("search-box.js") : "",
            SearchFilters = SearchFilters(p),
            SearchPageScript = p.Template == "search" ? AssetUrl("search-page.js") : "",
            SearchBundle = SearchOn ? _u.BasePath + "pagefind/" : "",
        };
    }

    /// <summary>Whether pages show the search box: the site asks for search and the index will be made (set by the build).</summary>
    public bool SearchOn { get; init; }
}
