using Briefing.Diagnostics;
using Briefing.Rendering;

namespace Briefing.Tests.Templates;

/// <summary>A page's template renders where the layout prints its body: whatever the layout does with the body, the page is the same.</summary>
public sealed class PageBodyTests : IDisposable
{
    private readonly string _theme = Directory.CreateTempSubdirectory("briefing-body-").FullName;

    public void Dispose() => Directory.Delete(_theme, recursive: true);

    private (string? Html, DiagnosticBag Diags) Render(string layout, string page, object model)
    {
        Directory.CreateDirectory(Path.Combine(_theme, "layouts"));
        Directory.CreateDirectory(Path.Combine(_theme, "pages"));
        File.WriteAllText(Path.Combine(_theme, "layouts", "base.hbs"), layout);
        File.WriteAllText(Path.Combine(_theme, "pages", "p.hbs"), page);
        var diags = new DiagnosticBag();
        var engine = TemplateEngine.Load(_theme, "theme", diags)!;
        var html = engine.Render("p", model, body => new Dictionary<string, object?> { ["bodyHtml"] = body, ["title"] = "T" }, diags);
        return (html, diags);
    }

    [Fact]
    public void The_body_prints_where_the_layout_puts_it_raw_escaped_tested_and_measured()
    {
        var model = new { name = "Hà <b>Nội</b>" };
        var (html, diags) = Render("<h1>{{title}}</h1>{{#if bodyHtml}}[{{bodyHtml.length}}]{{/if}}<main>{{{bodyHtml}}}</main><pre>{{bodyHtml}}</pre>{{{bodyHtml}}}", "<p>{{name}}</p>", model);
        Assert.Empty(diags.Sorted());
        const string body = "<p>Hà &lt;b&gt;Nội&lt;/b&gt;</p>";
        Assert.Equal($"<h1>T</h1>[{body.Length}]<main>{body}</main><pre>&lt;p&gt;Hà &amp;lt;b&amp;gt;Nội&amp;lt;/b&amp;gt;&lt;/p&gt;</pre>{body}", html);
    }

    [Theory]
    [InlineData("<h1>{{title}}</h1>", "<p>{{missing}}</p>", 1)] // a layout that never prints the body
    [InlineData("<h1>{{title}}</h1>\n<main>{{{bodyHtml}}}</main>", "<p>ok</p>\n<p>{{missing}}</p>", 2)]
    public void An_error_in_the_page_template_is_reported_at_its_place_in_the_page_template(string layout, string page, int line)
    {
        var (html, diags) = Render(layout, page, new { name = "x" });
        Assert.Null(html);
        var d = Assert.Single(diags.Sorted());
        Assert.Equal("BRF080", d.Code);
        Assert.EndsWith("pages/p.hbs", d.File);
        Assert.Equal(line, d.Line);
        Assert.Contains("missing", d.Message);
    }

    [Fact]
    public void When_the_layout_and_the_page_template_both_fail_the_page_template_s_error_is_reported()
    {
        // the layout fails before it prints the body: the page's template is still checked first, as it always was
        var (html, diags) = Render("<title>{{noSuchField}}</title>\n<main>{{{bodyHtml}}}</main>", "<p>{{alsoMissing}}</p>", new { name = "x" });
        Assert.Null(html);
        var d = Assert.Single(diags.Sorted());
        Assert.EndsWith("pages/p.hbs", d.File);
        Assert.Contains("alsoMissing", d.Message);
        // and with a page template that is fine, the layout's error is the one reported
        (html, diags) = Render("<title>{{noSuchField}}</title>\n<main>{{{bodyHtml}}}</main>", "<p>{{name}}</p>", new { name = "x" });
        Assert.Null(html);
        d = Assert.Single(diags.Sorted());
        Assert.EndsWith("layouts/base.hbs", d.File);
        Assert.Contains("noSuchField", d.Message);
    }
}
