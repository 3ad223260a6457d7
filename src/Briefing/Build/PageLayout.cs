using System.Text;
using Briefing.Analysis;
using Briefing.Content;
using Briefing.Pages;
using Briefing.Rendering;

namespace Briefing.Build;

/// <summary>The layout model around each page's body: the site's name, navigation, stylesheet, canonical URL and so on.</summary>
internal sealed class PageLayout(SiteConfig site, SiteAnalysis analysis, Urls urls, IReadOnlyList<NavEntry> nav, string css, Planner planner)
{
    /// <summary>The layout of page <paramref name="p"/> around <paramref name="body"/>.</summary>
    public LayoutVm For(Page p, HtmlBody body) => planner.ReaderLayout(Layout(p, body), p);

    private LayoutVm Layout(Page p, HtmlBody body)
    {
        var jsonLd = p.JsonLd.Replace("</", "<\\/", StringComparison.Ordinal);
        return new LayoutVm
        {
            Lang = site.Language,
            SiteTitle = site.Title,
            PageTitle = p.Title,
            FullTitle = p.Url == urls.Home ? site.Title : $"{p.Title} · {site.Title}",
            Description = p.Description.Length > 0 ? p.Description : site.Description,
            Canonical = urls.Absolute(p.Url),
            HasCanonical = urls.HasOrigin && p.Index,
            Css = css,
            HomeUrl = urls.Home,
            FeedUrl = urls.Feed,
            Nav = Planner.NavItems(nav, p.Section),
            OgType = p.OgType,
            PublishedTime = p.PublishedTime,
            HasPublishedTime = p.PublishedTime.Length > 0,
            JsonLdHtml = jsonLd.Length > 0 ? new HtmlBody($"<script type=\"application/ld+json\">{jsonLd}</script>") : HtmlBody.Empty,
            Updated = Planner.Date(analysis.Updated),
            BodyHtml = body,
            PageKind = p.Template,
            Index = p.Index,
            Reviewed = Planner.Date(site.Reviewed),
            AboutUrl = urls.About,
        };
    }
}
