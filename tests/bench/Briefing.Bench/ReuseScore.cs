using Briefing.Analysis;
using Briefing.Content;
using Briefing.Diagnostics;

namespace Briefing.Bench;

/// <summary>
/// How well the site's reuse verdicts find a synthetic corpus's planted copies: the articles the site groups as copies
/// of one report (flagged pairs joined into clusters, as the compare page shows them), against the planted groups,
/// counted over pairs of articles said to be the same report.
/// </summary>
public sealed record ReuseScore(int Planted, int Found, int Right, int StockDocuments)
{
    /// <summary>Up to five planted pairs the site did not group, with their exact measures.</summary>
    public IReadOnlyList<ReusePair> Missed { get; init; } = [];

    /// <summary>Of the pairs the site groups together, the share that were planted together (1 when it groups none).</summary>
    public double Precision => Found == 0 ? 1 : (double)Right / Found;

    /// <summary>Of the planted pairs, the share the site groups together (1 when none were planted).</summary>
    public double Recall => Planted == 0 ? 1 : (double)Right / Planted;

    public static ReuseScore Of(SyntheticCorpus corpus, TextReuseOptions? options = null)
    {
        var result = TextReuse.AnalyseCorpus(corpus.Documents, options);
        var summary = Summary(corpus, result);
        var planted = SamePairs(corpus.PlantedGroups);
        var found = SamePairs(summary.Clusters.Select(c => (IReadOnlyList<string>)[c.Earliest, .. c.Copies.Select(f => f.A == c.Earliest ? f.B : f.A)]));
        var byId = corpus.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var missed = planted.Where(p => !found.Contains(p)).Order().Take(5).Select(p => result.Measure(byId[p.Item1], byId[p.Item2], passages: false)).ToList();
        return new ReuseScore(planted.Count, found.Count, found.Count(planted.Contains), result.StockDocuments) { Missed = missed };
    }

    /// <summary>The clusters the site forms from an analysis of the corpus (articles dated in id order).</summary>
    public static ReuseSummary Summary(SyntheticCorpus corpus, ReuseResult result)
    {
        var byId = corpus.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var articles = corpus.Documents.Select(d => new Article
        {
            Slug = d.Id, Pos = new SourcePos(d.Id + ".md", 1, 1), Title = d.Id, Source = null, Body = "", BodyLine = 1,
        }).ToList();
        return ReuseSummary.Combine(articles, result, byId, "");
    }

    private static HashSet<(string, string)> SamePairs(IEnumerable<IReadOnlyList<string>> groups)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var g in groups)
            for (int i = 0; i < g.Count; i++)
                for (int j = i + 1; j < g.Count; j++)
                    pairs.Add(string.CompareOrdinal(g[i], g[j]) < 0 ? (g[i], g[j]) : (g[j], g[i]));
        return pairs;
    }
}
