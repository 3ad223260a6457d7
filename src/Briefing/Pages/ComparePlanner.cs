using System.Text.RegularExpressions;
using Briefing.Analysis;
using Briefing.Text;

namespace Briefing.Pages;

public sealed partial class Planner
{
    [GeneratedRegex(@"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|twenty|thirty|forty|fifty|hundred|dozens?|scores?|first|second|third|fourth|fifth)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWord();

    /// <summary>
    /// The numbers a quote gives ("16-page", "13 major agreements", "dozens of", "fourth"), lower-cased. Spelled-out
    /// words that do not count anything are skipped: "the two sides", "one of its".
    /// </summary>
    public static IReadOnlyList<string> Numbers(string quote) =>
        NumberWord().Matches(quote)
            .Where(m => char.IsDigit(m.Value[0]) || !(PrecededByThe(quote, m.Index) || quote.AsSpan(m.Index + m.Length).TrimStart().StartsWith("of ", StringComparison.OrdinalIgnoreCase) && m.Value.ToLowerInvariant() is "one" or "two"))
            .Select(m => m.Value.ToLowerInvariant().TrimEnd('.', ','))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static bool PrecededByThe(string s, int index)
    {
        var before = s.AsSpan(0, index).TrimEnd();
        return before.EndsWith("the", StringComparison.OrdinalIgnoreCase) && (before.Length == 3 || !char.IsLetter(before[^4]));
    }

    private Page Compare()
    {
        var columns = ByDate(_a.Articles).ToList();
        var groupOf = _a.Reuse.GroupOf;
        var groups = _c.Topics.Select(t => (Id: t.Id, Title: t.Title, Url: _u.Topic(t.Id)))
            .Append((Id: "", Title: "Other claims", Url: ""))
            .Select(t => new ClaimGroupVm(t.Title, t.Url, _a.Claims
                .Where(r => (r.Claim.Topic?.Value is { } id && _topics.ContainsKey(id) ? id : "") == t.Id)
                .Select(r => Row(r, columns, groupOf)).ToList()))
            .Where(g => g.Rows.Count > 0)
            .ToList();

        var exclusives = columns.Select(a => new ExclusiveVm(a.Article.Title, _u.Article(a.Slug), SourceName(a),
            _a.Claims.Where(r => r.Citations.Select(c => c.ArticleSlug).Distinct().SequenceEqual([a.Slug]))
                .Select(r => r.Citations.First(c => c.ArticleSlug == a.Slug) is var c ? new QuoteClaimVm(r.Claim.Text, c.Quote, QuoteUrl(a, c.Paragraph, c.Quote)) : null!)
                .ToList())).ToList();

        var angles = columns.Where(a => a.Summary is { Angle.Length: > 0 })
            .Select(a => new AngleVm(SourceName(a), a.Article.Title, _u.Article(a.Slug), a.Summary!.Angle)).ToList();

        var pairs = _a.Reuse.Pairs.Select(PairVm).ToList();
        var vm = new CompareVm(columns.Select(a => new ColumnVm(a.Slug, a.Article.Title, SourceName(a), _u.Article(a.Slug), Date(a.Article.Published))).ToList(),
            groups, exclusives, angles, Coverage(), pairs, _a.Reuse.Method, _a.Articles.Count, groupOf.Values.Distinct().Count());
        return new Page
        {
            Url = _u.Compare, OutputPath = _u.OutputPath(_u.Compare), Template = "compare", Model = vm, Title = "Compare sources",
            Description = "Which source reports which fact, in whose words; which articles share wire copy; what each source alone adds.", Section = _u.Compare,
        };
    }

    private MatrixRowVm Row(ClaimRow r, IReadOnlyList<ArticleInfo> columns, IReadOnlyDictionary<string, string> groupOf)
    {
        var cells = columns.Select(a =>
        {
            var c = r.Citations.FirstOrDefault(x => x.ArticleSlug == a.Slug);
            var label = $"{SourceName(a)}: {a.Article.Title}";
            return c is null ? new CellVm(false, "", "", label) : new CellVm(true, c.Quote, QuoteUrl(a, c.Paragraph, c.Quote), label);
        }).ToList();
        var reporters = r.Citations.Select(c => c.ArticleSlug).Distinct(StringComparer.Ordinal).ToList();
        var independent = reporters.Select(s => groupOf.GetValueOrDefault(s, s)).Distinct(StringComparer.Ordinal).Count();
        var quotes = r.Citations.Select(c => TextNormalizer.Normalize(c.Quote).ToLowerInvariant()).Distinct().ToList();
        var numbers = r.Citations.Select(c => string.Join(" ", Numbers(c.Quote))).Distinct().ToList();
        var numbersDiffer = r.Citations.Count > 1 && numbers.Count > 1;
        var wordingDiffers = quotes.Count > 1;
        var diff = numbersDiffer ? "Numbers differ" : wordingDiffers ? "Wording differs" : "";
        return new MatrixRowVm(r.Claim.Id, r.Claim.Text, cells,
            $"Reported by {reporters.Count} of {_a.Articles.Count} articles, {Plural(independent, "independent report")}",
            numbersDiffer || wordingDiffers, diff, numbersDiffer ? r.Citations.SelectMany(c => Numbers(c.Quote)).Distinct().ToList() : []);
    }

    private ReusePairVm PairVm(ReuseFinding f)
    {
        var a = _a.BySlug[f.A];
        var b = _a.BySlug[f.B];
        return new ReusePairVm(a.Article.Title, _u.Article(a.Slug), SourceName(a), b.Article.Title, _u.Article(b.Slug), SourceName(b),
            Percent(f.AInB), Percent(f.BInA), f.Flagged, f.Verdict, f.HasPairPage ? _u.ComparePair(f.A, f.B) : "", f.HasPairPage, f.EditorNote, f.Disagrees, f.Passages);
    }

    public static string Percent(double share) => Math.Round(share * 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%";
}
