using System.Text;
using System.Xml;
using Briefing.Analysis;
using Briefing.Content;
using Briefing.Pages;

namespace Briefing.Rendering;

/// <summary>The Atom feed, the sitemap and robots.txt. Dates come from the content, never the clock.</summary>
public static partial class Feeds
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };

    public static byte[] Atom(SiteContent c, SiteAnalysis a, Urls u)
    {
        var ms = new MemoryStream();
        WriteAtom(ms, c, a, u);
        return ms.ToArray();
    }

    /// <summary>The Atom feed, written into <paramref name="stream"/> as it is made (it holds every article).</summary>
    public static void WriteAtom(Stream stream, SiteContent c, SiteAnalysis a, Urls u)
    {
        const string ns = "http://www.w3.org/2005/Atom";
        var updated = Stamp(a.Updated);
        using (var w = XmlWriter.Create(stream, Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", ns);
            w.WriteAttributeString("xml", "lang", null, c.Site.Language);
            w.WriteElementString("title", ns, c.Site.Title);
            if (c.Site.Description.Length > 0) w.WriteElementString("subtitle", ns, c.Site.Description);
            w.WriteElementString("id", ns, u.Absolute(u.Home));
            w.WriteElementString("updated", ns, Stamp(NewestChange(c, a)));
            Link(w, ns, u.Absolute(u.Feed), "self");
            Link(w, ns, u.Absolute(u.Home), "alternate");
            w.WriteStartElement("author", ns);
            w.WriteElementString("name", ns, c.Site.Title + " editors");
            w.WriteEndElement();
            foreach (var art in a.Articles.OrderByDescending(x => x.Article.Published ?? default).ThenBy(x => x.Slug, StringComparer.Ordinal))
            {
                w.WriteStartElement("entry", ns);
                w.WriteElementString("title", ns, art.Article.Title);
                w.WriteElementString("id", ns, u.Absolute(u.Article(art.Slug)));
                Link(w, ns, u.Absolute(u.Article(art.Slug)), "alternate");
                var stamp = art.Article.Published is { } p ? Stamp(p) : updated;
                w.WriteElementString("updated", ns, stamp);
                // <published> only for a day the capture prints: a month, a year or the editors' inference is not a day
                if (art.Article.Published is { Precision: DatePrecision.Day } && art.Article.PublishedNote is null) w.WriteElementString("published", ns, stamp);
                if (art.Article.Author is { } au)
                {
                    w.WriteStartElement("author", ns);
                    w.WriteElementString("name", ns, au);
                    w.WriteEndElement();
                }
                var summary = art.Summary?.Text ?? art.Article.Dek;
                if (!string.IsNullOrEmpty(summary)) w.WriteElementString("summary", ns, summary);
                w.WriteEndElement();
            }
            CorrectionEntries(w, ns, c, u);
            w.WriteEndElement();
        }
    }

    private static void Link(XmlWriter w, string ns, string href, string rel)
    {
        w.WriteStartElement("link", ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Stamp(PartialDate? d) => (d?.Start ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Sitemap(IEnumerable<Page> pages, Urls u)
    {
        var ms = new MemoryStream();
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        using (var w = XmlWriter.Create(ms, Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("urlset", ns);
            foreach (var p in pages.Where(p => p.Index).OrderBy(p => p.Url, StringComparer.Ordinal))
            {
                w.WriteStartElement("url", ns);
                w.WriteElementString("loc", ns, u.Absolute(p.Url));
                if (p.LastModified.Length == 10) w.WriteElementString("lastmod", ns, p.LastModified);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return ms.ToArray();
    }

    public static byte[] Robots(Urls u) => Encoding.UTF8.GetBytes(
        "User-agent: *\nAllow: /\n" + (u.HasOrigin ? $"Sitemap: {u.Absolute(u.Sitemap)}\n" : ""));
}
