using System.Net;
using System.Text.RegularExpressions;
using Briefing.Tests.Support;

namespace Briefing.Tests;

/// <summary>Issue 25's markup rules, checked on the real briefing: one count per claim, sources' words marked, quotes shown once.</summary>
public sealed class ReaderPagesTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Real = new(() =>
    {
        var output = Path.Combine(Path.GetTempPath(), "briefing-reader-" + Guid.NewGuid().ToString("N")[..8]);
        var r = new SiteBuilder().Build(new BuildOptions { InputDir = Repo.Input, ThemeDir = Repo.Theme, OutputDir = output, Write = false });
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        return r.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal))
            .ToDictionary(f => f.Path, f => WebUtility.HtmlDecode(System.Text.Encoding.UTF8.GetString(f.Content)));
    });

    private static string Page(string path) => Real.Value[path];

    /// <summary>The count printed in the element with this id on a page.</summary>
    private static string CountOf(string html, string id)
    {
        var at = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no element #{id}");
        return Regex.Match(html[at..], @"Reported in \d+ of \d+ independent reports?(?: \(\d+ of \d+ articles?\))?").Value;
    }

    [Fact]
    public void A_claim_has_one_count_on_its_topic_article_and_compare_pages()
    {
        const string id = "claim-hotlines-at-sea";
        var count = CountOf(Page("compare/index.html"), id);
        Assert.NotEmpty(count);
        Assert.Equal(count, CountOf(Page("topics/maritime-disputes/index.html"), id));
        var citing = Real.Value.Where(p => p.Key.StartsWith("articles/", StringComparison.Ordinal) && p.Value.Contains($"id=\"{id}\"", StringComparison.Ordinal)).ToList();
        Assert.True(citing.Count >= 2, "the claim is cited by several articles");
        foreach (var (path, html) in citing) Assert.True(count == CountOf(html, id), path);
    }

    [Fact]
    public void An_article_published_before_a_claims_date_is_not_counted_and_copies_count_once()
    {
        // hotlines-at-sea is dated December 2023: the November 2022 commentary is left out (4 of the 5 articles), and
        // the two copies of one wire report are one independent report (3 of 4)
        Assert.Equal("Reported in 2 of 3 independent reports (3 of 4 articles)", CountOf(Page("compare/index.html"), "claim-hotlines-at-sea"));
        // an undated background fact: every article could have reported it
        Assert.EndsWith("of 5 articles)", CountOf(Page("compare/index.html"), "claim-history-of-conflict"));
        // the rule is stated where counts are shown
        foreach (var path in new[] { "compare/index.html", "topics/maritime-disputes/index.html" })
            Assert.Contains("copies of one wire report are one independent report", Page(path));
    }

    [Fact]
    public void Home_topic_cards_count_copies_of_one_report_once()
    {
        Assert.Contains("4 articles, 3 independent reports", Page("index.html"));
        Assert.Contains("5 articles, 4 independent reports", Page("compare/index.html"));
    }

    [Fact]
    public void A_standfirst_is_shown_in_quotation_marks_with_a_label_wherever_it_appears()
    {
        var deks = Directory.GetFiles(Path.Combine(Repo.Input, "articles"), "*.md")
            .Select(f => Regex.Match(File.ReadAllText(f), "^dek: (.+)$", RegexOptions.Multiline))
            .Where(m => m.Success).Select(m => m.Groups[1].Value.Trim().Trim('"')).ToList();
        Assert.NotEmpty(deks);
        var shown = 0;
        foreach (var (path, html) in Real.Value)
            foreach (var dek in deks)
            {
                var start = dek[..Math.Min(40, dek.Length)];
                foreach (Match m in Regex.Matches(html, "<p[^>]*>[^<]*(?:<[^p/][^>]*>[^<]*</[^p][^>]*>[^<]*)*" + Regex.Escape(start)))
                {
                    shown++;
                    Assert.True(m.Value.Contains("class=\"dek source-words\"", StringComparison.Ordinal) && m.Value.Contains("Standfirst", StringComparison.Ordinal), $"{path}: {m.Value}");
                    Assert.Contains("“" + start, m.Value);
                }
            }
        Assert.True(shown >= 2, $"standfirsts shown {shown} times");
    }

    /// <summary>Every quote the summaries make (key points and claims), as the pages print them.</summary>
    private static List<string> Quotes() => Directory.GetFiles(Path.Combine(Repo.Input, "summaries"), "*.yml")
        .SelectMany(f => Regex.Matches(File.ReadAllText(f), "^\\s*quote: (.+)$", RegexOptions.Multiline))
        .Select(m => m.Groups[1].Value.Trim().Trim('"').Replace("\\\"", "\"")).Where(q => q.Length > 12).Distinct().ToList();

    [Fact]
    public void No_quote_is_a_link_a_small_paragraph_link_goes_to_the_passage()
    {
        var quotes = Quotes();
        Assert.True(quotes.Count > 20, $"{quotes.Count} quotes");
        var links = Real.Value.SelectMany(p => Regex.Matches(p.Value, "<a [^>]*>(.*?)</a>", RegexOptions.Singleline).Select(m => (Page: p.Key, Text: m.Groups[1].Value))).ToList();
        foreach (var (page, text) in links)
            foreach (var q in quotes)
                Assert.False(text.Contains(q[..Math.Min(30, q.Length)].Replace("'", "’"), StringComparison.Ordinal) || text.Contains(q[..Math.Min(30, q.Length)], StringComparison.Ordinal), $"{page}: a link's text is a quote: {text}");
        Assert.Contains(links, l => l.Page == "compare/index.html" && Regex.IsMatch(l.Text, "^¶ \\d+"));
    }

    [Fact]
    public void Each_reported_mark_opens_its_quote_and_each_row_names_who_does_not_report_it()
    {
        var html = Page("compare/index.html");
        var row = Regex.Match(html, "<tr id=\"claim-regime-security\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Single(Regex.Matches(row, "<details class=\"mark\">"));
        Assert.Matches("<details class=\"mark\"><summary>.*?✓.*?</summary><p class=\"cell-quote\">“[^<]+” <a class=\"cite\" href=\"[^\"]+#p-\\d+", row);
        // the one line a phone shows instead of the empty cells; the commentary published before the event is named apart
        Assert.Matches("Not reported by [^<]*Unknown outlet A[^<]*\\.", row);
        Assert.Contains("Published before the event: Asia Times.", row);
        Assert.Equal(3, Regex.Matches(row, "not reported</span>").Count);
        Assert.DoesNotContain("col-title\">China", Regex.Match(html, "<thead>.*?</thead>", RegexOptions.Singleline).Value);
    }

    [Fact]
    public void A_quote_is_printed_in_full_on_one_page_only()
    {
        foreach (var q in Quotes())
        {
            // as the quoted helper prints it: typographic quotes around it, its own double quotes made single
            var full = "“" + q.Replace('"', '‘') + "”";
            // a topic's one-page brief is made for print, alone: it repeats the words where sources disagree
            var pages = Real.Value.Where(p => !p.Key.EndsWith("/brief/index.html", StringComparison.Ordinal) && p.Value.Contains(full, StringComparison.Ordinal)).Select(p => p.Key).ToList();
            Assert.True(pages.Count > 0 || q.Contains('"') || q.Contains('“'), $"“{q}” is nowhere in full");
            Assert.True(pages.Count <= 1, $"“{q}” in full on {string.Join(", ", pages)}");
        }
    }

    [Fact]
    public void Every_page_links_the_about_page_which_explains_captures_markers_and_corrections()
    {
        // every page but a topic's one-page brief, which is made for print without navigation or links around it
        foreach (var (path, html) in Real.Value.Where(p => !p.Key.EndsWith("/brief/index.html", StringComparison.Ordinal)))
            Assert.True(html.Contains("<a href=\"/about/\">About and method</a>", StringComparison.Ordinal), path);
        var about = Page("about/index.html");
        foreach (var heading in new[] { "The editors", "What “captured” means", "How summaries, claims and quotes are written and checked", "How shared wording is computed", "What the markers mean", "How to report a mistake" })
            Assert.Contains(heading + "</h2>", about);
        // no date of review is claimed that site.yml does not give
        Assert.DoesNotContain("Reviewed by the editors", about);
    }

    [Fact]
    public void Reviewed_date_editors_and_contact_come_from_site_yml_and_roles_carry_as_of()
    {
        using var site = new TestSite();
        site.Write("site.yml", "title: T\nbase_url: https://example.org/\nreviewed: 2024-01-15\neditors: Jane Editor and Sam Checker.\ncontact: Write to corrections@example.org.\n");
        site.Write("glossary.yml", "- id: xi\n  name: Xi Jinping\n  kind: person\n  role: President of China\n  as_of: 2023-12\n  text: A leader.\n");
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.Contains("Reviewed by the editors on <time datetime=\"2024-01-15\">15 January 2024</time>", site.Page("index.html"));
        Assert.Contains("Reviewed by the editors on <time datetime=\"2024-01-15\">15 January 2024</time>", site.Page("glossary/index.html"));
        var about = WebUtility.HtmlDecode(site.Page("about/index.html"));
        Assert.Contains("Jane Editor and Sam Checker.", about);
        Assert.Contains("corrections@example.org", about);
        Assert.Contains("President of China <span class=\"as-of\">(as of December 2023)</span>", site.Page("glossary/index.html"));
    }

    [Fact]
    public void A_malformed_reviewed_date_is_an_error_at_its_line()
    {
        using var site = new TestSite();
        site.Write("site.yml", "title: T\nbase_url: https://example.org/\nreviewed: last week\n");
        var r = site.Build();
        Assert.False(r.Success);
        Assert.Contains(r.Diagnostics, d => d.ToString().Contains("site.yml(3,", StringComparison.Ordinal));
    }
}
