using System.Security.Cryptography;
using System.Text;
using Briefing.Analysis;
using Briefing.Diagnostics;
using Briefing.Pages;
using Briefing.Rendering;

namespace Briefing.Build;

/// <summary>The files a site has besides its pages and its feed: the theme's assets and static files, robots.txt, the sitemaps, _redirects.</summary>
internal static class SiteFiles
{
    public sealed record AssetSet(string Css, IReadOnlyList<OutputFile> Files);

    /// <summary>Theme assets, fingerprinted: theme/assets/site.css → assets/site.&lt;hash&gt;.css.</summary>
    public static AssetSet Assets(string themeDir, DiagnosticBag diags)
    {
        var dir = Path.Combine(themeDir, "assets");
        var files = new List<OutputFile>();
        var css = "site.css";
        if (!Directory.Exists(dir)) return new AssetSet(css, files);
        foreach (var f in Directory.EnumerateFiles(dir).OrderBy(f => f, StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(f);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
            var name = Path.GetFileNameWithoutExtension(f) + "." + hash + Path.GetExtension(f);
            files.Add(new OutputFile("assets/" + name, bytes));
            if (Path.GetFileName(f) == "site.css") css = name;
        }
        if (css == "site.css") diags.Warning(Codes.TemplateError, SourcePos.FileOnly(themeDir + "/assets/site.css"), "The theme has no assets/site.css; pages will be unstyled.");
        return new AssetSet(css, files);
    }

    /// <summary>Everything but the pages and the feed, once the pages (their places: URL, path, sitemap entry) are known.</summary>
    public static List<OutputFile> Besides(AssetSet assets, IEnumerable<Page> pages, IEnumerable<ArticleInfo> articles, Urls urls, string themeDir, int sitemapMaxUrls)
    {
        var files = new List<OutputFile>(assets.Files) { new("robots.txt", Feeds.Robots(urls)) };
        files.AddRange(Feeds.Sitemaps(pages, urls, sitemapMaxUrls));
        files.AddRange(ThemeStatic.Files(themeDir));
        var redirects = Redirects(articles, urls);
        if (redirects.Length > 0) files.Add(new OutputFile("_redirects", redirects));
        return files;
    }

    private static byte[] Redirects(IEnumerable<ArticleInfo> articles, Urls u)
    {
        var sb = new StringBuilder();
        foreach (var a in articles.OrderBy(a => a.Slug, StringComparer.Ordinal))
            foreach (var r in a.Article.RedirectFrom)
                sb.Append(u.BasePath.TrimEnd('/')).Append(r.Value).Append(' ').Append(u.Article(a.Slug)).Append(" 301\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
