using Briefing.Diagnostics;

namespace Briefing.Content;

/// <summary>
/// One entry of input/corrections.yml: when the briefing was corrected, what it said, what it says now, and what the
/// correction concerns: an article (its slug), a claim (its id) or a page (its path from the site's root, e.g. /glossary/).
/// </summary>
public sealed record Correction
{
    public required PartialDate Date { get; init; }
    public required string Wrong { get; init; }
    public required string Now { get; init; }
    public Located<string>? Article { get; init; }
    public Located<string>? Claim { get; init; }
    public Located<string>? Page { get; init; }
    public required SourcePos Pos { get; init; }
    /// <summary>Its place in the file (from 0): a stable anchor for two corrections of one day.</summary>
    public int Index { get; init; }

    /// <summary>Each correction's anchor on the corrections page ("correction-2026-12-03", then "-2", "-3" for more that day).</summary>
    public static IReadOnlyList<string> Anchors(IReadOnlyList<Correction> corrections)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return corrections.Select(x =>
        {
            var anchor = "correction-" + x.Date.Iso;
            var n = seen[anchor] = seen.GetValueOrDefault(anchor) + 1;
            return n > 1 ? anchor + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : anchor;
        }).ToList();
    }
}

public sealed partial class InputLoader
{
    private const string CorrectionsFile = "corrections.yml";
    private static readonly string[] CorrectionKeys = ["date", "wrong", "now", "article", "claim", "page"];
    private int _corrections;

    private Correction? ReadCorrection(YNode n)
    {
        var r = new MapReader(n, n.Pos, "a correction", CorrectionKeys, diags);
        var date = ReadDate(r, "date", required: true, diags);
        var wrong = r.String("wrong", required: true);
        var now = r.String("now", required: true);
        var article = r.String("article");
        var claim = r.String("claim");
        var page = r.String("page");
        var targets = (article is null ? 0 : 1) + (claim is null ? 0 : 1) + (page is null ? 0 : 1);
        if (targets != 1)
            diags.Error(targets == 0 ? Codes.RequiredMissing : Codes.InvalidValue, n.Pos,
                "A correction names exactly one thing it concerns: 'article: <slug>', 'claim: <claim id>' or 'page: <path such as /glossary/>'" + (targets == 0 ? "; add one." : "; keep one and make the others corrections of their own."));
        if (date is null || wrong is null || now is null || targets != 1) return null;
        return new Correction { Date = date.Value, Wrong = wrong.Value, Now = now.Value, Article = article, Claim = claim, Page = page, Pos = n.Pos, Index = _corrections++ };
    }

    // newest first; corrections of one day in the file's order
    private static List<Correction> SortCorrections(List<Correction> list) =>
        list.OrderByDescending(c => c.Date).ThenBy(c => c.Index).ToList();
}
