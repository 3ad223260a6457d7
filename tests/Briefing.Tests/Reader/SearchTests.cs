using Briefing.Diagnostics;
using Briefing.Tests.Support;

namespace Briefing.Tests.Reader;

public sealed class SearchTests
{
    private static TestSite SearchSite()
    {
        var site = new TestSite();
        site.Write("site.yml", site.Read("site.yml") + "\nsearch: true\n");
        return site;
    }

    private static BuildResult Build(TestSite site, string node, bool strict = false) => new SiteBuilder().Build(new BuildOptions
    {
        InputDir = site.Input, ThemeDir = site.Theme, OutputDir = site.Output, Strict = strict, NodeCommand = node,
    });

    [Fact]
    public void Without_node_the_build_succeeds_with_one_warning_saying_how_to_install_it_and_no_search_box()
    {
        using var site = SearchSite();
        var r = Build(site, "/no/such/node");
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var warning = Assert.Single(r.Diagnostics, d => d.Code == Codes.SearchUnavailable);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.EndsWith("site.yml", warning.File, StringComparison.Ordinal);
        Assert.Contains("Install Node.js", warning.Message);
        Assert.False(r.Search);
        Assert.DoesNotContain("site-search", site.Page("index.html"));
        Assert.DoesNotContain("data-pagefind", site.Page("articles/2023-12-13-alpha/index.html"));
        Assert.False(File.Exists(Path.Combine(site.Output, "search/index.html")));
    }

    [Fact]
    public void Strict_makes_the_missing_node_warning_an_error()
    {
        using var site = SearchSite();
        var r = Build(site, "/no/such/node", strict: true);
        Assert.False(r.Success);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void With_node_and_pagefind_pages_carry_the_box_the_searchable_body_and_the_filters()
    {
        Assert.Null(Search.Pagefind.Problem(Repo.Theme, "node")); // Node.js and the pinned Pagefind are installed here (.ci/run does it)
        using var site = SearchSite();
        var r = Build(site, "node");
        Assert.True(r.Success && r.Search, string.Join("\n", r.Diagnostics));
        Assert.Contains("<div class=\"site-search\" data-search=\"/search/\"><a href=\"/#topics\">Browse the topics</a></div>", site.Page("index.html"));
        var article = site.Page("articles/2023-12-13-alpha/index.html");
        Assert.Contains("<main id=\"main\" tabindex=\"-1\" data-pagefind-body>", article);
        Assert.Contains("data-pagefind-filter=\"kind:Article\"", article);
        Assert.Contains("data-pagefind-filter=\"topic:Maritime disputes\"", article);
        Assert.Contains("data-pagefind-filter=\"source:Alpha News\"", article);
        Assert.Contains("data-pagefind-filter=\"kind:Topic\"", site.Page("topics/maritime-disputes/index.html"));
        Assert.DoesNotContain("data-pagefind-body", site.Page("timeline/index.html"));
        Assert.Contains("pagefind-ui.js", site.Page("search/index.html"));
    }

    [Fact]
    public void Without_search_in_site_yml_nothing_is_added_and_node_is_not_asked_for()
    {
        using var site = new TestSite();
        var r = Build(site, "/no/such/node");
        Assert.True(r.Success);
        Assert.DoesNotContain(r.Diagnostics, d => d.Code == Codes.SearchUnavailable);
        Assert.DoesNotContain("site-search", site.Page("index.html"));
    }
}

public sealed class SearchCliTests
{
    [Fact]
    public void The_build_command_indexes_the_written_site_with_pagefind()
    {
        using var site = new TestSite();
        site.Write("site.yml", site.Read("site.yml") + "\nsearch: true\n");
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Briefing.Cli.Program.Run(["--input", site.Input, "--theme", site.Theme, "--output", site.Output], o, e);
        Assert.True(code == 0, e.ToString());
        // without Pagefind the build warns (BRF093: run 'npm ci' in theme/search) and writes no index
        Assert.True(File.Exists(Path.Combine(site.Output, "pagefind", "pagefind.js")), "output/pagefind/pagefind.js is missing. The build said: " + e);
        Assert.True(Directory.EnumerateFiles(Path.Combine(site.Output, "pagefind", "filter")).Any(), "the filters are indexed");
    }
}
