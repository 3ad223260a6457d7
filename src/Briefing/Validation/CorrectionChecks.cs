using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Text;

namespace Briefing.Validation;

/// <summary>A correction must name an article, a claim or a page that exists: a notice cannot be shown on nothing.</summary>
public static class CorrectionChecks
{
    /// <summary>The pages a correction may name by path besides topics and articles (paths from the site's root).</summary>
    public static readonly IReadOnlyList<string> FixedPages = ["/", "/compare/", "/timeline/", "/glossary/", "/sources/", "/compare/words/", "/corrections/", "/search/"];

    public static void Check(SiteContent c, DiagnosticBag d)
    {
        var articles = c.Articles.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var claims = c.Claims.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        HashSet<string>? pages = null;
        foreach (var x in c.Corrections)
        {
            if (x.Article is { } a && !articles.Contains(a.Value))
                d.Error(Codes.UnknownReference, a.Pos, $"This correction names the article '{a.Value}', which input/articles/ does not hold. " + Fuzzy.Suggest(a.Value, articles, "article slugs"));
            if (x.Claim is { } cl && !claims.Contains(cl.Value))
                d.Error(Codes.UnknownReference, cl.Pos, $"This correction names the claim '{cl.Value}', which input/claims.yml does not define. " + Fuzzy.Suggest(cl.Value, claims, "claim ids"));
            if (x.Page is { } p)
            {
                pages ??= PagePaths(c);
                if (!pages.Contains(p.Value))
                    d.Error(Codes.UnknownReference, p.Pos, $"This correction names the page '{p.Value}', which the site does not have. Write a path from the site's root with its slashes. " + Fuzzy.Suggest(p.Value, pages, "pages"));
            }
        }
    }

    private static HashSet<string> PagePaths(SiteContent c)
    {
        var set = new HashSet<string>(FixedPages, StringComparer.Ordinal);
        foreach (var t in c.Topics) { set.Add("/topics/" + t.Id + "/"); set.Add("/topics/" + t.Id + "/brief/"); }
        foreach (var a in c.Articles) set.Add("/articles/" + a.Slug + "/");
        return set;
    }
}
