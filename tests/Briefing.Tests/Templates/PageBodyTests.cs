using Briefing.Rendering;

namespace Briefing.Tests.Templates;

/// <summary>A page's template renders where the layout prints its body: whatever the layout does with the body, the page is the same.</summary>
public sealed class PageBodyTests : IDisposable
{
    private readonly TempTheme _theme = new();

    public void Dispose() => _theme.Dispose();

    private (string? Html, IReadOnlyList<Diagnostics.Diagnostic> Diags) Render(string layout, string page, object model)
    {
        _theme.Write("layouts/base.sbn-html", layout);
        return _theme.Render(page, model);
    }

    [Fact]
    public void The_body_prints_where_the_layout_puts_it_tested_measured_and_twice()
    {
        var model = new { Name = "Hà <b>Nội</b>" };
        var (html, diags) = Render("<h1>{{ layout.title }}</h1>{{ if layout.body_html }}[{{ layout.body_html.length }}]{{ end }}<main>{{ layout.body_html }}</main>{{ layout.body_html }}", "<p>{{ page.name }}</p>", model);
        Assert.Empty(diags);
        const string body = "<p>Hà &lt;b&gt;Nội&lt;/b&gt;</p>";
        Assert.Equal($"<h1>T</h1>[{body.Length}]<main>{body}</main>{body}", html);
    }

    [Fact]
    public void A_page_template_sees_page_but_not_the_layout_whose_body_it_is()
    {
        var (html, diags) = Render("<main>{{ layout.body_html }}</main>", "<p>{{ layout.title }}</p>", new { Name = "x" });
        Assert.Null(html);
        var d = Assert.Single(diags);
        Assert.EndsWith("pages/p.sbn-html", d.File);
        Assert.Contains("'layout' is not a variable here", d.Message);
    }

    [Theory]
    [InlineData("<h1>{{ layout.title }}</h1>", "<p>{{ page.missing }}</p>", 1, 12)] // a layout that never prints the body
    [InlineData("<h1>{{ layout.title }}</h1>\n<main>{{ layout.body_html }}</main>", "<p>ok</p>\n<p>{{ page.missing }}</p>", 2, 12)]
    public void An_error_in_the_page_template_is_reported_at_its_place_in_the_page_template(string layout, string page, int line, int column)
    {
        var (html, diags) = Render(layout, page, new { Name = "x" });
        Assert.Null(html);
        var d = Assert.Single(diags);
        Assert.Equal("BRF080", d.Code);
        Assert.EndsWith("pages/p.sbn-html", d.File);
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.Contains("'missing'", d.Message);
    }

    [Fact]
    public void When_the_layout_and_the_page_template_both_fail_the_page_template_s_error_is_reported()
    {
        // the layout fails before it prints the body: the page's template is still checked first
        var (html, diags) = Render("<title>{{ layout.no_such_field }}</title>\n<main>{{ layout.body_html }}</main>", "<p>{{ page.also_missing }}</p>", new { Name = "x" });
        Assert.Null(html);
        var d = Assert.Single(diags);
        Assert.EndsWith("pages/p.sbn-html", d.File);
        Assert.Contains("also_missing", d.Message);
        // and with a page template that is fine, the layout's error is the one reported
        (html, diags) = Render("<title>{{ layout.no_such_field }}</title>\n<main>{{ layout.body_html }}</main>", "<p>{{ page.name }}</p>", new { Name = "x" });
        Assert.Null(html);
        d = Assert.Single(diags);
        Assert.EndsWith("layouts/base.sbn-html", d.File);
        Assert.Contains("no_such_field", d.Message);
    }
}
