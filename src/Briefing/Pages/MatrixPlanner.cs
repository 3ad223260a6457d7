using System.Text;
using Briefing.Analysis;
using Briefing.Content;

namespace Briefing.Pages;

/// <summary>The claims matrix's short labels and its marks for articles published before a claim's event (issue 25.4).</summary>
public sealed partial class Planner
{
    /// <summary>
    /// Each column's label: the outlet (with its marker), and for an outlet with several columns the first words of
    /// the title, so that the cells cite an outlet rather than a headline.
    /// </summary>
    private static string[] ShortLabels(IReadOnlyList<ArticleInfo> columns)
    {
        var names = columns.Select(a => Markers.SourceText(a.Article, a.Source)).ToArray();
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return columns.Select((a, i) => repeated.Contains(names[i]) ? $"{names[i]}, “{FirstWords(a.Article.Title, 4)}”" : names[i]).ToArray();
    }

    private static string FirstWords(string text, int n)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= n ? text : string.Join(' ', words.Take(n)) + "…";
    }

    /// <summary>The article was published (on its latest possible day) before the first day of the claim's event.</summary>
    private static bool PublishedBefore(ArticleInfo a, ClaimRow r) =>
        r.Claim.Date is { } d && a.Article.Published is { } p && Span(p).Last < Span(d).First;

    /// <summary>The title excerpt of a short label ("…, “China-Vietnam relations enter…”"), or empty.</summary>
    private static string TitleExcerpt(string label)
    {
        var at = label.IndexOf(", “", StringComparison.Ordinal);
        return at < 0 ? "" : label[(at + 2)..];
    }

    /// <summary>The compare page's row of a claim the article cites with exactly these words (a quote is shown in full once), or empty.</summary>
    private string ClaimQuoteUrl(ArticleInfo a, string quote) =>
        a.Summary?.Claims.FirstOrDefault(c => c.Quote.Value == quote && _claimRows.ContainsKey(c.Claim.Value)) is { } c ? ClaimUrl(_claimRows[c.Claim.Value]) : "";

    /// <summary>
    /// The forms of each key term: a glossary entry's name, its abbreviation in brackets ("Code of Conduct (COC)")
    /// and its native name. Wording differs only where two quotes of a claim use different forms of one term, never
    /// for a synonym ("boost" against "step up"). Glossary variants, when entries list them, belong here too.
    /// </summary>
    private static IEnumerable<string> KeyTermForms(GlossaryEntry g)
    {
        var open = g.Name.IndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && g.Name.EndsWith(')'))
        {
            yield return g.Name[..open];
            yield return g.Name[(open + 2)..^1];
        }
        else yield return g.Name;
        if (g.NativeName is { Length: > 0 } native) yield return native;
    }

    private List<(string Term, string[] Forms)>? _keyTerms;

    /// <summary>The terms with more than one form, each form folded (case and diacritics) for matching.</summary>
    private List<(string Term, string[] Forms)> KeyTerms() => LazyInitializer.EnsureInitialized(ref _keyTerms, () => _c.Glossary
        .Select(g => (g.Name, KeyTermForms(g).Select(Fold).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToArray()))
        .Where(t => t.Item2.Length > 1).ToList());

    /// <summary>Lower case, diacritics folded, every run of non-letters one space, padded with spaces (for whole-word matching).</summary>
    internal static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(ch))
            {
                // ASCII folds to nothing but its lower case; a letter without a fold is appended as it is lowered,
                // without a string of its own
                if (ch >= '\u0080' && LatinFold.TryFold(ch, out var f)) sb.Append(f);
                else sb.Append(char.ToLowerInvariant(ch));
            }
            else if (sb[^1] != ' ') sb.Append(' ');
        }
        if (sb[^1] != ' ') sb.Append(' ');
        return sb.ToString();
    }
}
