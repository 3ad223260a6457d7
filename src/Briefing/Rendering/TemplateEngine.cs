using System.Text;
using System.Text.RegularExpressions;
using Briefing.Diagnostics;
using Briefing.Rendering.Compiled;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefing.Rendering;

/// <summary>
/// The theme's Scriban templates, parsed once per theme: <c>layouts/base.sbn-html</c>, one template per page kind under
/// <c>pages/</c>, partials under <c>partials/</c> (see README, "Theme templates"). They run in a
/// <see cref="ThemeContext"/>: values are HTML-escaped unless they are <see cref="HtmlBody"/>, and a name that is not
/// a variable or a field is an error, not a blank.
/// </summary>
public sealed partial class TemplateEngine
{
    public const string Extension = ThemeLoader.Extension;

    private readonly Dictionary<string, Template> _pages = new(StringComparer.Ordinal);
    private readonly Template _layout;
    private readonly ThemeLoader _loader;
    private readonly string _themeDisplay;
    private readonly string _themeDir;
    /// <summary>Each template file as parsed: its size and time, so that a reload parses only the files that changed.</summary>
    private readonly Dictionary<string, Parsed> _files;
    /// <summary>The names a template declares (loop variables, assignments), for "did you mean".</summary>
    private readonly Dictionary<string, string[]> _declared = new(StringComparer.Ordinal);

    private sealed record Parsed(long Length, long Ticks, Template? Template, string[] Declared, List<Diagnostic> Errors);

    /// <summary>The layout and each page template compiled (<see cref="ThemeCompiler"/>); null where Scriban runs it.</summary>
    private readonly CompiledTemplate? _compiledLayout;
    private readonly Dictionary<string, CompiledTemplate?> _compiledPages = new(StringComparer.Ordinal);

    /// <summary>Whether pages render through the compiled templates (else Scriban's interpreter renders every one).</summary>
    public bool Compiled { get; }

    /// <summary>How many pages the compiled templates left to Scriban (an error, or a value only Scriban prints): for tests.</summary>
    internal int LeftToScriban => _leftToScriban;
    private int _leftToScriban;

    /// <summary>How many pages Scriban's interpreter rendered (their templates not compiled, or left to it).</summary>
    public int InterpretedPages => _interpretedPages;
    private int _interpretedPages;

    /// <summary>Why each template that is not compiled is not, by its page name ("layout" for the layout): for tests.</summary>
    internal Dictionary<string, string> NotCompiled { get; } = new(StringComparer.Ordinal);

