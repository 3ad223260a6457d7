using Briefing.Tests.Support;

namespace Briefing.Tests;

/// <summary>The editors' prose cites articles (<c>article:slug</c>) and sources (<c>source:id</c>); the markers follow the citation.</summary>
public sealed class ProseCiteTests
{
    private static TestSite Inferred()
    {
        var site = new TestSite();
        site.Write("articles/2023-12-13-alpha.md", site.Read("articles/2023-12-13-alpha.md")
            .Replace("published: 2023-12-13\n", "published: 2023-12\npublished_note: \"The text says Wednesday.\"\nsource_note: \"From house style.\"\n"));
        return site;
    }

    [Fact]
    public void A_cited_article_in_a_topic_overview_links_to_its_page_followed_by_its_source_and_the_same_markers_as_its_card()
    {
        using var site = Inferred();
        site.Write("topics/security-cooperation.md", "---\ntitle: Security cooperation\norder: 1\n---\nAs [one account](article:2023-12-13-alpha) has it, and [another](article:2023-12-14-beta).\n");
        Assert.True(site.Build(strict: true).Success);
        var html = site.Page("topics/security-cooperation/index.html");
        Assert.Contains("<a href=\"/articles/2023-12-13-alpha/\">one account</a> <span class=\"cite-source\">[Alpha News <span class=\"inferred\">(attribution inferred)</span>, "
            + "<time datetime=\"2023-12\">December 2023</time> <span class=\"inferred\">(inferred)</span>]</span>", html);
        // an article with neither an inferred outlet nor a date: no inference marker, and the date is unknown
        Assert.Contains("<a href=\"/articles/2023-12-14-beta/\">another</a> <span class=\"cite-source\">[Beta Wire, <span class=\"unknown\">date unknown</span>]</span>", html);
        // the card of the same article carries the same markers, written by the same code
        Assert.Contains("Alpha News <span class=\"inferred\">(attribution inferred)</span> · <time datetime=\"2023-12\">December 2023</time> <span class=\"inferred\">(inferred)</span>", html);
    }

    [Fact]
    public void Lede_takeaways_timeline_and_glossary_texts_render_citations_and_source_links()
    {
        using var site = Inferred();
        site.Write("site.yml", site.Read("site.yml")
            .Replace("lede: A short lede.", "lede: A lede citing [an outlet](source:beta-wire).")
            .Replace("- text: Ties deepen.", "- text: Ties deepen, says [the account](article:2023-12-13-alpha)."));
        site.Write("timeline.yml", site.Read("timeline.yml").Replace("text: The visit ends.", "text: The visit ends, per [Alpha](article:2023-12-13-alpha)."));
        site.Write("glossary.yml", site.Read("glossary.yml").Replace("text: A term.", "text: A term *used* by [Beta](source:beta-wire)."));
        Assert.True(site.Build(strict: true).Success);
        var home = site.Page("index.html");
        Assert.Contains("<p class=\"lede\">A lede citing <a href=\"/sources/#beta-wire\">an outlet</a>. This test briefing", home);
        Assert.Contains("<p>Ties deepen, says <a href=\"/articles/2023-12-13-alpha/\">the account</a> <span class=\"cite-source\">[Alpha News <span class=\"inferred\">(attribution inferred)</span>", home);
        Assert.Contains("The visit ends, per <a href=\"/articles/2023-12-13-alpha/\">Alpha</a> <span class=\"cite-source\">", site.Page("timeline/index.html"));
        Assert.Contains("<p>A term <em>used</em> by <a href=\"/sources/#beta-wire\">Beta</a>.</p>", site.Page("glossary/index.html"));
    }

    [Fact]
    public void An_unknown_article_slug_in_a_topic_overview_is_an_error_at_its_line_and_column_with_the_closest_slug()
    {
        using var site = new TestSite();
        site.Write("topics/security-cooperation.md", "---\ntitle: Security cooperation\norder: 1\n---\nFirst paragraph.\n\nAs [one account](article:2023-12-13-alfa) has it.\n");
        var r = site.Build();
        Assert.False(r.Success);
        var d = DiagnosticAssert.Has(r, "BRF040", "topics/security-cooperation.md", line: 7);
        Assert.Equal(4, d.Column);
        Assert.Contains("'(article:2023-12-13-alfa)'", d.Message);
        Assert.Contains("Did you mean '2023-12-13-alpha'?", d.Message);
    }

    [Fact]
    public void An_unknown_source_id_in_a_yaml_text_is_an_error_at_that_text_with_the_closest_id()
    {
        using var site = new TestSite();
        site.Write("glossary.yml", site.Read("glossary.yml").Replace("text: A term.", "text: A term used by [Beta](source:beta-wires)."));
        site.Write("site.yml", site.Read("site.yml").Replace("lede: A short lede.", "lede: >\n  A lede that cites\n  [nothing](article:gamma)."));
        var r = site.Build();
        Assert.False(r.Success);
        var glossary = DiagnosticAssert.Has(r, "BRF040", "glossary.yml", line: 11);
        Assert.Contains("Did you mean 'beta-wire'?", glossary.Message);
        var lede = DiagnosticAssert.Has(r, "BRF040", "site.yml", line: 5);
        Assert.Contains("'(article:gamma)'", lede.Message);
        Assert.Contains("Known article slugs: 2023-12-13-alpha, 2023-12-14-beta.", lede.Message);
    }

    [Fact]
    public void A_link_that_is_not_a_citation_is_left_as_it_is()
    {
        using var site = new TestSite();
        site.Write("topics/security-cooperation.md", "---\ntitle: Security cooperation\norder: 1\n---\nSee [the site](https://example.org/articles:x) and [a page](article-list).\n");
        Assert.True(site.Build(strict: true).Success);
        var html = site.Page("topics/security-cooperation/index.html");
        Assert.Contains("<a href=\"https://example.org/articles:x\">the site</a> and <a href=\"article-list\">a page</a>", html);
        Assert.DoesNotContain("cite-source", html);
    }

    [Fact]
    public void An_inferred_outlet_is_marked_wherever_the_pages_name_it_not_only_on_cards()
    {
        using var site = Inferred();
        Assert.True(site.Build(strict: true).Success);
        const string marked = "Alpha News <span class=\"inferred\">(attribution inferred)</span>";
        var topic = site.Page("topics/security-cooperation/index.html");
        Assert.Contains("<h3>" + marked + ": <a", topic);                      // the source's key points
        Assert.Contains("<footer>— " + marked + ", <a", topic);                // each quote's footer
        Assert.Contains("Alpha News’s words <span class=\"inferred\">(attribution inferred)</span>", site.Page("articles/2023-12-13-alpha/index.html")); // the article text's badge
        var compare = site.Page("compare/index.html");
        Assert.Contains("<span class=\"meta\">(" + marked + ")</span></h3>", compare); // what only this article reports
        // links named by their article's source and date say it in words
        Assert.Contains(">Alpha News (attribution inferred), December 2023 (inferred)</a>", site.Page("timeline/index.html"));
        Assert.Contains(">Beta Wire, date unknown</a>", site.Page("index.html"));
        // an outlet the text names carries no marker
        Assert.DoesNotContain("Beta Wire <span class=\"inferred\">", compare);
    }
}
