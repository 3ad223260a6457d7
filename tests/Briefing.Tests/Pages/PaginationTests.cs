using Briefing.Pages;
using Briefing.Tests.Support;

namespace Briefing.Tests.Pages;

/// <summary>Long lists on pages of their own (issue 23), on the small inline site with a small page size.</summary>
public sealed class PaginationTests
{
    private static TestSite Site(int pageSize)
    {
        var site = new TestSite();
        site.Write("site.yml", site.Read("site.yml") + $"\npage_size: {pageSize}\n");
        return site;
    }

    [Fact]
    public void A_briefing_whose_lists_fit_on_a_page_has_no_pager_and_no_extra_pages()
    {
        using var site = new TestSite();
        var r = site.Build();

        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.DoesNotContain(r.Files, f => f.Path.Contains("/page/", StringComparison.Ordinal));
        Assert.All(r.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), f => Assert.DoesNotContain("class=\"pager\"", Text(f)));
        Assert.Contains("id=\"matrix\"", site.Page("compare/index.html"));
    }

    [Fact]
    public void A_long_topic_keeps_its_url_for_page_one_and_links_first_previous_next_last()
    {
        using var site = Site(1);
        Assert.True(site.Build().Success);

        var first = site.Page("topics/security-cooperation/index.html");
        var second = site.Page("topics/security-cooperation/page/2/index.html");
        Assert.False(File.Exists(Path.Combine(site.Output, "topics/security-cooperation/page/3/index.html")));
        Assert.False(File.Exists(Path.Combine(site.Output, "topics/security-cooperation/page/1/index.html")));

        Assert.Contains("Page 1 of 2", first);
        Assert.Contains("<a href=\"/topics/security-cooperation/page/2/\" rel=\"next\">Next</a>", first);
        Assert.Contains("<a href=\"/topics/security-cooperation/page/2/\">Last</a>", first);
        Assert.DoesNotContain("rel=\"prev\"", first);
        Assert.Contains("Page 2 of 2", second);
        Assert.Contains("<a href=\"/topics/security-cooperation/\" rel=\"prev\">Previous</a>", second);
        Assert.Contains("<a href=\"/topics/security-cooperation/\">First</a>", second);
        Assert.DoesNotContain("rel=\"next\"", second);
        // each page lists its own article, newest first; the undated one last
        Assert.Contains("/articles/2023-12-13-alpha/", first);
        Assert.DoesNotContain("/articles/2023-12-14-beta/\">Beta", first);
        Assert.Contains("/articles/2023-12-14-beta/\">Beta", second);
        Assert.Contains("<title>Security cooperation (page 2 of 2) · Test briefing</title>", second);
        Assert.Contains("aria-current=\"page\"", second);
    }

    [Fact]
    public void A_long_topic_shows_its_overview_disagreements_and_latest_articles_first()
    {
        using var site = Site(1);
        Assert.True(site.Build().Success);

        var page = site.Page("topics/security-cooperation/index.html");
        var overview = page.IndexOf("id=\"overview\"", StringComparison.Ordinal);
        var disagreements = page.IndexOf("id=\"disagreements\"", StringComparison.Ordinal);
        var articles = page.IndexOf("id=\"articles\"", StringComparison.Ordinal);
        var bySource = page.IndexOf("id=\"by-source\"", StringComparison.Ordinal);
        Assert.True(overview > 0 && overview < disagreements && disagreements < articles && articles < bySource, $"{overview} {disagreements} {articles} {bySource}");
        // its claims are listed in full on the compare page's pages of the topic
        Assert.Contains("href=\"/compare/topics/security-cooperation/\"", page);
        Assert.DoesNotContain("id=\"overview\"", site.Page("topics/security-cooperation/page/2/index.html"));
    }

    [Fact]
    public void A_large_compare_page_gives_counts_and_most_reported_claims_then_links_to_paginated_detail()
    {
        using var site = Site(1);
        Assert.True(site.Build().Success);

        var compare = site.Page("compare/index.html");
        Assert.Contains("2 articles", compare);
        Assert.Contains("id=\"most-reported\"", compare);
        Assert.DoesNotContain("id=\"matrix\"", compare);
        foreach (var link in new[] { "/compare/topics/security-cooperation/", "/compare/topics/maritime-disputes/", "/compare/shared-wording/", "/compare/exclusive/", "/compare/angles/" })
            Assert.Contains($"href=\"{link}\"", compare);
        Assert.Contains("id=\"claim-statement-length\"", site.Page("compare/topics/security-cooperation/index.html"));
        Assert.Contains("id=\"claim-hotlines\"", site.Page("compare/topics/maritime-disputes/index.html"));
        Assert.Contains("Page 2 of 2", site.Page("compare/angles/page/2/index.html"));
        Assert.Contains("Page 2 of 2", site.Page("compare/exclusive/page/2/index.html"));
    }

    [Fact]
    public void A_source_with_more_articles_than_a_page_lists_them_all_on_pages_of_its_own()
    {
        using var site = Site(1);
        site.Write("articles/2023-12-15-alpha-again.md", """
            ---
            title: Alpha again
            source: alpha-news
            published: 2023-12-15
            topics: [maritime-disputes]
            ---
            A second report from Alpha.
            """);
        Assert.True(site.Build().Success);

        var sources = site.Page("sources/index.html");
        Assert.Contains("<a href=\"/sources/alpha-news/\">All 2 articles from Alpha News →</a>", sources);
        Assert.Contains("id=\"alpha-news\"", sources);
        Assert.Contains("/articles/2023-12-15-alpha-again/", site.Page("sources/alpha-news/index.html"));
        Assert.Contains("/articles/2023-12-13-alpha/", site.Page("sources/alpha-news/page/2/index.html"));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "sources", "beta-wire")));
    }

    [Theory]
    [InlineData("page_size: 0", "page_size", "BRF023")]
    [InlineData("feed_entries: -5", "feed_entries", "BRF023")]
    [InlineData("page_size: many", "page_size", "BRF021")]
    public void A_page_size_or_feed_length_that_is_not_a_positive_whole_number_is_an_error_at_its_line(string line, string key, string code)
    {
        using var site = new TestSite();
        var lines = site.Read("site.yml").TrimEnd('\n').Split('\n').Length;
        site.Write("site.yml", site.Read("site.yml").TrimEnd('\n') + "\n" + line + "\n");

        var r = site.Build();

        Assert.False(r.Success);
        var d = DiagnosticAssert.Has(r, code, "site.yml", lines + 1);
        Assert.Contains(key, d.Message);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void The_feed_carries_the_latest_entries_and_keeps_the_briefings_updated_date()
    {
        using var site = new TestSite();
        site.Write("site.yml", site.Read("site.yml") + "\nfeed_entries: 1\n");
        Assert.True(site.Build().Success);

        var feed = System.Xml.Linq.XDocument.Load(Path.Combine(site.Output, "feed.xml"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal("https://example.org/articles/2023-12-13-alpha/", Assert.Single(entries).Element(atom + "id")!.Value);
        Assert.Equal("2023-12-13T00:00:00Z", feed.Root.Element(atom + "updated")!.Value);
    }

    [Fact]
    public void Beyond_the_limit_the_sitemap_is_an_index_of_smaller_sitemaps_that_robots_txt_names()
    {
        using var site = new TestSite();
        var r = new SiteBuilder().Build(new BuildOptions { InputDir = site.Input, ThemeDir = site.Theme, OutputDir = site.Output, SitemapMaxUrls = 3 });
        Assert.True(r.Success);

        System.Xml.Linq.XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var index = System.Xml.Linq.XDocument.Load(Path.Combine(site.Output, "sitemap.xml")).Root!;
        Assert.Equal(sm + "sitemapindex", index.Name);
        var children = index.Elements(sm + "sitemap").Select(e => e.Element(sm + "loc")!.Value).ToList();
        Assert.True(children.Count >= 2);
        var listed = new List<string>();
        for (var i = 0; i < children.Count; i++)
        {
            Assert.Equal($"https://example.org/sitemap-{i + 1}.xml", children[i]);
            var urls = System.Xml.Linq.XDocument.Load(Path.Combine(site.Output, $"sitemap-{i + 1}.xml")).Root!.Elements(sm + "url").Select(e => e.Element(sm + "loc")!.Value).ToList();
            Assert.InRange(urls.Count, 1, 3);
            listed.AddRange(urls);
        }
        // the same URLs as one sitemap lists when the limit is not reached, each once
        using var whole = new TestSite();
        Assert.True(whole.Build().Success);
        var one = System.Xml.Linq.XDocument.Load(Path.Combine(whole.Output, "sitemap.xml")).Root!;
        Assert.Equal(sm + "urlset", one.Name);
        Assert.Equal(one.Elements(sm + "url").Select(e => e.Element(sm + "loc")!.Value), listed);
        Assert.Contains("Sitemap: https://example.org/sitemap.xml\n", File.ReadAllText(Path.Combine(site.Output, "robots.txt")));
    }

    private static string Text(OutputFile f) => System.Text.Encoding.UTF8.GetString(f.Content);
}