    private TemplateEngine(string themeDir, string themeDisplay, Dictionary<string, Parsed> files, Template layout, bool compiled)
    {
        (_themeDir, _themeDisplay, _files, _layout, Compiled) = (themeDir, themeDisplay, files, layout, compiled);
        var partials = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var (file, parsed) in files)
        {
            var display = Display(themeDir, themeDisplay, file);
            _declared[display] = parsed.Declared;
            var folder = Path.GetFileName(Path.GetDirectoryName(file));
            var name = Path.GetFileName(file)[..^Extension.Length];
            if (folder == "partials") partials[ThemeLoader.PathOf(themeDisplay, name)] = parsed.Template!;
            else if (folder == "pages") _pages[name] = parsed.Template!;
        }
        _loader = new ThemeLoader(themeDir, themeDisplay, partials);
        if (!compiled) return;
        _compiledLayout = Compile(layout, "layout", isLayout: true);
        foreach (var (name, page) in _pages) _compiledPages[name] = Compile(page, name, isLayout: false);
    }

    private CompiledTemplate? Compile(Template template, string name, bool isLayout)
    {
        var compiled = ThemeCompiler.Compile(template, isLayout, _loader, _themeDisplay, ThemeContext.Builtins, out var why);
        if (why is not null) NotCompiled[name] = why;
        return compiled;
    }

    /// <summary>
    /// The parsed theme, or null after reporting its errors, every template's at once. With the engine of the last build
    /// (the preview), the files that did not change are not parsed again, and while none changed that engine is the one
    /// returned.
    /// </summary>
    /// <param name="compiled">Render through the compiled templates (false: Scriban's interpreter alone, the reference).</param>
    public static TemplateEngine? Load(string themeDir, string themeDisplay, DiagnosticBag diags, TemplateEngine? previous = null, bool compiled = true)
    {
        if (!Directory.Exists(themeDir))
        {
            diags.Error(Codes.InputMissing, SourcePos.FileOnly(themeDisplay), "The theme folder does not exist. Pass --theme <folder> or restore theme/ from the repository.");
            return null;
        }
        themeDisplay = themeDisplay.TrimEnd('/');
        var fullDir = Path.GetFullPath(themeDir);
        if (previous is not null && (previous._themeDir != fullDir || previous._themeDisplay != themeDisplay || previous.Compiled != compiled)) previous = null;
        var layoutPath = Path.Combine(fullDir, "layouts", "base" + Extension);
        var files = new Dictionary<string, Parsed>(StringComparer.Ordinal);
        var same = previous is not null;
        foreach (var file in Files(fullDir, "partials").Concat(Files(fullDir, "pages")).Append(layoutPath))
        {
            var info = new FileInfo(file);
            if (!info.Exists) continue;
            if (previous is not null && previous._files.TryGetValue(file, out var before) && before.Length == info.Length && before.Ticks == info.LastWriteTimeUtc.Ticks)
                files[file] = before;
            else
            {
                files[file] = Parse(file, Display(fullDir, themeDisplay, file), info);
                same = false;
            }
        }
        if (same && files.Count == previous!._files.Count) return previous;
        var failed = false;
        foreach (var parsed in files.Values)
        {
            foreach (var e in parsed.Errors) diags.Error(e.Code, new SourcePos(e.File, e.Line, e.Column), e.Message);
            failed |= parsed.Template is null;
        }
        if (!files.ContainsKey(layoutPath))
        {
            diags.Error(Codes.TemplateError, SourcePos.FileOnly($"{themeDisplay}/layouts/base{Extension}"), HintOld(layoutPath, $"The theme has no layouts/base{Extension}. Restore it from the repository."));
            failed = true;
        }
        return failed ? null : new TemplateEngine(fullDir, themeDisplay, files, files[layoutPath].Template!, compiled);
    }

    public static string Quoted(string? text) =>
        "\u201C" + (text ?? "").Replace('\u201C', '\u2018').Replace('\u201D', '\u2019') + "\u201D";

    private static IEnumerable<string> Files(string themeDir, string folder)
    {
        var dir = Path.Combine(themeDir, folder);
        return Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*" + Extension).Order(StringComparer.Ordinal) : [];
    }

    private static string Display(string themeDir, string themeDisplay, string file) =>
        themeDisplay + "/" + Path.GetRelativePath(themeDir, file).Replace('\\', '/');

    /// <summary>A theme from before Scriban has .hbs files: the message says what became of them.</summary>
    private static string HintOld(string path, string message) =>
        File.Exists(Path.ChangeExtension(path, ".hbs")) ? message + $" (Templates are Scriban now, in {Extension} files: see README, \"Theme templates\".)" : message;

    private static readonly Regex Declarations = new(@"\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b|\b([A-Za-z_][A-Za-z0-9_]*)\s*=[^=]", RegexOptions.CultureInvariant);

    /// <summary>Reads and parses one template; its syntax errors, every one, are kept with it.</summary>
    private static Parsed Parse(string file, string display, FileInfo info)
    {
        var errors = new DiagnosticBag();
        string? text;
        try { text = Content.InputFiles.Decode(File.ReadAllBytes(file), display, errors); }
        catch (IOException ex)
        {
            errors.Error(Codes.Unreadable, SourcePos.FileOnly(display), $"The template cannot be read ({ex.Message}).");
            text = null;
        }
        if (text is null) return new Parsed(info.Length, info.LastWriteTimeUtc.Ticks, null, [], [.. errors.Sorted()]);
        var template = Template.Parse(text, display);
        // every error, but one a line: after a mistake Scriban's parser often reports its consequences at the same place
        var lastLine = int.MinValue;
        foreach (var m in template.Messages)
        {
            if (m.Type != Scriban.Parsing.ParserMessageType.Error || m.Span.Start.Line == lastLine) continue;
            lastLine = m.Span.Start.Line;
            errors.Error(Codes.TemplateError, new SourcePos(display, Math.Max(m.Span.Start.Line, 0) + 1, Math.Max(m.Span.Start.Column, 0) + 1),
                $"Template syntax error: {m.Message.TrimEnd('.')}. Fix the template here (Scriban syntax: see README, \"Theme templates\").");
        }
        var declared = Declarations.Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Distinct().ToArray();
        if (!template.HasErrors) ThemeInclude.Rewrite(template.Page!);
        return new Parsed(info.Length, info.LastWriteTimeUtc.Ticks, template.HasErrors ? null : template, declared, [.. errors.Sorted()]);
    }

    /// <summary>Renders a page's body with its template, then the layout around it. Errors are reported, not thrown.</summary>
    public string? Render(string template, object model, Func<HtmlBody, object> layoutModel, DiagnosticBag diags) =>
        RenderUtf8(template, model, layoutModel, diags) is { } page ? Encoding.UTF8.GetString(page.ToArray()) : null;

    /// <summary>
    /// As <see cref="Render"/>, as UTF-8 in a buffer of the calling thread, valid until its next render: neither the body
    /// nor the page is ever a string, and an article's body, UTF-8 already, is copied in as it is. A page too large for
    /// the buffer a thread keeps (the topic and compare pages of a big briefing) is kept in pieces, which
    /// <see cref="Utf8Page.WriteTo"/> writes one after another.
    /// </summary>
    public Utf8Page? RenderUtf8(string template, object model, Func<HtmlBody, object> layoutModel, DiagnosticBag diags)
    {
        var output = Output.Clear();
        return RenderInto(template, model, layoutModel, diags, output) ? output.Finish() : null;
    }

    private bool RenderInto(string template, object model, Func<HtmlBody, object> layoutModel, DiagnosticBag diags, Utf8Output page)
    {
        if (!_pages.TryGetValue(template, out var compiled))
        {
            var path = $"{_themeDisplay}/pages/{template}{Extension}";
            diags.Error(Codes.TemplateError, SourcePos.FileOnly(path), HintOld(Path.Combine(_themeDir, "pages", template + Extension), $"The theme has no template pages/{template}{Extension}. Add it."));
            return false;
        }
        if (_compiledLayout is { } layoutCode && _compiledPages.GetValueOrDefault(template) is { } pageCode)
        {
            if (RenderCompiled(layoutCode, pageCode, model, layoutModel, page)) return true;
            page.Clear(); // Scriban renders it again from the start, and decides
        }
        Interlocked.Increment(ref _interpretedPages);
        var context = Context();
        var scope = context.RentScope();
        scope["page"] = model;
        // the page's template renders where the layout prints its body, straight into the page; it sees `page`, not `layout`
        var body = new HtmlBody(target =>
        {
            var layout = scope["layout"];
            scope.Remove("layout");
            RunInto(context, compiled, target);
            scope["layout"] = layout;
        });
        scope["layout"] = layoutModel(body);
        context.PushGlobal(scope);
        try
        {
            RunInto(context, _layout, page);
            // a layout that does not print the body still has its template checked
            if (!body.Rendered)
            {
                scope.Remove("layout");
                RunInto(context, compiled, new Utf8Output(1024));
            }
            context.PopGlobal();
            context.ReturnScope(scope);
            return true;
        }
        catch (ScriptRuntimeException error)
        {
            // the context is left mid-page: the thread's next page gets a new one
            t_context = null;
            // The page's own template is checked as if it had been rendered first: when it has an error, that is the
            // one reported, not the layout's.
            var ex = error;
            if (!body.Rendered)
            {
                var alone = Context();
                alone.PushGlobal(new ScriptObject { ["page"] = model });
                try { RunInto(alone, compiled, new Utf8Output(1024)); }
                catch (ScriptRuntimeException pageError) { ex = pageError; }
                t_context = null;
            }
            Report(ex, diags);
            return false;
        }
    }

    /// <summary>
    /// Renders the page through the compiled templates: the page's template where the layout prints its body. False when
    /// the compiled code left the page to Scriban (an error to report, or a value only Scriban prints).
    /// </summary>
    private bool RenderCompiled(CompiledTemplate layoutCode, CompiledTemplate pageCode, object model, Func<HtmlBody, object> layoutModel, Utf8Output page)
    {
        var context = Context();
        var body = new HtmlBody(target => pageCode.Run(context, target, model, null));
        try
        {
            layoutCode.Run(context, page, model, layoutModel(body));
            if (!body.Rendered) pageCode.Run(context, new Utf8Output(1024), model, null);
            return true;
        }
        catch (Exception e) when (e is LeaveToScriban or ScriptRuntimeException)
        {
            Interlocked.Increment(ref _leftToScriban);
            return false;
        }
    }

    /// <summary>Evaluates a template into <paramref name="target"/>.</summary>
    private static void RunInto(ThemeContext context, Template template, Utf8Output target)
    {
        context.PushOutput(target);
        try { context.Run(template); }
        finally { context.PopOutput(); }
    }

    private void Report(ScriptRuntimeException ex, DiagnosticBag diags)
    {
        var span = ex.Span;
        var file = string.IsNullOrEmpty(span.FileName) ? $"{_themeDisplay}/layouts/base{Extension}" : span.FileName;
        var message = ex.OriginalMessage.TrimEnd('.');
        if (UnknownVariable.Match(message) is { Success: true } m)
        {
            var name = m.Groups[1].Value;
            var near = Suggest.Closest(name, ["page", "layout", "include", "quoted", .. _declared.GetValueOrDefault(file, [])]);
            message = $"'{name}' is not a variable here" + (near is null ? "; templates see `page` (the layout also `layout`) and the variables they make" : $"; did you mean '{near}'?");
        }
        diags.Error(Codes.TemplateError, new SourcePos(file, Math.Max(span.Start.Line, 0) + 1, Math.Max(span.Start.Column, 0) + 1),
            $"Template error: {message}{(message.EndsWith('?') ? "" : ".")} Fix the template here.");
    }

    private static readonly Regex UnknownVariable = new("^The variable or function `([^`]*)` was not found$", RegexOptions.CultureInvariant);

    [ThreadStatic] private static ThemeContext? t_context;

    /// <summary>The calling thread's context for this theme (a context is not shared between threads).</summary>
    private ThemeContext Context()
    {
        if (t_context is { } c && ReferenceEquals(c.TemplateLoader, _loader)) return c;
        return t_context = new ThemeContext(_loader);
    }
}
