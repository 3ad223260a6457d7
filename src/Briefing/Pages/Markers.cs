using System.Net;
using System.Text;
using Briefing.Analysis;
using Briefing.Content;
using Briefing.Rendering;

namespace Briefing.Pages;

/// <summary>
/// The markers that say what the captured text does not: an attribution or a date the editors inferred, a date
/// nobody knows. Written here once, for the article cards, the comparison columns, every date and the citations in
/// the editors' prose, so a reader meets the same words wherever the article is named.
/// </summary>
public static class Markers
{
    private const string AttributionText = "(attribution inferred)";
    private const string DateInferredText = "(inferred)";
    private const string DateUnknownText = "date unknown";
    private const string AttributionHtml = " <span class=\"inferred\">" + AttributionText + "</span>";

    /// <summary>The editors named the outlet although the captured text does not (the article's <c>source_note</c> says how).</summary>
    public static bool AttributionInferred(Article a) => a.SourceNote is not null;

    /// <summary>An article's date, marked when the editors inferred it (its <c>published_note</c> says how).</summary>
    public static DateVm DateOf(Article a) => Planner.Date(a.Published) is { Known: true } d ? d with { Inferred = a.PublishedNote is not null } : DateVm.Unknown;

    /// <summary>The marker after a source's name: " (attribution inferred)" when inferred, else nothing.</summary>
    public static HtmlBody Attribution(bool inferred) => inferred ? AttributionMark : HtmlBody.Empty;

    private static readonly HtmlBody AttributionMark = new(AttributionHtml);

    /// <summary>The source's name as plain text, with the inferred marker when the editors inferred the outlet.</summary>
    public static string SourceText(Article a, Source? s) => SourceName(s) + (AttributionInferred(a) ? " " + AttributionText : "");

    /// <summary>A date at its own precision, marked "(inferred)" when the editors inferred it; "date unknown" when there is none.</summary>
    public static string Date(DateVm d) => !d.Known ? $"<span class=\"unknown\">{DateUnknownText}</span>"
        : $"<time datetime=\"{WebUtility.HtmlEncode(d.Iso)}\">{WebUtility.HtmlEncode(d.Display)}</time>" + (d.Inferred ? $" <span class=\"inferred\">{DateInferredText}</span>" : "");

    /// <summary>The name an article's source goes by on every page.</summary>
    public static string SourceName(Source? s) => s?.Name ?? "Unknown source";

    /// <summary>An article named in plain text (a link's label): "South China Morning Post (attribution inferred), December 2023 (inferred)".</summary>
    public static string Label(Article a, Source? s)
    {
        var d = DateOf(a);
        return SourceText(a, s) + ", "
            + (!d.Known ? DateUnknownText : d.Display + (d.Inferred ? " " + DateInferredText : ""));
    }

    /// <summary>
    /// What follows a citation of an article in the editors' prose: the source's name and the date, each with the
    /// markers the article's own pages show, e.g. " [South China Morning Post (attribution inferred), December 2023 (inferred)]".
    /// </summary>
    public static string CiteLabel(Article a, Source? s)
    {
        var sb = new StringBuilder(" <span class=\"cite-source\">[");
        sb.Append(WebUtility.HtmlEncode(SourceName(s))).Append(AttributionInferred(a) ? AttributionHtml : "")
          .Append(", ").Append(Date(DateOf(a))).Append("]</span>");
        return sb.ToString();
    }
}

/// <summary>The citations of the editors' prose, resolved against the published articles and the sources.</summary>
internal sealed class CiteLinks(IReadOnlyDictionary<string, ArticleInfo> articles, IReadOnlyList<Source> sources, Urls urls) : ICiteResolver
{
    private readonly HashSet<string> _sources = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

    public (string Url, string AfterHtml)? Resolve(string scheme, string id) => scheme switch
    {
        "article" when articles.TryGetValue(id, out var a) => (urls.Article(id), Markers.CiteLabel(a.Article, a.Source)),
        "source" when _sources.Contains(id) => (urls.Source(id), ""),
        _ => null,
    };
}
