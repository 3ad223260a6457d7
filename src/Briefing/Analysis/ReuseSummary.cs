using Briefing.Content;

namespace Briefing.Analysis;

/// <summary>
/// One pair as the site shows it (A &lt; B ordinal): the computed measure combined with the editors' <c>derived_from</c>.
/// <see cref="HasPairPage"/>: the two texts get a side-by-side page (a cluster of two, or a disputed pair); the copies
/// of a larger cluster are shown together on the cluster's page instead.
/// </summary>
public sealed record ReuseFinding(string A, string B, double AInB, double BInA, bool Flagged, string Verdict, bool HasPairPage,
    string EditorNote, bool Disagrees);

/// <summary>Several articles that are copies of one report: each other copy measured against the earliest one.</summary>
/// <param name="Earliest">The earliest copy's slug (by publication date, then slug; an unknown date sorts last).</param>
/// <param name="Copies">Each other copy's finding against the earliest, in the same order.</param>
/// <param name="Kept">For a cluster of three or more: for each paragraph of the earliest copy, how many other copies keep
/// it (see <see cref="ReuseResult.MeasureCluster"/>); empty for a pair, which has a side-by-side page instead.</param>
public sealed record ReuseCluster(string Earliest, IReadOnlyList<ReuseFinding> Copies, IReadOnlyList<int> Kept)
{
    public int Size => Copies.Count + 1;
}

/// <summary>
/// Which articles are the same report: flagged pairs, confirmed or overridden by editors' <c>derived_from</c>, joined
/// into clusters. An editor's <c>derived_from</c> always joins the two articles; a computed pair is left out of the
/// clusters when an editor says one of its articles derives from a third article instead, and is shown on its own as a
/// disagreement. Each cluster is shown as its copies against its earliest copy: n − 1 findings, not n·(n − 1)/2.
/// </summary>
public sealed record ReuseSummary(IReadOnlyList<ReuseFinding> Pairs, IReadOnlyList<ReuseCluster> Clusters,
    IReadOnlyList<ReuseFinding> Disputed, IReadOnlyDictionary<string, string> GroupOf, string Method)
{
    /// <param name="reuse">The analysis of the articles' texts: its flagged pairs form the clusters, and it measures the pairs shown.</param>
    /// <param name="docs">Each article's text as the analysis read it, by slug.</param>
    public static ReuseSummary Combine(IReadOnlyList<Article> articles, ReuseResult reuse, IReadOnlyDictionary<string, ReuseDocument> docs, string method)
    {
        var slugs = articles.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var derived = articles.Where(a => a.DerivedFrom is { } d && slugs.Contains(d.Value) && d.Value != a.Slug)
            .ToDictionary(a => a.Slug, a => a.DerivedFrom!.Value, StringComparer.Ordinal);
        bool EditorLinks(string x, string y) => derived.GetValueOrDefault(x) == y || derived.GetValueOrDefault(y) == x;
        bool EditorContradicts(string x, string y) => !EditorLinks(x, y) && (derived.ContainsKey(x) || derived.ContainsKey(y));

        var disputedPairs = new List<(string A, string B)>();
        var parent = slugs.ToDictionary(s => s, s => s, StringComparer.Ordinal);
        string Find(string x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        void Join(string x, string y)
        {
            var (rx, ry) = (Find(x), Find(y));
            if (rx != ry) { if (string.CompareOrdinal(rx, ry) < 0) parent[ry] = rx; else parent[rx] = ry; }
        }
        foreach (var (a, b) in reuse.Pairs.Where(p => p.Flagged).Select(p => (p.A, p.B)))
        {
            if (EditorContradicts(a, b)) disputedPairs.Add((a, b));
            else Join(a, b);
        }
        foreach (var (x, y) in derived) Join(x, y);

        var order = articles.GroupBy(a => a.Slug, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(a => a.Published is null).ThenBy(a => a.Published).ThenBy(a => a.Slug, StringComparer.Ordinal).Select(a => a.Slug).ToList();
        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var slug in order)
        {
            var root = Find(slug);
            if (!members.TryGetValue(root, out var list)) members[root] = list = [];
            list.Add(slug); // earliest first
        }
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in members.Values)
            foreach (var slug in list) groupOf[slug] = list[0];
        // each cluster measured on its own, in parallel
        var groups = members.Values.Where(list => list.Count >= 2).ToArray();
        var clusters = new ReuseCluster[groups.Length];
        Parallel.For(0, groups.Length, g =>
        {
            var list = groups[g];
            var earliest = list[0];
            var pair = list.Count == 2;
            var (measured, kept) = reuse.MeasureCluster(docs[earliest], list.Skip(1).Select(c => docs[c]).ToList(), kept: !pair);
            var copies = list.Skip(1).Select((copy, i) => Finding(measured[i], EditorLinks(earliest, copy), contradicts: false, pairPage: pair)).ToList();
            clusters[g] = new ReuseCluster(earliest, copies, pair ? [] : kept);
        });
        Array.Sort(clusters, (x, y) => string.CompareOrdinal(x.Earliest, y.Earliest));
        var disputed = disputedPairs.Select(p => Finding(reuse.Measure(docs[p.A], docs[p.B], passages: false), editor: false, contradicts: true, pairPage: true, Who(p.A, p.B, derived))).ToList();
        var pairs = clusters.SelectMany(c => c.Copies).Concat(disputed)
            .OrderBy(f => f.A, StringComparer.Ordinal).ThenBy(f => f.B, StringComparer.Ordinal).ToList();
        return new ReuseSummary(pairs, clusters, disputed, groupOf, method);
    }

    private static ReuseFinding Finding(ReusePair m, bool editor, bool contradicts, bool pairPage, string who = "")
    {
        const string Flag = "Share wording — likely the same wire report";
        var (verdict, note, disagrees) = (m.Flagged, editor, contradicts) switch
        {
            (true, _, true) => (Flag, "The computed overlap flags this pair, but the editors trace " + who + " to another article, so the grouping follows the editors.", true),
            (true, true, _) => (Flag, "The editors' judgement agrees: they mark one as derived from the other.", false),
            (true, false, _) => (Flag, "", false),
            (false, true, _) => ("Same report, in the editors' judgement", "The editors mark one as derived from the other, but the computed overlap is below the threshold.", true),
            _ => ("Same report, through another copy", "This copy shares wording with another copy of the same report; against the earliest copy the computed overlap is below the threshold.", false),
        };
        return new ReuseFinding(m.A, m.B, m.ContainmentAInB, m.ContainmentBInA, m.Flagged, verdict, pairPage, note, disagrees);
    }

    /// <summary>How the site explains the computation to readers.</summary>
    public static string MethodText(TextReuseOptions o, int stockDocuments) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Computed from the texts, not judged by hand: each article is cut into overlapping runs of {o.ShingleSize} words, and for every pair we measure the share of each article's runs that also occur in the other. A pair is flagged as sharing wording when at least {o.FlagThreshold:P0} of either article's runs appear in the other (and at least {o.MinSharedShinglesToFlag} runs are shared). Runs found in more than {stockDocuments} articles are treated as stock wording and not counted. Common phrases and the joint statement's quoted words are too short to trip this. Copies of one report are shown as one group, each measured against the earliest copy. Where the editors' judgement differs, both are shown.");

    private static string Who(string a, string b, Dictionary<string, string> derived) =>
        derived.ContainsKey(a) ? $"'{a}'" : $"'{b}'";
}
