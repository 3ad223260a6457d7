using System.Text;
using Briefing.Diagnostics;

namespace Briefing.Rendering;

/// <summary>
/// The theme's templates (see <see cref="Hbs"/> for the language), parsed once per theme: <c>layouts/base.hbs</c>,
/// one template per page kind under <c>pages/</c>, partials under <c>partials/</c>. Values are HTML-escaped unless
/// a template uses {{{ }}}; a binding that names nothing is an error, not a blank.
/// </summary>
public sealed class TemplateEngine
{
    private readonly Dictionary<string, Hbs.Template> _pages = new(StringComparer.Ordinal);
    private readonly Hbs.Environment _env = new();
    private Hbs.Template? _layout;
    private readonly string _themeDisplay;

    private TemplateEngine(string themeDisplay)
    {
        _themeDisplay = themeDisplay;
        // {{quoted x}}: x inside typographic double quotes; the quote's own double quotes become single ones,
        // as nested quotations are printed (“… ‘shared future’”), never ““…””. Escaped like any value.
        _env.Helpers["quoted"] = args => Quoted(args.Length > 0 ? args[0]?.ToString() : null);
    }

    /// <summary>
    /// The parsed theme, or null after reporting its errors. Parsing takes a few milliseconds; the preview keeps its
    /// engine while no template file changes (<see cref="SiteBuilder"/>).
    /// </summary>
    public static TemplateEngine? Load(string themeDir, string themeDisplay, DiagnosticBag diags)
    {
        var engine = new TemplateEngine(themeDisplay);
        if (!Directory.Exists(themeDir))
        {
            diags.Error(Codes.InputMissing, SourcePos.FileOnly(themeDisplay), "The theme folder does not exist. Pass --theme <folder> or restore theme/ from the repository.");
            return null;
        }
        var before = diags.ErrorCount;
        foreach (var file in Files(themeDir, "partials"))
        {
            var compiled = engine.Parse(themeDir, file, diags);
            if (compiled is not null) engine._env.Partials[Path.GetFileNameWithoutExtension(file)] = compiled;
        }
        foreach (var file in Files(themeDir, "pages"))
        {
            var compiled = engine.Parse(themeDir, file, diags);
            if (compiled is not null) engine._pages[Path.GetFileNameWithoutExtension(file)] = compiled;
        }
        var layoutPath = Path.Combine(themeDir, "layouts", "base.hbs");
        if (File.Exists(layoutPath)) engine._layout = engine.Parse(themeDir, layoutPath, diags);
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

    private Hbs.Template? Parse(string themeDir, string file, DiagnosticBag diags)
    {
        var display = _themeDisplay.TrimEnd('/') + "/" + Path.GetRelativePath(themeDir, file).Replace('\\', '/');
        string? text;
        try { text = Content.InputFiles.Decode(File.ReadAllBytes(file), display, diags); }
        catch (IOException ex)
        {
            diags.Error(Codes.Unreadable, SourcePos.FileOnly(display), $"The template cannot be read ({ex.Message}).");
            return null;
        }
        if (text is null) return null;
        try { return Hbs.Parse(display, text); }
        catch (Hbs.SyntaxError ex)
        {
            diags.Error(Codes.TemplateError, new SourcePos(display, ex.Line, ex.Column), $"Template error: {ex.Message}. Fix the template here.");
            return null;
        }
    }

    public bool HasPage(string name) => _pages.ContainsKey(name);

    /// <summary>Renders a page's body with its template, then the layout around it. Errors are reported, not thrown.</summary>
    public string? Render(string template, object model, Func<HtmlBody, object> layoutModel, DiagnosticBag diags)
    {
        var b = Buffers;
        var page = b.Page.Clear();
        var html = RenderInto(template, model, layoutModel, diags, page) ? page.ToString() : null;
        b.ShrinkIfLarge();
        return html;
    }

    /// <summary>
    /// As <see cref="Render"/>, as UTF-8 in a buffer of the calling thread, valid until its next render: neither the body
    /// nor the page is ever a string. A page too large for the buffers a thread keeps (the topic and compare pages of a
    /// big briefing) is not encoded here: <see cref="Utf8Page.WriteTo"/> encodes it piece by piece into a file, so it is
    /// never whole in memory as bytes either (an array of megabytes would be allocated on the large-object heap, where
    /// each one can set off a full collection).
    /// </summary>
    public Utf8Page? RenderUtf8(string template, object model, Func<HtmlBody, object> layoutModel, DiagnosticBag diags)
    {
        var b = Buffers;
        b.ShrinkIfLarge(); // a large page that was never written
        if (!RenderInto(template, model, layoutModel, diags, b.Page.Clear())) return null;
        var bytes = b.Bytes;
        if (Encoding.UTF8.GetMaxByteCount(b.Page.Length) > bytes.Length)
        {
            // the page may not fit: count its bytes exactly (with one encoder, which carries a surrogate pair split
            // between two chunks)
            var length = Utf8Chunks.EncodeInPieces(b.Page, b.Encoder, bytes, to: null);
            if (length > ThreadBuffers.MaxKeptBytes) return new Utf8Page(b, length);
            if (length > bytes.Length) bytes = b.Bytes = new byte[Math.Max(length, Math.Min(bytes.Length * 2, ThreadBuffers.MaxKeptBytes))];
        }
        var written = Utf8Chunks.Encode(b.Page, b.Encoder, bytes);
        b.ShrinkIfLarge();
        return new Utf8Page(bytes.AsMemory(0, written));
    }

    /// <summary>
    /// A page rendered by <see cref="RenderUtf8"/>: its UTF-8 bytes, or (a page larger than a thread keeps) its text,
    /// encoded when it is written. Valid until the thread's next render.
    /// </summary>
    public readonly struct Utf8Page
    {
        private readonly ReadOnlyMemory<byte> _bytes;
        private readonly ThreadBuffers? _text;
        private readonly long _length;

        internal Utf8Page(ReadOnlyMemory<byte> bytes) => (_bytes, _length) = (bytes, bytes.Length);

        internal Utf8Page(ThreadBuffers text, long length) => (_text, _length) = (text, length);

        /// <summary>Whether the bytes are in memory (<see cref="Bytes"/>); false for a page written piece by piece.</summary>
        public bool InMemory => _text is null;

        /// <summary>The page's bytes, when <see cref="InMemory"/>.</summary>
        public ReadOnlySpan<byte> Bytes => _text is null ? _bytes.Span : throw new InvalidOperationException("A large page is written with WriteTo, not held in memory.");

        /// <summary>How many bytes the page has.</summary>
        public long Length => _length;

        /// <summary>Writes the page's bytes to <paramref name="stream"/> (a large page in pieces of the thread's buffer).</summary>
        public void WriteTo(Stream stream)
        {
            if (_text is null) stream.Write(_bytes.Span);
            else
            {
                Utf8Chunks.EncodeInPieces(_text.Page, _text.Encoder, _text.Bytes, stream);
                _text.ShrinkIfLarge();
            }
        }

        /// <summary>The page's bytes in an array of their own.</summary>
        public byte[] ToArray()
        {
            if (_text is null) return _bytes.ToArray();
            var bytes = new byte[Length];
            WriteTo(new MemoryStream(bytes));
            return bytes;
        }
    }

    private bool RenderInto(string template, object model, Func<HtmlBody, object> layoutModel, DiagnosticBag diags, StringBuilder page)
    {
        if (!_pages.TryGetValue(template, out var compiled))
        {
            diags.Error(Codes.TemplateError, SourcePos.FileOnly($"{_themeDisplay}/pages/{template}.hbs"), $"The theme has no template pages/{template}.hbs. Add it.");
            return false;
        }
        // the page's template renders where the layout prints {{{bodyHtml}}}, straight into the page
        var body = new HtmlBody(target => Hbs.Render(compiled, model, _env, target));
        try
        {
            Hbs.Render(_layout!, layoutModel(body), _env, page);
            // a layout that does not print the body still has its template checked
            if (!body.Rendered) Hbs.Render(compiled, model, _env, new StringBuilder());
            return true;
        }
        catch (Hbs.RenderError error)
        {
            // The page's own template is checked as if it had been rendered first (as it was before it rendered
            // inside the layout): when it has an error, that is the one reported, not the layout's.
            var ex = error;
            if (!body.Rendered)
            {
                try { Hbs.Render(compiled, model, _env, new StringBuilder()); }
                catch (Hbs.RenderError pageError) { ex = pageError; }
            }
            diags.Error(Codes.TemplateError, new SourcePos(ex.Template, ex.Line, ex.Column), $"Template error: {ex.Message}. Fix the template here (theme templates see only the view model's fields).");
            return false;
        }
    }

    /// <summary>Each rendering thread's buffers, kept between pages so that no page grows a new one.</summary>
    internal sealed class ThreadBuffers
    {
        public const int MaxKeptChars = 1 << 20;
        public const int MaxKeptBytes = 1 << 21;
        public StringBuilder Page = new(32 * 1024);
        public byte[] Bytes = new byte[64 * 1024];
        public readonly Encoder Encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();

        /// <summary>
        /// After a very large page (the compare and topic pages of a big briefing: megabytes), its builder is not kept:
        /// clearing a builder of many chunks would allocate one array of its whole capacity, held by the thread until
        /// the process ends.
        /// </summary>
        public void ShrinkIfLarge()
        {
            if (Page.Capacity > MaxKeptChars) Page = new StringBuilder(32 * 1024);
        }
    }

    [ThreadStatic] private static ThreadBuffers? _buffers;
    private static ThreadBuffers Buffers => _buffers ??= new ThreadBuffers();
}
