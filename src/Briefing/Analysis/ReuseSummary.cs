using Briefing.Content;

namespace Briefing.Analysis;

/// <summary>A computed text-reuse measurement of one pair of articles (A &lt; B ordinal).</summary>
public sealed record ReuseMeasure(string A, string B, double AInB, double BInA, bool Flagged, IReadOnlyList<string> Passages);

/// <summary>One pair as the site shows it: the computed measure combined with the editors' <c>derived_from</c>.</summary>
public sealed record ReuseFinding(string A, string B, double AInB, double BInA, bool Flagged, string Verdict, bool HasPairPage,
    string EditorNote, bool Disagrees, IReadOnlyList<string> Passages);

/// <summary>
/// Which articles are the same report: flagged pairs, confirmed or overridden by editors' <c>derived_from</c>.
/// An editor's <c>derived_from</c> always joins the two articles; a computed pair is dropped from the grouping
/// when an editor says one of its articles derives from a third article instead. Both views stay visible.
/// </summary>
public sealed record ReuseSummary(IReadOnlyList<ReuseFinding> Pairs, IReadOnlyDictionary<string, string> GroupOf, string Method)
{
    public static ReuseSummary Combine(IReadOnlyList<Article> articles, IEnumerable<ReuseMeasure> measures, string method)
    {
        var slugs = articles.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var derived = articles.Where(a => a.DerivedFrom is { } d && slugs.Contains(d.Value) && d.Value != a.Slug)
            .ToDictionary(a => a.Slug, a => a.DerivedFrom!.Value, StringComparer.Ordinal);
        bool EditorLinks(string x, string y) => derived.GetValueOrDefault(x) == y || derived.GetValueOrDefault(y) == x;
        bool EditorContradicts(string x, string y) => !EditorLinks(x, y) && (derived.ContainsKey(x) || derived.ContainsKey(y));

        var byPair = measures.ToDictionary(m => (m.A, m.B));
        var findings = new List<ReuseFinding>();
        var edges = new List<(string, string)>();
        var pairs = byPair.Keys.Concat(derived.Select(kv => Order(kv.Key, kv.Value))).Distinct().OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal);
        foreach (var (a, b) in pairs)
        {
            var m = byPair.GetValueOrDefault((a, b)) ?? new ReuseMeasure(a, b, 0, 0, false, []);
            var editor = EditorLinks(a, b);
            if (!m.Flagged && !editor) continue;
            string note, verdict;
            bool disagrees;
            if (editor && m.Flagged) { verdict = "Share wording — likely the same wire report"; note = "The editors' judgement agrees: they mark one as derived from the other."; disagrees = false; }
            else if (editor) { verdict = "Same report, in the editors' judgement"; note = "The editors mark one as derived from the other, but the computed overlap is below the threshold."; disagrees = true; }
            else if (EditorContradicts(a, b)) { verdict = "Share wording — likely the same wire report"; note = "The computed overlap flags this pair, but the editors trace " + Who(a, b, derived) + " to another article, so the grouping follows the editors."; disagrees = true; }
            else { verdict = "Share wording — likely the same wire report"; note = ""; disagrees = false; }
            if (editor || (m.Flagged && !EditorContradicts(a, b))) edges.Add((a, b));
            findings.Add(new ReuseFinding(a, b, m.AInB, m.BInA, m.Flagged, verdict, m.Flagged || editor, note, disagrees, m.Passages));
        }

        // union-find: each article's group is named by its alphabetically first member
        var parent = slugs.ToDictionary(s => s, s => s, StringComparer.Ordinal);
        string Find(string x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        foreach (var (x, y) in edges)
        {
            var (rx, ry) = (Find(x), Find(y));
            if (rx != ry) { if (string.CompareOrdinal(rx, ry) < 0) parent[ry] = rx; else parent[rx] = ry; }
        }
        var groupOf = slugs.ToDictionary(s => s, Find, StringComparer.Ordinal);
        return new ReuseSummary(findings, groupOf, method);
    }

    /// <summary>How the site explains the computation to readers.</summary>
    public static string MethodText(TextReuseOptions o) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Computed from the texts, not judged by hand: each article is cut into overlapping runs of {o.ShingleSize} words, and for every pair we measure the share of each article's runs that also occur in the other. A pair is flagged as sharing wording when at least {o.FlagThreshold:P0} of either article's runs appear in the other (and at least {o.MinSharedShinglesToFlag} runs are shared). Common phrases and the joint statement's quoted words are too short to trip this. Where the editors' judgement differs, both are shown.");

    private static (string, string) Order(string x, string y) => string.CompareOrdinal(x, y) < 0 ? (x, y) : (y, x);

    private static string Who(string a, string b, Dictionary<string, string> derived) =>
        derived.ContainsKey(a) ? $"'{a}'" : $"'{b}'";
}
