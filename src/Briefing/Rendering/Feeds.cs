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

    /// <summary>
    /// The Atom feed of the latest articles (site.yml's <c>feed_entries</c>), written into <paramref name="stream"/> as it
    /// is made. Its <c>updated</c> is the briefing's (the newest article or event), whichever entries it keeps.
    /// </summary>
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
            foreach (var art in a.Articles.OrderByDescending(x => x.Article.Published ?? default).ThenBy(x => x.Slug, StringComparer.Ordinal).Take(c.Site.FeedEntries))
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

    /// <summary>The sitemaps protocol's most URLs in one file; beyond it the URLs are split under a sitemap index.</summary>
    public const int SitemapMaxUrls = 50_000;

    /// <summary>
    /// sitemap.xml, listing every indexed page; with more than <paramref name="maxUrls"/> of them, sitemap.xml is a
    /// sitemap index (the file robots.txt names) of sitemap-1.xml, sitemap-2.xml… each with at most that many.
    /// </summary>
    public static List<OutputFile> Sitemaps(IEnumerable<Page> pages, Urls u, int maxUrls = SitemapMaxUrls)
    {
        var indexed = pages.Where(p => p.Index).OrderBy(p => p.Url, StringComparer.Ordinal).ToList();
        if (indexed.Count <= maxUrls) return [new OutputFile("sitemap.xml", UrlSet(indexed, u))];
        var files = indexed.Chunk(maxUrls).Select((chunk, i) => new OutputFile(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sitemap-{i + 1}.xml"), UrlSet(chunk, u))).ToList();
        var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("sitemapindex", SitemapNs);
            foreach (var f in files)
            {
                w.WriteStartElement("sitemap", SitemapNs);
                w.WriteElementString("loc", SitemapNs, u.Absolute(u.BasePath + f.Path));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        files.Insert(0, new OutputFile("sitemap.xml", ms.ToArray()));
        return files;
    }

    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static byte[] UrlSet(IEnumerable<Page> pages, Urls u)
    {
        var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("urlset", SitemapNs);
            foreach (var p in pages)
            {
                w.WriteStartElement("url", SitemapNs);
                w.WriteElementString("loc", SitemapNs, u.Absolute(p.Url));
                if (p.LastModified.Length == 10) w.WriteElementString("lastmod", SitemapNs, p.LastModified);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return ms.ToArray();
    }

    public static byte[] Robots(Urls u) => Encoding.UTF8.GetBytes(
        "User-agent: *\nAllow: /\n" + (u.HasOrigin ? $"Sitemap: {u.Absolute(u.Sitemap)}\n" : ""));
}
