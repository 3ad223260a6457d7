using Briefing.Import;

namespace Briefing.Tests.Import;

/// <summary>Captured HTML pages: the article's text is extracted, the page furniture is not.</summary>
public sealed class HtmlImportTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <title>Vietnam &amp; China sign deals | Example News</title>
          <meta property="article:published_time" content="2023-12-13T10:00:00+07:00">
          <script>window.dataLayer = []; function gtag(){ document.write("<p>from a script</p>"); }</script>
          <style>p::after { content: "<p>from a style</p>"; }</style>
        </head>
        <body>
          <nav><ul><li>Home</li><li>World</li></ul><p>Menu text</p></nav>
          <header><h1 class="headline">Vietnam &amp; China sign &ldquo;36&rdquo; deals</h1></header>
          <article>
            <p class="byline">By Jane Doe</p>
            <p>Advertisement</p>
            <p>The two sides signed <b>36</b> agreements &mdash; including a
               hotline &lt;at sea&gt;.</p>
            <p>An unclosed paragraph
            <p>Another paragraph, also O&#8217;Neil&#x2019;s.</p>
            <h2>Maritime &nbsp;issues</h2>
            <ul><li>Point one</li><li>Point <i>two</i></li></ul>
            <blockquote><p>A quoted passage.</p></blockquote>
            <aside><p>Related: read this instead</p></aside>
            <!-- <p>commented out</p> -->
            <div class="share"><button>Share</button></div>
          </article>
          <footer><p>© 2023 Example News</p></footer>
          <script src="x.js"></script>
        </body>
        </html>
        """;

    [Fact]
    public void Html_article_text_is_extracted_from_h1_p_h2_li_and_blockquote()
    {
        var article = Importing.Article(Page);
        Assert.Equal("Vietnam & China sign “36” deals", article.Field("title"));
        Assert.Equal(
        [
            "The two sides signed 36 agreements — including a hotline <at sea>.",
            "An unclosed paragraph",
            "Another paragraph, also O’Neil’s.",
            "Maritime issues",
            "Point one",
            "Point two",
            "A quoted passage.",
        ], article.BodyText);
        Assert.Equal(["Maritime issues"], article.Subheads);
        Assert.Contains("- Point one\n- Point two\n", article.Body);
    }

    [Fact]
    public void Script_style_nav_aside_footer_and_comments_are_dropped()
    {
        var markdown = Importing.Run(Page).Markdown;
        foreach (var text in (string[])["from a script", "from a style", "Menu text", "Home", "Related", "commented out", "© 2023", "Share", "gtag"])
            Assert.DoesNotContain(text, markdown);
    }

    [Fact]
    public void Html_byline_and_clutter_paragraphs_are_removed_and_reported_with_their_html_line()
    {
        var result = Importing.Run(Page);
        Assert.Contains(result.Removed, r => r is { Text: "By Jane Doe", Rule: "byline", Line: 13 });
        Assert.Contains(result.Removed, r => r is { Text: "Advertisement", Rule: "advertisement", Line: 14 });
        Assert.Equal("Jane Doe", ImportedArticle.From(result).Field("author"));
    }

    [Fact]
    public void Published_date_falls_back_to_the_page_metadata_with_a_warning()
    {
        var result = Importing.Run(Page, fileName: "page.html");
        Assert.Equal("2023-12-13", ImportedArticle.From(result).Field("published"));
        Assert.Contains(result.Warnings, w => w.StartsWith("page.html: 'published: 2023-12-13' comes from the page's metadata", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_h1_the_title_comes_from_the_title_element_with_a_warning()
    {
        var result = Importing.Run("<html><head><title>Only a title</title></head><body><p>One.</p><p>Two.</p></body></html>");
        Assert.Equal("Only a title", ImportedArticle.From(result).Field("title"));
        Assert.Contains(result.Warnings, w => w.Contains("<title>", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_file_extension_means_html_even_without_a_doctype()
    {
        var article = Importing.Article("<h1>Headline</h1><p>Body &amp; soul.</p>", fileName: "capture.htm");
        Assert.Equal("Headline", article.Field("title"));
        Assert.Equal(["Body & soul."], article.BodyText);
    }

    [Fact]
    public void Plain_text_with_a_stray_tag_is_not_read_as_html()
    {
        var article = Importing.Article("!-- Google tag (gtag.js) -->\n\nA headline\n\nA paragraph with <b>bold</b> in it.\n");
        Assert.Equal("A headline", article.Field("title"));
        Assert.Equal(["A paragraph with <b>bold</b> in it."], article.BodyText);
    }

    [Fact]
    public void Malformed_html_does_not_throw()
    {
        var result = Importing.Run("<html><body><h1>T</h1><p>Unclosed <b attr=\"x>y\n<p>Next <a href='", fileName: "broken.html");
        Assert.Equal("T", ImportedArticle.From(result).Field("title"));
    }

    [Fact]
    public void Html_nested_deeper_than_any_article_page_is_refused_at_its_line()
    {
        var deep = "<html><body><h1>T</h1>\n<p>One.</p>\n" + string.Concat(Enumerable.Repeat("<div>", 40_000)) + "<p>Inside.</p>";
        var ex = Assert.Throws<ImportException>(() => Importing.Run(deep, fileName: "deep.html"));
        Assert.Equal(3, ex.Line);
        Assert.Contains("more than 256 deep", ex.Message);
        var nested = "<html><body><h1>T</h1>\n<p>One.</p>\n" + string.Concat(Enumerable.Repeat("<div>", 200)) + "<p>Inside.</p>";
        Assert.Equal(["One.", "Inside."], Importing.Article(nested, fileName: "nested.html").BodyText);
    }
}
