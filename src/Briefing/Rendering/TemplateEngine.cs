using System.Text.RegularExpressions;
using Briefing.Diagnostics;
using HandlebarsDotNet;

namespace Briefing.Rendering;

/// <summary>
/// The theme's Handlebars templates, compiled once per build: <c>layouts/base.hbs</c>, one template per page
/// kind under <c>pages/</c>, partials under <c>partials/</c>. Values are HTML-escaped unless a template uses {{{ }}};
/// a binding that names nothing is an error, not a blank.
/// </summary>
public sealed partial class TemplateEngine
{
    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string File, string Source)> _sources = new(StringComparer.Ordinal);
    private HandlebarsTemplate<object, object>? _layout;
    private readonly string _themeDisplay;

    private TemplateEngine(string themeDisplay) => _themeDisplay = themeDisplay;

    private static readonly Lock CacheLock = new();
    private static readonly List<(string Key, TemplateEngine Engine)> Cache = [];

    /// <summary>
    /// The compiled theme. Compiling is most of a small build's time, so an engine is reused while every
    /// template file is byte-identical (the last few themes are kept); a theme with errors is never cached.
    /// </summary>
    public static TemplateEngine? Load(string themeDir, string themeDisplay, DiagnosticBag diags)
    {
        var key = Fingerprint(themeDir, themeDisplay);
        if (key is not null)
            lock (CacheLock)
                foreach (var (k, cached) in Cache)
                    if (k == key) return cached;
        var engine = Compile(themeDir, themeDisplay, diags);
        if (engine is not null && key is not null)
            lock (CacheLock)
            {
                Cache.Insert(0, (key, engine));
                if (Cache.Count > 4) Cache.RemoveAt(Cache.Count - 1);
            }
        return engine;
    }

    private static string? Fingerprint(string themeDir, string themeDisplay)
    {
        try
        {
            if (!Directory.Exists(themeDir)) return null;
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(themeDir) + "\0" + themeDisplay + "\0"));
            foreach (var folder in new[] { "partials", "pages", "layouts" })
                foreach (var file in Files(themeDir, folder))
                {
                    hash.AppendData(System.Text.Encoding.UTF8.GetBytes(folder + "/" + Path.GetFileName(file) + "\0"));
                    hash.AppendData(File.ReadAllBytes(file));
                    hash.AppendData("\0"u8);
                }
            return Convert.ToHexString(hash.GetHashAndReset());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static TemplateEngine? Compile(string themeDir, string themeDisplay, DiagnosticBag diags)
    {
        var engine = new TemplateEngine(themeDisplay);
        if (!Directory.Exists(themeDir))
        {
            diags.Error(Codes.InputMissing, SourcePos.FileOnly(themeDisplay), "The theme folder does not exist. Pass --theme <folder> or restore theme/ from the repository.");
            return null;
        }
        var hb = Handlebars.Create(new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = true,
            TextEncoder = new HtmlEncoder(),
        });
        // {{quoted x}}: x inside typographic double quotes; the quote's own double quotes become single ones,
        // as nested quotations are printed (“… ‘shared future’”), never ““…””. Escaped like any value.
        hb.RegisterHelper("quoted", (writer, _, args) => writer.Write(Quoted(args.Length > 0 ? args[0]?.ToString() : null)));
        var before = diags.ErrorCount;
        foreach (var file in Files(themeDir, "partials"))
        {
            var (display, text) = engine.Read(themeDir, file, diags);
            if (text is null) continue;
            try { hb.RegisterTemplate(Path.GetFileNameWithoutExtension(file), text); }
            catch (HandlebarsException ex) { engine.Report(display, text, ex, diags); }
        }
        foreach (var file in Files(themeDir, "pages"))
        {
            var (display, text) = engine.Read(themeDir, file, diags);
            if (text is null) continue;
            var compiled = engine.Compile(hb, display, text, diags);
            if (compiled is not null) engine._pages[Path.GetFileNameWithoutExtension(file)] = compiled;
        }
        var layoutPath = Path.Combine(themeDir, "layouts", "base.hbs");
        if (File.Exists(layoutPath))
        {
            var (display, text) = engine.Read(themeDir, layoutPath, diags);
            if (text is not null) engine._layout = engine.Compile(hb, display, text, diags);
        }
        else diags.Error(Codes.TemplateError, SourcePos.FileOnly(themeDisplay + "/layouts/base.hbs"), "The theme has no layouts/base.hbs. Restore it from the repository.");
        return diags.ErrorCount > before ? null : engine;
    }

    public static string Quoted(string? text) =>
        "\u201C" + (text ?? "").Replace('\u201C', '\u2018').Replace('\u201D', '\u2019') + "\u201D";

    private static IEnumerable<string> Files(string themeDir, string folder)
    {
        var dir = Path.Combine(themeDir, folder);
        return Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.hbs").OrderBy(f => f, StringComparer.Ordinal) : [];
    }

    private (string Display, string? Text) Read(string themeDir, string file, DiagnosticBag diags)
    {
        var display = _themeDisplay.TrimEnd('/') + "/" + Path.GetRelativePath(themeDir, file).Replace('\\', '/');
        try
        {
            var text = Content.InputFiles.Decode(File.ReadAllBytes(file), display, diags);
            if (text is not null) _sources[Path.GetFileNameWithoutExtension(file)] = (display, text);
            // Handlebars.Net 2.4 renders a standalone partial call that is indented ("  {{> x}}") without HTML-escaping
            // its values; dropping the indentation keeps every {{value}} in the partial escaped.
            return (display, text is null ? null : IndentedPartial().Replace(text, ""));
        }
        catch (IOException ex)
        {
            diags.Error(Codes.Unreadable, SourcePos.FileOnly(display), $"The template cannot be read ({ex.Message}).");
            return (display, null);
        }
    }

    private HandlebarsTemplate<object, object>? Compile(IHandlebars hb, string display, string text, DiagnosticBag diags)
    {
        try { return hb.Compile(text); }
        catch (HandlebarsException ex) { Report(display, text, ex, diags); return null; }
    }

    [GeneratedRegex(@"(?:line:?\s*(\d+)(?:[^\d]+(?:column|col):?\s*(\d+))?|Occured at:\s*(\d+):(\d+))", RegexOptions.IgnoreCase)]
    private static partial Regex LineInMessage();

    private void Report(string display, string text, Exception ex, DiagnosticBag diags, string? binding = null)
    {
        int line = 1, col = 1;
        var m = LineInMessage().Match(ex.Message);
        if (m.Success)
        {
            var (l, c) = m.Groups[1].Success ? (m.Groups[1], m.Groups[2]) : (m.Groups[3], m.Groups[4]);
            line = int.Parse(l.Value, System.Globalization.CultureInfo.InvariantCulture);
            if (c.Success) col = Math.Max(1, int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture) + (m.Groups[3].Success ? 1 : 0));
        }
        else if (binding is not null)
        {
            var at = text.IndexOf(binding, StringComparison.Ordinal);
            if (at >= 0)
            {
                line = 1 + text.AsSpan(0, at).Count('\n');
                col = at - text.LastIndexOf('\n', Math.Max(0, at - 1));
            }
        }
        var message = System.Text.RegularExpressions.Regex.Replace(ex.Message.Trim(), @"\s*Occured at:\s*\d+:\d+", "").Trim();
        diags.Error(Codes.TemplateError, new SourcePos(display, line, col), $"Template error: {message}. Fix the template here (theme templates see only the view model's fields).");
    }

    public bool HasPage(string name) => _pages.ContainsKey(name);

    /// <summary>Renders a page's body with its template, then the layout around it. Errors are reported, not thrown.</summary>
    public string? Render(string template, object model, Func<string, object> layoutModel, DiagnosticBag diags)
    {
        if (!_pages.TryGetValue(template, out var page))
        {
            diags.Error(Codes.TemplateError, SourcePos.FileOnly($"{_themeDisplay}/pages/{template}.hbs"), $"The theme has no template pages/{template}.hbs. Add it.");
            return null;
        }
        string body;
        try { body = page(model); }
        catch (Exception ex) when (ex is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException) { Report(template, ex, diags); return null; }
        try { return _layout!(layoutModel(body)); }
        catch (Exception ex) when (ex is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException) { Report("base", ex, diags); return null; }
    }

    [GeneratedRegex(@"^[ \t]+(?=\{\{~?#?>)", RegexOptions.Multiline)]
    private static partial Regex IndentedPartial();

    [GeneratedRegex(@"^([A-Za-z_@][\w.]*) is undefined")]
    private static partial Regex BindingInMessage();

    private void Report(string name, Exception ex, DiagnosticBag diags)
    {
        var (display, text) = _sources.TryGetValue(name, out var s) ? s : ($"{_themeDisplay}/{name}.hbs", "");
        var binding = BindingInMessage().Match(ex.Message) is { Success: true } m ? m.Groups[1].Value.Split('.').Last() : null;
        Report(display, text, ex, diags, binding);
    }
}
