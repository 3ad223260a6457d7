using Briefing.Analysis;

namespace Briefing.Pages;

/// <summary>Whether a claim's reports disagree: one rule for the compare page, the topic pages and the briefs.</summary>
public sealed partial class Planner
{
    /// <summary>
    /// "Numbers differ", "Wording differs" or "", with what differs (the number phrases, or the forms of a key term).
    /// Two quotes disagree only if they come from independent reports: copies of one wire report differ as rewrites do,
    /// not as sources that disagree. Numbers differ when both quotes give numbers and they are not the same ("this
    /// week" does not contradict "a two-day visit"); wording differs when they use different forms of one of the
    /// glossary's key terms (a spelling, an abbreviation, a native name), never for a synonym.
    /// </summary>
    internal (string Label, IReadOnlyList<string> Details) Difference(ClaimRow r) =>
        _differences.GetOrAdd(r, static (row, self) => self.DifferenceOf(row), this);

    // The compare page's rows, the topic pages' disagreements and the briefs ask for the same claims: each answered once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ClaimRow, (string Label, IReadOnlyList<string> Details)> _differences =
        new(ReferenceEqualityComparer.Instance);

    private (string Label, IReadOnlyList<string> Details) DifferenceOf(ClaimRow r)
    {
        var groupOf = _a.Reuse.GroupOf;
        string Report(Citation c) => groupOf.GetValueOrDefault(c.ArticleSlug, c.ArticleSlug);
        bool AcrossReports(Func<Citation, string> value)
        {
            var given = r.Citations.Select(c => (Report: Report(c), Value: value(c))).Where(x => x.Value.Length > 0).ToList();
            return given.Any(x => given.Any(y => x.Report != y.Report && x.Value != y.Value));
        }
        if (AcrossReports(c => NumbersOf(c.Quote)))
            return ("Numbers differ", r.Citations.Where(c => NumbersOf(c.Quote).Length > 0).SelectMany(c => NumberPhrases(c.Quote)).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        var forms = new List<string>();
        // each quote folded once, for every key term
        var folded = r.Citations.Distinct().ToDictionary(c => c, c => Fold(c.Quote));
        foreach (var (_, termForms) in KeyTerms())
        {
            if (AcrossReports(c => string.Join("|", termForms.Where(f => folded[c].Contains(f, StringComparison.Ordinal)))))
                forms.AddRange(termForms.Where(f => folded.Values.Any(q => q.Contains(f, StringComparison.Ordinal))).Select(f => f.Trim()));
        }
        return (forms.Count > 0 ? "Wording differs" : "", forms);
    }
}
