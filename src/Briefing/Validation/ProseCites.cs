using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Rendering;
using Briefing.Text;

namespace Briefing.Validation;

/// <summary>
/// Checks the citations in the editors' prose (<c>[text](article:slug)</c>, <c>[text](source:id)</c>): in the topic
/// overviews, the lede, the takeaways and the timeline and glossary texts. Each must name an article or a source; the
/// links are found by the build's own Markdown pipeline, so what is checked is what is rendered.
/// </summary>
public static class ProseCites
{
    public static void Check(SiteContent c, MarkdownRenderer markdown, DiagnosticBag d)
    {
        var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["article"] = c.Articles.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal),
            ["source"] = c.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal),
        };
        // a Markdown body (topic) maps each link to its own line and column; a YAML text, folded onto fewer lines than
        // it is written on, reports the position of its key
        void One(string text, SourcePos at, bool exact = false)
        {
            if (!text.Contains("](", StringComparison.Ordinal)) return;
            foreach (var cite in markdown.FindCites(text))
            {
                var ids = known[cite.Scheme];
                if (ids.Contains(cite.Id) || Validator.Unread(c, cite.Scheme, cite.Id)) continue;
                var pos = exact ? new SourcePos(at.File, at.Line + cite.Line, cite.Column + 1) : at;
                var what = cite.Scheme == "article" ? "article slugs" : "source ids";
                d.Error(Codes.UnknownReference, pos,
                    $"The link '({cite.Scheme}:{cite.Id})' cites no {cite.Scheme}: no {cite.Scheme} has the {(cite.Scheme == "article" ? "slug" : "id")} '{cite.Id}'. " + Fuzzy.Suggest(cite.Id, ids, what));
            }
        }
        One(c.Site.Lede, c.Site.LedePos);
        foreach (var t in c.Site.Takeaways) One(t.Text, t.TextPos);
        foreach (var t in c.Topics) One(t.Body, new SourcePos(t.Pos.File, t.BodyLine, 1), exact: true);
        foreach (var e in c.Timeline) One(e.Text, e.TextPos);
        foreach (var g in c.Glossary) One(g.Text, g.TextPos);
    }
}
