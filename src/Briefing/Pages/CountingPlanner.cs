using Briefing.Analysis;
using Briefing.Content;

namespace Briefing.Pages;

/// <summary>
/// How many reports a claim has, counted one way on every page (issue 25.6): copies of one wire report are one
/// independent report, and only the articles that could have reported the claim are counted: for a claim with a
/// <c>date</c>, those published on or after it (an article of unknown date counts; a month or a year counts when any
/// day of it is late enough).
/// </summary>
public sealed partial class Planner
{
    /// <summary>A claim's count: the articles and independent reports that report it, of those that cover its period.</summary>
    public readonly record struct ReportCount(int Articles, int Independent, int ArticlesCovering, int IndependentCovering)
    {
        public string Label => Articles == Independent && ArticlesCovering == IndependentCovering
            ? $"Reported in {Independent} of {Plural(IndependentCovering, "independent report")}"
            : $"Reported in {Independent} of {Plural(IndependentCovering, "independent report")} ({Articles} of {Plural(ArticlesCovering, "article")})";
    }

    private sealed record CountIndex(HashSet<string> Slugs, DateTime[] ArticleEnds, DateTime[] GroupEnds);
    private CountIndex? _countIndex;
    private bool _countIndexMade;
    private object? _countIndexLock;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ClaimRow, ReportCount> _counts = new(ReferenceEqualityComparer.Instance);

    /// <summary>The first and the last day an article's date can mean; an unknown date can mean any day.</summary>
    private static (DateTime First, DateTime Last) Span(PartialDate? d) => d is not { } x ? (DateTime.MinValue, DateTime.MaxValue) : x.Precision switch
    {
        DatePrecision.Year => (new DateTime(x.Year, 1, 1), new DateTime(x.Year, 12, 31)),
        DatePrecision.Month => (new DateTime(x.Year, x.Month, 1), new DateTime(x.Year, x.Month, DateTime.DaysInMonth(x.Year, x.Month))),
        _ => (new DateTime(x.Year, x.Month, x.Day), new DateTime(x.Year, x.Month, x.Day)),
    };

    // Each article's last possible day, and each independent report's (its latest copy's), sorted: the number that
    // cover a period is then a binary search, so counting every claim costs claims × log(articles). Made once, under a
    // lock: the pages rendered in parallel all ask for it at the start.
    private CountIndex Index() => LazyInitializer.EnsureInitialized(ref _countIndex, ref _countIndexMade, ref _countIndexLock, () =>
    {
        var groupOf = _a.Reuse.GroupOf;
        var slugs = _a.Articles.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var ends = _a.Articles.Select(a => Span(a.Article.Published).Last).Order().ToArray();
        var groups = _a.Articles.GroupBy(a => groupOf.GetValueOrDefault(a.Slug, a.Slug), StringComparer.Ordinal)
            .Select(g => g.Max(a => Span(a.Article.Published).Last)).Order().ToArray();
        return new CountIndex(slugs, ends, groups);
    })!;

    private static int AtOrAfter(DateTime[] sorted, DateTime from)
    {
        var i = Array.BinarySearch(sorted, from);
        if (i < 0) i = ~i;
        else while (i > 0 && sorted[i - 1] == from) i--;
        return sorted.Length - i;
    }

    public ReportCount Count(ClaimRow r) => _counts.GetOrAdd(r, row =>
    {
        var index = Index();
        var groupOf = _a.Reuse.GroupOf;
        var reporters = row.Citations.Select(c => c.ArticleSlug).Where(index.Slugs.Contains).Distinct(StringComparer.Ordinal).ToList();
        // an article that reports the claim covers its period, whatever the claim's date says
        var from = Span(row.Claim.Date).First;
        foreach (var c in row.Citations)
            if (_a.BySlug.TryGetValue(c.ArticleSlug, out var info) && info.Article.Published is { } p && Span(p).First < from) from = Span(p).First;
        var independent = reporters.Select(s => groupOf.GetValueOrDefault(s, s)).Distinct(StringComparer.Ordinal).Count();
        return new ReportCount(reporters.Count, independent, AtOrAfter(index.ArticleEnds, from), AtOrAfter(index.GroupEnds, from));
    });

    /// <summary>"4 articles, 3 independent reports" (or "4 articles" when none of them share wire copy).</summary>
    private string ArticlesLabel(IReadOnlyCollection<ArticleInfo> articles)
    {
        var groupOf = _a.Reuse.GroupOf;
        var independent = articles.Select(a => groupOf.GetValueOrDefault(a.Slug, a.Slug)).Distinct(StringComparer.Ordinal).Count();
        return independent == articles.Count ? Plural(articles.Count, "article") : $"{Plural(articles.Count, "article")}, {Plural(independent, "independent report")}";
    }
}
