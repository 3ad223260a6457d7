using System.Net;
using System.Text.RegularExpressions;
using Briefing.Tests.Support;

namespace Briefing.Tests.Analysis;

/// <summary>/compare/ and /compare/a--b/ built from the real briefing and from small fixtures.</summary>
public sealed class ComparePageTests
{
    private const string Xi = "2023-12-14-security-cooperation-xi-visit";
    private const string Pacts = "undated-security-cooperation-pacts";

    private static (BuildResult Result, Func<string, string> Page) BuildReal()
    {
        var output = Path.Combine(Path.GetTempPath(), "briefing-compare-" + Guid.NewGuid().ToString("N")[..8]);
        var r = new SiteBuilder().Build(new BuildOptions { InputDir = Repo.Input, ThemeDir = Repo.Theme, OutputDir = output, Write = false });
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        return (r, path => WebUtility.HtmlDecode(System.Text.Encoding.UTF8.GetString(r.Files.Single(f => f.Path == path).Content)));
    }

    [Fact]
    public void Matrix_has_a_row_per_claim_a_cell_per_article_and_counts_shared_wire_copy_once()
    {
        var (_, page) = BuildReal();
        var html = page("compare/index.html");
        var claims = File.ReadAllText(Path.Combine(Repo.Input, "claims.yml"));
        var claimCount = Regex.Matches(claims, @"^- id:", RegexOptions.Multiline).Count;
        Assert.Equal(claimCount, Regex.Matches(html, "<tr id=\"claim-").Count);
        Assert.Contains("not reported", html);
        // a claim both wire-copy articles report: N articles but fewer independent reports
        var row = Regex.Match(html, "<tr id=\"claim-hotlines-at-sea\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains($"/articles/{Xi}/#p-", row);
        Assert.Contains($"/articles/{Pacts}/#p-", row);
        // the claim is dated December 2023: the 2022 commentary could not report it and is not counted
        var m = Regex.Match(row, @"Reported in (\d+) of 3 independent reports \((\d+) of 4 articles\)");
        Assert.True(m.Success, row);
        Assert.Equal(int.Parse(m.Groups[2].Value) - 1, int.Parse(m.Groups[1].Value));
        Assert.Contains("5 articles, 4 independent reports", html);
    }

    [Fact]
    public void Rows_where_sources_differ_show_both_quotes_and_a_marker()
    {
        var (_, page) = BuildReal();
        var html = page("compare/index.html");
        var differing = Regex.Matches(html, "<tr id=\"claim-[^\"]+\" class=\"differs\">.*?</tr>", RegexOptions.Singleline);
        Assert.NotEmpty(differing);
        Assert.Contains(differing, r => r.Value.Contains("Numbers differ", StringComparison.Ordinal));
        foreach (Match r in differing)
            Assert.True(Regex.Matches(r.Value, ":~:text=").Count >= 2, r.Value);
        // "three months" vs "a few months": the marker names each version with what it counts
        var biden = Regex.Match(html, "<tr id=\"claim-biden-visit-timing\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("Numbers differ", biden);
        Assert.Contains("<span class=\"num\">three months</span>", biden);
        Assert.Contains("<span class=\"num\">a few months</span>", biden);
        // every report that gives the visit's length says "two-day"; "this week" gives no number and is no contradiction
        var visit = Regex.Match(html, "<tr id=\"claim-xi-two-day-visit\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.DoesNotContain("Numbers differ", visit);
    }

    [Fact]
    public void The_wire_copy_pair_is_flagged_on_compare_and_on_both_article_pages_with_a_side_by_side_page()
    {
        var (r, page) = BuildReal();
        var pair = $"compare/{Xi}--{Pacts}/index.html";
        Assert.Single(r.Files, f => f.Path.StartsWith("compare/", StringComparison.Ordinal) && f.Path.Contains("--", StringComparison.Ordinal));
        Assert.Contains(r.Files, f => f.Path == pair);
        Assert.Contains("Share wording — likely the same wire report", page("compare/index.html"));
        foreach (var slug in new[] { Xi, Pacts })
        {
            var article = page($"articles/{slug}/index.html");
            Assert.Contains("Share wording — likely the same wire report", article);
            Assert.Contains($"/compare/{Xi}--{Pacts}/", article);
        }
        var side = page(pair);
        Assert.Contains("<mark>", side);
        Assert.Contains("<ins>", side);
        Assert.Contains("<del>", side);
        Assert.Contains($"/articles/{Xi}/#p-", side);
        Assert.Contains($"/articles/{Pacts}/#p-", side);
        // B splits A's "16-page joint statement" paragraph (¶ 4) in two: the lone half points to its partner row
        Assert.Matches("split: the matching words are in this text’s ¶ 4, in the row below", side);
        Assert.Contains("— not in this text —", side);
    }

    [Fact]
    public void An_outlet_the_editors_inferred_is_marked_in_every_cell_label_and_not_given_to_search_engines()
    {
        var (_, page) = BuildReal();
        const string inferred = "2023-12-13-scmp-new-stage";
        var compare = page("compare/index.html");
        Assert.Contains("South China Morning Post (attribution inferred): ", compare);
        Assert.DoesNotContain("South China Morning Post: China-Vietnam relations", compare);
        var article = page($"articles/{inferred}/index.html");
        var ld = Regex.Match(article, "<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("NewsArticle", ld);
        Assert.DoesNotContain("publisher", ld);
        Assert.DoesNotContain("datePublished", ld);
    }

    [Fact]
    public void Exclusive_details_list_claims_only_one_article_reports()
    {
        var (_, page) = BuildReal();
        var html = page("compare/index.html");
        var section = html[html.IndexOf("id=\"exclusive\"", StringComparison.Ordinal)..html.IndexOf("id=\"angles\"", StringComparison.Ordinal)];
        Assert.Equal(5, Regex.Matches(section, "<h3>").Count);
        Assert.Contains("regime security", section);
    }

    [Fact]
    public void Three_copies_of_one_report_are_one_group_with_one_page_not_three_pair_pages()
    {
        using var site = PairSite(null);
        site.Write("articles/2023-12-16-delta.md", "---\ntitle: Delta\nsource: alpha-news\npublished: 2023-12-16\ntopics: [security-cooperation]\n---\n" + SharedCopy + "Delta closes on a note of its own about tourism and flights between the capitals.\n");
        site.Write("summaries/2023-12-16-delta.yml", "summary: d\nkey_points:\n  - text: k\n    topic: security-cooperation\n    quote: \"a note of its own about tourism\"\n");
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));

        var compare = WebUtility.HtmlDecode(site.Page("compare/index.html"));
        Assert.Contains("3 copies of one report", compare);
        Assert.Contains("4 articles, 2 independent reports", compare);
        // alpha is the earliest (dated 2023-12-13; beta has no date and sorts last)
        Assert.Contains("compare/copies-of-2023-12-13-alpha/", compare);
        var cluster = WebUtility.HtmlDecode(site.Page("compare/copies-of-2023-12-13-alpha/index.html"));
        Assert.Contains("kept by all 2 other copies", cluster);
        Assert.Contains(">Delta</a>", cluster);
        Assert.Contains(">Beta</a>", cluster);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "compare/2023-12-13-alpha--2023-12-14-beta")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(site.Output, "compare"), "*--*"));
        Assert.Contains("This is one of 3 articles that carry the same report", WebUtility.HtmlDecode(site.Page("articles/2023-12-16-delta/index.html")));
        Assert.Contains("This is the earliest of 3 articles", WebUtility.HtmlDecode(site.Page("articles/2023-12-13-alpha/index.html")));
    }

    [Fact]
    public void Copies_of_one_report_never_disagree_and_independent_reports_do_on_every_page_alike()
    {
        using var site = PairSite(null);
        // alpha and beta carry one wire report and give different numbers in their own closing paragraphs
        site.Write("articles/2023-12-13-alpha.md", site.Read("articles/2023-12-13-alpha.md").Replace("Alpha adds", "Alpha counts 36 deals in all and adds", StringComparison.Ordinal));
        site.Write("articles/2023-12-14-beta.md", site.Read("articles/2023-12-14-beta.md").Replace("Beta ends", "Beta counts 30 deals in all and ends", StringComparison.Ordinal));
        site.Write("claims.yml", site.Read("claims.yml") + "\n- id: deals\n  topic: security-cooperation\n  text: How many deals were signed.\n");
        site.Write("summaries/2023-12-13-alpha.yml", site.Read("summaries/2023-12-13-alpha.yml") + "  - claim: deals\n    quote: \"counts 36 deals in all\"\n");
        site.Write("summaries/2023-12-14-beta.yml", site.Read("summaries/2023-12-14-beta.yml") + "  - claim: deals\n    quote: \"counts 30 deals in all\"\n");
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.Contains("3 articles, 2 independent reports", WebUtility.HtmlDecode(site.Page("compare/index.html")));
        Assert.Contains("copies of one wire report never disagree", WebUtility.HtmlDecode(site.Page("compare/index.html"))); // the rule is stated
        string Row() => Regex.Match(WebUtility.HtmlDecode(site.Page("compare/index.html")), "<tr id=\"claim-deals\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(Row());
        Assert.DoesNotContain("Numbers differ", Row());
        Assert.DoesNotContain("Where sources disagree", site.Page("topics/security-cooperation/brief/index.html"));

        // gamma, an independent report, gives a third number: now the sources disagree, on the compare page and in the brief
        site.Write("articles/2023-12-15-gamma.md", site.Read("articles/2023-12-15-gamma.md") + "\nIt says 12 deals were signed.\n");
        site.Write("summaries/2023-12-15-gamma.yml", site.Read("summaries/2023-12-15-gamma.yml") + "claims:\n  - claim: deals\n    quote: \"It says 12 deals were signed.\"\n");
        r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.Contains("Numbers differ", Row());
        var brief = WebUtility.HtmlDecode(site.Page("topics/security-cooperation/brief/index.html"));
        Assert.Contains("<strong>Numbers differ:</strong> How many deals were signed.", brief);
    }

    // two paragraphs of one wire report that the fixture's copies carry
    private const string SharedCopy =
        "The two leaders agreed to step up security cooperation and to set up more hotlines for emergencies at sea, officials said after the talks in Hanoi on Wednesday.\n\n" +
        "They also signed dozens of agreements covering rail links, telecoms, digital data and investment in infrastructure along the border provinces of both countries.\n\n";

    private static TestSite PairSite(string? derivedFrom)
    {
        var site = new TestSite();
        const string shared = SharedCopy;
        site.Write("articles/2023-12-13-alpha.md", "---\ntitle: Alpha\nsource: alpha-news\npublished: 2023-12-13\ntopics: [security-cooperation]\n---\n" + shared + "Alpha adds its own closing paragraph about the economy and trade between the two neighbours.\n");
        site.Write("articles/2023-12-14-beta.md", "---\ntitle: Beta\nsource: beta-wire\ntopics: [security-cooperation]\n" + (derivedFrom is null ? "" : $"derived_from: {derivedFrom}\n") + "---\n" + shared + "Beta ends with a different paragraph about maritime disputes in the South China Sea and the region.\n");
        site.Write("articles/2023-12-15-gamma.md", "---\ntitle: Gamma\nsource: beta-wire\ntopics: [security-cooperation]\n---\nAn unrelated commentary about history, written in entirely different words from start to finish.\n");
        site.Write("summaries/2023-12-13-alpha.yml", "summary: a\nkey_points:\n  - text: k\n    topic: security-cooperation\n    quote: \"set up more hotlines\"\nclaims:\n  - claim: hotlines\n    quote: \"set up more hotlines\"\n");
        site.Write("summaries/2023-12-14-beta.yml", "summary: b\nkey_points:\n  - text: k\n    topic: security-cooperation\n    quote: \"set up more hotlines\"\nclaims:\n  - claim: hotlines\n    quote: \"set up more hotlines\"\n");
        site.Write("summaries/2023-12-15-gamma.yml", "summary: c\nkey_points:\n  - text: k\n    topic: security-cooperation\n    quote: \"An unrelated commentary about history\"\n");
        site.Write("timeline.yml", "[]\n");
        site.Write("site.yml", "title: T\nbase_url: https://example.org/\n" + TestSite.AdvisedLedeAndTakeaways);
        return site;
    }

    [Fact]
    public void Editors_derived_from_that_agrees_confirms_the_computed_pair()
    {
        using var site = PairSite("2023-12-13-alpha");
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var compare = WebUtility.HtmlDecode(site.Page("compare/index.html"));
        Assert.Contains("The editors' judgement agrees: they mark one as derived from the other.", compare);
        Assert.DoesNotContain("derived_from", compare); // the field name is for editors, not readers
        Assert.Contains("3 articles, 2 independent reports", compare);
    }

    [Fact]
    public void Editors_derived_from_that_disagrees_overrides_the_grouping_and_both_views_are_shown()
    {
        using var site = PairSite("2023-12-15-gamma");
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var compare = WebUtility.HtmlDecode(site.Page("compare/index.html"));
        Assert.Contains("Editors and computation differ.", compare);
        Assert.Contains("the grouping follows the editors", compare);
        Assert.Contains("below the threshold", compare);
        // beta is grouped with gamma (editors), not with alpha (computed): still 2 independent reports of 3
        Assert.Contains("3 articles, 2 independent reports", compare);
        Assert.True(File.Exists(Path.Combine(site.Output, "compare/2023-12-13-alpha--2023-12-14-beta/index.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "compare/2023-12-14-beta--2023-12-15-gamma/index.html")));
    }

    [Fact]
    public void Without_editors_the_computed_pair_alone_groups_the_articles()
    {
        using var site = PairSite(null);
        Assert.True(site.Build().Success);
        var compare = WebUtility.HtmlDecode(site.Page("compare/index.html"));
        Assert.Contains("3 articles, 2 independent reports", compare);
        Assert.Contains("Reported in 1 of 2 independent reports (2 of 3 articles)", compare);
        Assert.DoesNotContain("Editors and computation differ", compare);
    }

    [Fact]
    public void Coverage_bars_are_proportional_to_the_counts()
    {
        var (_, page) = BuildReal();
        var cells = Regex.Matches(page("index.html"), "<td class=\"level-(\\d)\"><span class=\"bar\" aria-hidden=\"true\"></span><span class=\"count\">(\\d+)</span>")
            .Select(m => (Level: int.Parse(m.Groups[1].Value), Count: int.Parse(m.Groups[2].Value))).ToList();
        Assert.NotEmpty(cells);
        var max = cells.Max(c => c.Count);
        Assert.True(max >= 2, "the real briefing has a source with two articles on a topic");
        foreach (var (level, count) in cells)
            Assert.Equal(count == 0 ? 0 : Math.Max(1, (int)Math.Round(6.0 * count / max)), level);
        Assert.Equal(2 * cells.First(c => c.Count == 1).Level, cells.First(c => c.Count == 2).Level);
    }

    [Fact]
    public void Beyond_the_column_limit_each_claim_lists_only_the_articles_that_report_it()
    {
        // the real briefing plus copies of one article (with its summary) until there are more articles than columns
        var dir = Path.Combine(Path.GetTempPath(), "briefing-wide-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Folders.Copy(Repo.Input, dir);
            // pages long enough for every list of the compare page, which is then one page, as it is for the real briefing
            File.AppendAllText(Path.Combine(dir, "site.yml"), "\npage_size: 100\n");
            const string original = "2022-11-08-asia-times-trong-beijing";
            var articles = Directory.GetFiles(Path.Combine(dir, "articles"), "*.md").Length;
            var copies = Briefing.Pages.Planner.MatrixMaxColumns + 1 - articles;
            for (var i = 1; i <= copies; i++)
            {
                File.Copy(Path.Combine(dir, "articles", original + ".md"), Path.Combine(dir, "articles", $"copy-{i:D2}.md"));
                File.Copy(Path.Combine(dir, "summaries", original + ".yml"), Path.Combine(dir, "summaries", $"copy-{i:D2}.yml"));
            }
            var r = new SiteBuilder().Build(new BuildOptions { InputDir = dir, ThemeDir = Repo.Theme, OutputDir = Path.Combine(dir, "..", Path.GetFileName(dir) + "-out"), Write = false });
            Assert.True(r.Success, string.Join("\n", r.Diagnostics));
            var html = WebUtility.HtmlDecode(System.Text.Encoding.UTF8.GetString(r.Files.Single(f => f.Path == "compare/index.html").Content));
            var matrix = html[html.IndexOf("id=\"matrix\"", StringComparison.Ordinal)..html.IndexOf("id=\"reuse\"", StringComparison.Ordinal)];
            Assert.DoesNotContain("<table", matrix);
            Assert.DoesNotContain("not reported", matrix);
            var claims = File.ReadAllText(Path.Combine(Repo.Input, "claims.yml"));
            Assert.Equal(Regex.Matches(claims, @"^- id:", RegexOptions.Multiline).Count, Regex.Matches(matrix, "<li id=\"claim-").Count);
            // every claim lists one quote per reporting article, named and linked to its paragraph
            var rows = Regex.Matches(matrix, "<li id=\"claim-.*?</ul>\\s*</li>", RegexOptions.Singleline);
            Assert.NotEmpty(rows);
            foreach (Match row in rows)
            {
                var n = int.Parse(Regex.Match(row.Value, @"Reported in \d+ of \d+ independent reports? \((\d+) of|Reported in (\d+) of").Groups is var g && g[1].Success ? g[1].Value : g[2].Value);
                Assert.Equal(n, Regex.Matches(row.Value, "/#p-\\d+").Count);
            }
            var copiedRow = Regex.Match(matrix, "<li id=\"claim-[^\"]+\">(?:(?!<li id=\"claim-).)*?/articles/copy-01/#p-.*?</ul>\\s*</li>", RegexOptions.Singleline).Value;
            Assert.Contains($"/articles/{original}/#p-", copiedRow);
            // the copies count as articles (all 25 could report it) but as one independent report with the original
            var reporting = Regex.Matches(copiedRow, "/#p-\\d+").Count;
            Assert.True(reporting > copies, copiedRow);
            Assert.Contains($"({reporting} of {articles + copies} articles)", copiedRow);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
