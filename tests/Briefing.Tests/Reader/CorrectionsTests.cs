using Briefing.Tests.Support;

namespace Briefing.Tests.Reader;

public sealed class CorrectionsTests
{
    private const string Corrections = """
        - date: 2024-01-05
          article: 2023-12-13-alpha
          wrong: It said the hotlines were agreed in 2022.
          now: It says they were agreed in December 2023.
        - date: 2024-02-01
          claim: hotlines
          wrong: The claim named three hotlines.
          now: It names none, as the article does not count them.
        - date: 2024-01-05
          page: /glossary/
          wrong: The glossary misspelled a name.
          now: It spells it as the articles do.
        """;

    [Fact]
    public void Each_correction_is_on_the_corrections_page_newest_first_with_what_it_concerns()
    {
        using var site = new TestSite().Write("corrections.yml", Corrections);
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var page = site.Page("corrections/index.html");
        var claim = page.IndexOf("id=\"correction-2024-02-01\"", StringComparison.Ordinal);
        var article = page.IndexOf("id=\"correction-2024-01-05\"", StringComparison.Ordinal);
        var glossary = page.IndexOf("id=\"correction-2024-01-05-2\"", StringComparison.Ordinal);
        Assert.True(claim >= 0 && claim < article && article < glossary, "newest first, one day's corrections in the file's order");
        Assert.Contains("href=\"/topics/maritime-disputes/#claim-hotlines\"", page);
        Assert.Contains("href=\"/articles/2023-12-13-alpha/\"", page);
        Assert.Contains("href=\"/glossary/\">Glossary</a>", page);
        Assert.Contains("It says they were agreed in December 2023.", page);
        Assert.Contains("href=\"/corrections/\">Corrections</a>", site.Page("index.html"));
    }

    [Fact]
    public void The_page_a_correction_concerns_carries_a_notice_and_others_do_not()
    {
        using var site = new TestSite().Write("corrections.yml", Corrections);
        Assert.True(site.Build().Success);
        Assert.Contains("class=\"wrap correction-notice\"", site.Page("articles/2023-12-13-alpha/index.html"));
        Assert.Contains("It says they were agreed in December 2023.", site.Page("articles/2023-12-13-alpha/index.html"));
        Assert.Contains("It spells it as the articles do.", site.Page("glossary/index.html"));
        // a claim's correction: on its topic's page and on the compare page
        Assert.Contains("It names none, as the article does not count them.", site.Page("topics/maritime-disputes/index.html"));
        Assert.Contains("It names none, as the article does not count them.", site.Page("compare/index.html"));
        Assert.DoesNotContain("correction-notice", site.Page("articles/2023-12-14-beta/index.html"));
        Assert.DoesNotContain("correction-notice", site.Page("timeline/index.html"));
    }

    [Fact]
    public void Each_correction_is_an_entry_of_the_feed()
    {
        using var site = new TestSite().Write("corrections.yml", Corrections);
        Assert.True(site.Build().Success);
        var feed = System.Xml.Linq.XDocument.Parse(site.Page("feed.xml"));
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2005/Atom";
        var ids = feed.Root!.Elements(ns + "entry").Select(e => e.Element(ns + "id")!.Value).ToList();
        Assert.Contains("https://example.org/corrections/#correction-2024-02-01", ids);
        Assert.Contains("https://example.org/corrections/#correction-2024-01-05-2", ids);
        Assert.Equal("2024-02-01T00:00:00Z", feed.Root!.Element(ns + "updated")!.Value); // the newest change is the correction
    }

    [Theory]
    [InlineData("article: 2023-12-13-alpah", "2023-12-13-alpha")]
    [InlineData("claim: hotline", "hotlines")]
    [InlineData("page: /glosary/", "/glossary/")]
    public void A_correction_of_an_unknown_article_claim_or_page_is_an_error_at_its_line(string concerns, string suggested)
    {
        using var site = new TestSite().Write("corrections.yml", $"""
            - date: 2024-01-05
              page: /
              wrong: Something.
              now: Something else.
            - date: 2024-01-06
              {concerns}
              wrong: Something.
              now: Something else.
            """);
        var r = site.Build();
        Assert.False(r.Success);
        var d = DiagnosticAssert.Has(r, "BRF040", "corrections.yml", 6);
        Assert.Contains($"'{suggested}'", d.Message);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_correction_must_name_exactly_one_thing()
    {
        using var site = new TestSite().Write("corrections.yml", """
            - date: 2024-01-05
              wrong: Something.
              now: Something else.
            """);
        var r = site.Build();
        Assert.False(r.Success);
        Assert.Contains("exactly one thing", DiagnosticAssert.Has(r, "BRF020", "corrections.yml", 1).Message);
    }

    [Fact]
    public void A_checked_claim_says_when_it_was_last_checked()
    {
        using var site = new TestSite();
        site.Write("claims.yml", site.Read("claims.yml").Replace("  text: They agreed to set up hotlines for incidents at sea.", "  text: They agreed to set up hotlines for incidents at sea.\n  checked: 2024-03-02", StringComparison.Ordinal));
        Assert.True(site.Build().Success);
        Assert.Contains("last checked <time datetime=\"2024-03-02\">2 March 2024</time>", site.Page("topics/maritime-disputes/index.html"));
        Assert.DoesNotContain("last checked", site.Page("topics/security-cooperation/index.html"));
    }
}
