using System.Xml;
using Briefing.Analysis;
using Briefing.Content;
using Briefing.Pages;

namespace Briefing.Rendering;

/// <summary>The feed's correction entries (issue 20): a reader who follows the feed learns of a correction as of an article.</summary>
public static partial class Feeds
{
    /// <summary>The feed changed last with its newest article or event, or its newest correction if that is later.</summary>
    private static PartialDate? NewestChange(SiteContent c, SiteAnalysis a) =>
        c.Corrections.Count > 0 && (a.Updated is not { } u || c.Corrections[0].Date.Start > u.Start) ? c.Corrections[0].Date : a.Updated;

    private static void CorrectionEntries(XmlWriter w, string ns, SiteContent c, Urls u)
    {
        var anchors = Correction.Anchors(c.Corrections);
        var articles = c.Articles.GroupBy(x => x.Slug).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        var claims = c.Claims.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
        for (var i = 0; i < c.Corrections.Count; i++)
        {
            var x = c.Corrections[i];
            var url = u.Absolute(u.Corrections + "#" + anchors[i]);
            var what = x.Article is { } ar ? "“" + articles.GetValueOrDefault(ar.Value, ar.Value) + "”"
                : x.Claim is { } cl ? "the claim “" + claims.GetValueOrDefault(cl.Value, cl.Value) + "”"
                : "the page " + x.Page?.Value;
            w.WriteStartElement("entry", ns);
            w.WriteElementString("title", ns, "Correction: " + what);
            w.WriteElementString("id", ns, url);
            Link(w, ns, url, "alternate");
            w.WriteElementString("updated", ns, Stamp(x.Date));
            w.WriteElementString("summary", ns, "Was: " + x.Wrong + " Now: " + x.Now);
            w.WriteEndElement();
        }
    }
}
