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
            var pages = Real.Value.Where(p => p.Value.Contains(full, StringComparison.Ordinal)).Select(p => p.Key).ToList();
            Assert.True(pages.Count > 0 || q.Contains('"') || q.Contains('“'), $"“{q}” is nowhere in full");
            Assert.True(pages.Count <= 1, $"“{q}” in full on {string.Join(", ", pages)}");
        }
    }
}
