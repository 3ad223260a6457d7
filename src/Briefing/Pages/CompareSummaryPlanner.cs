using System.Globalization;
using Briefing.Analysis;

namespace Briefing.Pages;

/// <summary>
/// The compare page of a briefing whose lists are longer than a page (issue 23): its counts and most-reported claims,
/// then links to the detail, each list on pages of its own (the claims topic by topic, shared wording, exclusive
/// claims, angles). A briefing whose lists fit keeps the one compare page it always had.
/// </summary>
public sealed partial class Planner
{
    /// <summary>The compare page's lists, counted without building them: which pages there are follows from this.</summary>
    private sealed record CompareShape(bool Summary, List<ClaimGroup> Groups, int Clusters, int Exclusives, int Angles);

    /// <summary>The claims on one topic ("" for claims without a known topic), in the compare page's order.</summary>
    private sealed record ClaimGroup(string Id, string Title, List<ClaimRow> Rows);

    private CompareShape? _compareShape;
    private CompareShape Shape => LazyInitializer.EnsureInitialized(ref _compareShape, ComputeShape);

    /// <summary>Whether the compare page is a summary with its lists on pages of their own.</summary>
    private bool CompareIsSummary => Shape.Summary;

    private CompareShape ComputeShape()
    {
        var groups = _c.Topics.Select(t => (t.Id, t.Title)).Append(("", "Other claims"))
            .Select(g => new ClaimGroup(g.Item1, g.Item2, _a.Claims.Where(r => (r.Claim.Topic?.Value is { } id && _topics.ContainsKey(id) ? id : "") == g.Item1).ToList()))
            .Where(g => g.Rows.Count > 0).ToList();
        var clusters = _a.Reuse.Clusters.Count + _a.Reuse.Disputed.Count;
        // articles with a claim that no other article reports
        var exclusives = _a.Claims.Where(r => r.Citations.Count > 0 && r.Citations.All(c => c.ArticleSlug == r.Citations[0].ArticleSlug) && _a.BySlug.ContainsKey(r.Citations[0].ArticleSlug))
            .Select(r => r.Citations[0].ArticleSlug).Distinct(StringComparer.Ordinal).Count();
        var angles = _a.Articles.Count(a => a.Summary is { Angle.Length: > 0 });
        // a claim that more articles report than a page holds is a list too (beyond the matrix's columns, one row of it)
        var summary = groups.Any(g => g.Rows.Count > PageSize) || _a.Claims.Any(r => _reporters[r] > PageSize) || clusters > PageSize || exclusives > PageSize || angles > PageSize;
        return new CompareShape(summary, groups, clusters, exclusives, angles);
    }

    private object? _fullCompare;
    private bool _fullCompareDone;
    private object? _fullCompareLock;

    /// <summary>The compare page's view model with every list in full, made once: the summary and the detail pages take their parts from it.</summary>
    private CompareVm FullCompare => (CompareVm)LazyInitializer.EnsureInitialized(ref _fullCompare, ref _fullCompareDone, ref _fullCompareLock, () => Compare().Model)!;

