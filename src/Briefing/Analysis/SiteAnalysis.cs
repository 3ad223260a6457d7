using Briefing.Content;
using Briefing.Rendering;
using Briefing.Validation;

namespace Briefing.Analysis;

/// <summary>An article with what the build derived from it: its source, summary and rendered body.</summary>
public sealed record ArticleInfo(Article Article, Source? Source, Summary? Summary, RenderedMarkdown Body, QuoteFinder Finder)
{
    public string Slug => Article.Slug;
    /// <summary>Minutes at 230 words a minute, at least 1.</summary>
    public int ReadingMinutes => Math.Max(1, (int)Math.Round(Body.WordCount / 230.0));
}

/// <summary>One article's words for one claim, and the paragraph they are in (0-based).</summary>
public sealed record Citation(string ArticleSlug, string Quote, int Paragraph);

/// <summary>A claim with every article's citation of it.</summary>
public sealed record ClaimRow(Claim Claim, IReadOnlyList<Citation> Citations)
{
    public bool ReportedBy(string slug) => Citations.Any(c => c.ArticleSlug == slug);
}

/// <summary>Coverage, claims matrix and other cross-article facts, computed once per build.</summary>
public sealed class SiteAnalysis
{
    public required IReadOnlyList<ArticleInfo> Articles { get; init; }
    public required IReadOnlyDictionary<string, ArticleInfo> BySlug { get; init; }
    public required IReadOnlyList<ClaimRow> Claims { get; init; }
    /// <summary>Articles per (source id, topic id).</summary>
    public required IReadOnlyDictionary<(string Source, string Topic), int> Coverage { get; init; }
    /// <summary>The newest content date (latest article or timeline event), for "last updated".</summary>
    public PartialDate? Updated { get; init; }
    /// <summary>Text reuse between articles and the resulting groups of same-copy articles.</summary>
    public required ReuseSummary Reuse { get; init; }

    public static SiteAnalysis Compute(SiteContent content, IReadOnlyList<ArticleInfo> articles, ReuseSummary reuse)
    {
        var bySlug = articles.ToDictionary(a => a.Slug, StringComparer.Ordinal);
        // Citations per claim id in article order, then summary order: one pass over the summaries, not one per claim.
        var citations = new Dictionary<string, List<Citation>>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            if (a.Summary is null) continue;
            foreach (var cr in a.Summary.Claims)
            {
                if (!citations.TryGetValue(cr.Claim.Value, out var list)) citations[cr.Claim.Value] = list = [];
                list.Add(new Citation(a.Slug, cr.Quote.Value, Math.Max(0, a.Finder.Find(cr.Quote.Value))));
            }
        }
        var rows = content.Claims
            .GroupBy(c => c.Id, StringComparer.Ordinal).Select(g => g.First())
            .Select(claim => new ClaimRow(claim, citations.TryGetValue(claim.Id, out var list) ? list : []))
            .ToList();

        var coverage = new Dictionary<(string, string), int>();
        foreach (var a in articles)
        {
            if (a.Source is null) continue;
            foreach (var t in a.Article.Topics.Select(t => t.Value).Distinct())
                coverage[(a.Source.Id, t)] = coverage.GetValueOrDefault((a.Source.Id, t)) + 1;
        }

        var dates = articles.Select(a => a.Article.Published).OfType<PartialDate>()
            .Concat(content.Timeline.Select(e => e.Date)).ToList();
        return new SiteAnalysis
        {
            Articles = articles,
            BySlug = bySlug,
            Claims = rows,
            Coverage = coverage,
            Updated = dates.Count == 0 ? null : dates.Max(),
            Reuse = reuse,
        };
    }
}
