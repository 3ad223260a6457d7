using Briefing.Content;

namespace Briefing.Pages;

/// <summary>
/// The sources page. A source with more articles than a page lists its latest on the sources page and all of them on
/// pages of its own (issue 23).
/// </summary>
public sealed partial class Planner
{
    private IOrderedEnumerable<Source> SourcesByName() => _c.Sources.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.Ordinal);

    private IEnumerable<Func<Page>> SourcesPages()
    {
        var work = new List<Func<Page>> { Sources };
        var counts = _a.Articles.Where(a => a.Source is not null).GroupBy(a => a.Source!.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var s in SourcesByName().Where(s => counts.GetValueOrDefault(s.Id) > PageSize))
        {
            var count = PageCount(counts[s.Id]);
            work.AddRange(Enumerable.Range(1, count).Select(n => (Func<Page>)(() => SourceArticles(s, n, count))));
        }
        return work;
    }

    private Page Sources()
    {
        var sources = SourceVms(SourcesByName());
        object vm = sources.Any(s => s.Articles.Count > PageSize)
            ? new SourcesPageVm(sources.Select(s => s with { Articles = s.Articles.Take(PageSize).ToList() }).ToList(),
                sources.Select(s => s.Articles.Count > PageSize ? new MoreVm($"All {Count(s.Articles.Count, "article")} from {s.Name}", _u.SourceArticles(s.Id)) : new MoreVm("", "")).ToList(),
                Coverage())
            : new SourcesVm(sources, Coverage());
        return new Page
        {
            Url = _u.Sources, OutputPath = _u.OutputPath(_u.Sources), Template = vm is SourcesVm ? "sources" : "sources-paged", Model = vm, Title = "Sources",
            Description = "The outlets the briefing's articles come from, and what is known of them.", Section = _u.Sources,
        };
    }

    /// <summary>Page <paramref name="number"/> of a source's articles, newest first.</summary>
    private Page SourceArticles(Source s, int number, int count)
    {
        var source = SourceVms([s])[0];
        var first = _u.SourceArticles(s.Id);
        var vm = new SourceArticlesVm(s.Name, _u.Source(s.Id), Position(number, count), Slice(source.Articles, number),
            Range("Articles", number, source.Articles.Count) + ", newest first", Pager(first, number, count, $"Pages of the articles from {s.Name}"));
        var url = Urls.Paged(first, number);
        return new Page
        {
            Url = url, OutputPath = _u.OutputPath(url), Template = "source-articles", Model = vm, Title = PagedTitle($"Articles from {s.Name}", number, count),
            Description = $"Every article in the briefing from {s.Name}, newest first.", Section = _u.Sources,
        };
    }
}
