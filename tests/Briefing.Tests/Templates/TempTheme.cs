using Briefing.Diagnostics;
using Briefing.Rendering;

namespace Briefing.Tests.Templates;

/// <summary>A theme written inline into a temp folder: a layout, page templates and partials, loaded and rendered.</summary>
internal sealed class TempTheme : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("briefing-theme-").FullName;

    public TempTheme(string layout = "{{ layout.body_html }}")
    {
        Write("layouts/base.sbn-html", layout);
    }

    public TempTheme Write(string relative, string text)
    {
        var path = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TemplateEngine? Load(DiagnosticBag diags, TemplateEngine? previous = null, bool compiled = true) => TemplateEngine.Load(Dir, "theme", diags, previous, compiled);

    /// <summary>Whether the last <see cref="Render"/> ran through the compiled templates alone (nothing left to Scriban).</summary>
    public bool RanCompiled { get; private set; }

    /// <summary>
    /// Renders pages/p.sbn-html with <paramref name="model"/> as `page` (and the layout's model as `layout`), through the
    /// compiled templates and through Scriban's interpreter alone: both must give the same page or the same errors.
    /// </summary>
    public (string? Html, IReadOnlyList<Diagnostic> Diags) Render(string page, object model, Func<HtmlBody, object>? layout = null)
    {
        Write("pages/p.sbn-html", page);
        var compiled = RenderWith(compiled: true, model, layout);
        var interpreted = RenderWith(compiled: false, model, layout);
        Assert.Equal(interpreted.Html, compiled.Html);
        Assert.Equal(interpreted.Diags.Select(d => d.ToString()), compiled.Diags.Select(d => d.ToString()));
        return compiled;
    }

    private (string? Html, IReadOnlyList<Diagnostic> Diags) RenderWith(bool compiled, object model, Func<HtmlBody, object>? layout)
    {
        var diags = new DiagnosticBag();
        var engine = Load(diags, compiled: compiled);
        if (engine is null) return (null, diags.Sorted());
        var html = engine.Render("p", model, layout ?? (body => new { BodyHtml = body, Title = "T" }), diags);
        if (compiled) RanCompiled = engine.LeftToScriban == 0 && engine.NotCompiled.Count == 0;
        return (html, diags.Sorted());
    }

    /// <summary>As <see cref="Render"/>, for a template that must render: its HTML.</summary>
    public string Html(string page, object model)
    {
        var (html, diags) = Render(page, model);
        Assert.True(html is not null, string.Join("\n", diags));
        return html;
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