    private Dictionary<string, MatrixRowVm>? _rowsById;
    private Dictionary<string, MatrixRowVm> RowsById => LazyInitializer.EnsureInitialized(ref _rowsById,
        () => FullCompare.Groups.SelectMany(g => g.Rows).GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    private Dictionary<string, (string Group, int Index)>? _claimPlace;

    /// <summary>Where a claim is shown with the articles that report it: its place on the compare page or on its topic's claims pages.</summary>
    private string ClaimUrl(ClaimRow r)
    {
        if (!CompareIsSummary) return _u.Compare + "#claim-" + r.Claim.Id;
        var places = LazyInitializer.EnsureInitialized(ref _claimPlace, () =>
        {
            var d = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
            foreach (var g in Shape.Groups)
                for (var i = 0; i < g.Rows.Count; i++) d.TryAdd(g.Rows[i].Claim.Id, (g.Id, i));
            return d;
        });
        var (group, index) = places[r.Claim.Id];
        return Urls.Paged(_u.CompareClaims(group), PageOf(index)) + "#claim-" + r.Claim.Id;
    }

    /// <summary>Where all the claims on a topic are listed.</summary>
    private string ClaimsUrl(string topicId) => CompareIsSummary ? _u.CompareClaims(topicId) : _u.Compare + "#matrix";

    /// <summary>A claim's row without its cells: its words, how many report it and whether their words or numbers differ.</summary>
    private MatrixRowVm DifferenceRow(ClaimRow r) => Row(r, [], EmptyIndex, [], wide: true);

    private static readonly Dictionary<string, int> EmptyIndex = new(StringComparer.Ordinal);

    private static readonly string[] Sections = ["shared-wording", "exclusive", "angles"];

    /// <summary>The compare page, and when it is a summary, the pages of its lists.</summary>
    private IEnumerable<Func<Page>> ComparePages()
    {
        if (!CompareIsSummary) return [Compare];
        var work = new List<Func<Page>> { CompareSummary };
        foreach (var g in Shape.Groups)
        {
            var count = PageCount(g.Rows.Count);
            work.AddRange(Enumerable.Range(1, count).Select(n => (Func<Page>)(() => CompareClaimsPage(g, n, count))));
        }
        foreach (var s in Sections)
        {
            var count = PageCount(s switch { "shared-wording" => Shape.Clusters, "exclusive" => Shape.Exclusives, _ => Shape.Angles });
            work.AddRange(Enumerable.Range(1, count).Select(n => (Func<Page>)(() => CompareSectionPage(s, n, count))));
        }
        return work;
    }

    private Page CompareSummary()
    {
        var full = FullCompare;
        var claims = Shape.Groups.SelectMany(g => g.Rows).ToList();
        var differing = claims.Count(r => RowsById[r.Claim.Id].Differs);
        var top = claims.OrderByDescending(r => _reporters[r]).Take(PageSize).Select(r => new ClaimEntryVm(RowsById[r.Claim.Id] with { Cells = [] }, ClaimUrl(r), "")).ToList();
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{Count(full.ArticleCount, "article")}, {Count(full.IndependentCount, "independent report")} once shared wire copy is counted once. {Count(claims.Count, "claim")}, {differing:N0} of them reported in different words or with different numbers.");
        var vm = new CompareSummaryVm(counts, top,
            Shape.Groups.Select(g => new MoreVm($"{g.Title}: {Count(g.Rows.Count, "claim")}", _u.CompareClaims(g.Id))).ToList(),
            new MoreVm($"{Count(Shape.Clusters, "report")} that several articles share, or that the editors dispute", _u.CompareSection("shared-wording")),
            new MoreVm($"{Count(Shape.Exclusives, "article")} with a claim that no other article reports", _u.CompareSection("exclusive")),
            new MoreVm($"Each source’s angle, article by article ({Count(Shape.Angles, "article")})", _u.CompareSection("angles")),
            full.Coverage);
        return new Page
        {
            Url = _u.Compare, OutputPath = _u.OutputPath(_u.Compare), Template = "compare-summary", Model = vm, Title = "Compare sources",
            Description = "Which source reports which fact, in whose words; which articles share wire copy; what each source alone adds.", Section = _u.Compare,
        };
    }

    private Page CompareClaimsPage(ClaimGroup g, int number, int count)
    {
        var first = _u.CompareClaims(g.Id);
        var entries = Slice(g.Rows, number).Select(r =>
        {
            var row = RowsById[r.Claim.Id];
            var reported = row.Cells.Where(c => c.Reported).ToList();
            // a claim that very many articles report lists a page of them; each article's own page shows its words
            var more = reported.Count > PageSize ? $"And {Count(reported.Count - PageSize, "more article")}: each article’s page shows its words for this claim." : "";
            return new ClaimEntryVm(row with { Cells = reported.Take(PageSize).ToList() }, "", more);
        }).ToList();
        var title = g.Id.Length == 0 ? "Claims without a topic" : $"Claims on {g.Title}";
        var vm = new CompareClaimsVm(title, g.Id.Length == 0 ? "" : _u.Topic(g.Id), Position(number, count), entries, Pager(first, number, count, "Pages of the " + char.ToLowerInvariant(title[0]) + title[1..]), _u.Compare);
        var url = Urls.Paged(first, number);
        return new Page
        {
            Url = url, OutputPath = _u.OutputPath(url), Template = "compare-claims", Model = vm, Title = PagedTitle(title, number, count), Section = _u.Compare,
            Description = $"{title}, each in the editors’ words, with the words of the articles that report it.",
        };
    }

    private Page CompareSectionPage(string section, int number, int count)
    {
        var full = FullCompare;
        var first = _u.CompareSection(section);
        var (title, intro) = section switch
        {
            "shared-wording" => ("Shared wording", full.ReuseMethod),
            "exclusive" => ("What only one source reports", "Each article that reports a claim no other article reports, newest first, with those claims."),
            _ => ("Each source’s angle", "What each article emphasises, in the editors’ words, newest first."),
        };
        var vm = new CompareSectionVm(title, intro, Position(number, count), section,
            section == "shared-wording" ? Slice(full.Clusters, number) : [],
            section == "exclusive" ? Slice(full.Exclusives.Where(e => e.Claims.Count > 0).ToList(), number) : [],
            section == "angles" ? Slice(full.Angles, number) : [],
            Pager(first, number, count, $"Pages of {title.ToLowerInvariant()}"), _u.Compare);
        var url = Urls.Paged(first, number);
        return new Page
        {
            Url = url, OutputPath = _u.OutputPath(url), Template = "compare-section", Model = vm, Title = PagedTitle(title, number, count), Section = _u.Compare,
            Description = $"{title}: {intro}",
        };
    }
}
