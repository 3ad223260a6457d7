namespace Briefing.Pages;

/// <summary>Search (issue 20): the search page, and what each page tells Pagefind (what to index, its filters).</summary>
public sealed partial class Planner
{
    /// <summary>The theme's fingerprinted assets (set by the build before rendering), for the search scripts' names.</summary>
    public IReadOnlyList<OutputFile> Assets { get; set; } = [];

    private string AssetUrl(string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name) + ".";
        var ext = Path.GetExtension(name);
        var file = Assets.FirstOrDefault(f => f.Path.StartsWith("assets/" + stem, StringComparison.Ordinal) && f.Path.EndsWith(ext, StringComparison.Ordinal) && f.Path.Count(c => c == '.') == 2);
        return file is null ? "" : _u.BasePath + file.Path;
    }

    private Page SearchPage()
    {
        var vm = new SearchVm(_u.Home + "#topics") { BundleUrl = _u.BasePath + "pagefind/" };
        return new Page { Url = _u.Search, OutputPath = _u.OutputPath(_u.Search), Template = "search", Model = vm, Title = "Search", Description = "Search the articles, summaries, claims, topics and glossary.", Index = false };
    }

    /// <summary>
    /// What Pagefind indexes of a page (article text and summaries, claims, topics, glossary) and its filters: the kind
    /// of page, its topics, its source. Empty for a page that is not searched.
    /// </summary>
    private IReadOnlyList<string> SearchFilters(Page p)
    {
        if (!SearchOn) return [];
        if (p.ArticleSlug is { } slug && _a.BySlug.TryGetValue(slug, out var a))
            return ["kind:Article", .. a.Article.Topics.Where(t => _topics.ContainsKey(t.Value)).Select(t => "topic:" + _topics[t.Value].Title), "source:" + Markers.SourceName(a.Source)];
        if (p.Template == "topic") return ["kind:Topic", "topic:" + p.Title];
        if (p.Template == "glossary") return ["kind:Glossary"];
        return [];
    }
}
