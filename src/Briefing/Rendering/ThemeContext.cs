using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefing.Rendering;

/// <summary>
/// What the theme's Scriban templates run in: every value an expression prints is HTML-escaped, quotes included (so a
/// value cannot leave an attribute), except values of the one trusted type, <see cref="HtmlBody"/>; the literal text of
/// a template and what <c>include</c> prints are written as they are. Strict: an unknown variable or member is an error.
/// One context per rendering thread, reused from page to page.
/// </summary>
internal sealed class ThemeContext : TemplateContext
{
    /// <summary>Partials' and pages' variables, kept for the next include or page.</summary>
    private readonly Stack<ScriptObject> _scopes = new();

    /// <summary>
    /// Scriban's built-in functions with the theme's own, made once for every context (Scriban binds each built-in by
    /// reflection, which a context of its own per rendering thread would repeat). Read only, so that no page can change
    /// what another sees (<c>date.format = …</c> is an error).
    /// </summary>
    internal static readonly ScriptObject Builtins = MakeBuiltins();

    private static ScriptObject MakeBuiltins()
    {
        var builtins = GetDefaultBuiltinObject();
        builtins.SetValue("include", ThemeInclude.Function.Instance, readOnly: true);
        ThemeFunctions.ImportInto(builtins);
        foreach (var value in builtins.Values)
            if (value is ScriptObject functions) functions.IsReadOnly = true;
        builtins.IsReadOnly = true;
        return builtins;
    }

    public ThemeContext(ThemeLoader loader) : base(Builtins)
    {
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        // the theme's whitespace is what its files say: an included partial is not re-indented
        AutoIndent = false;
        // a big briefing's pages loop over thousands of items and are megabytes long
        LoopLimit = 0;
        LimitToString = 0;
        RecursiveLimit = 64;
        MemberRenamer = StandardMemberRenamer.Default;
        TemplateLoader = loader;
        foreach (var (path, template) in loader.Partials) CachedTemplates[path] = template;
    }

    /// <summary>An empty object for a page's or a partial's variables, kept from one page to the next.</summary>
    public ScriptObject RentScope() => _scopes.Count > 0 ? _scopes.Pop() : new ScriptObject();

    public void ReturnScope(ScriptObject scope)
    {
        scope.Clear();
        _scopes.Push(scope);
    }

    /// <summary>The value of an expression statement (<c>{{ x }}</c>): escaped unless it is trusted HTML.</summary>
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null) return this;
        if (Output is not Utf8Output page)
        {
            // another output (a `capture`): the same text, made apart
            var apart = new Utf8Output(256);
            WriteValue(apart, textAsObject);
            var text = apart.ToString();
            Output.Write(text, 0, text.Length);
            return this;
        }
        WriteValue(page, textAsObject);
        return this;
    }

    /// <summary>Writes a value as an expression statement prints it (the compiled templates print through this too).</summary>
    internal void WriteValue(Utf8Output page, object value)
    {
        switch (value)
        {
            case string s:
                Escape(page, s);
                return;
            case HtmlBody html:
                html.WriteTo(page);
                return;
            case int n:
                // a count or a paragraph number, formatted as Scriban would (with this context as the format provider),
                // without a string of its own; digits and a sign need no escaping
                Span<char> digits = stackalloc char[16];
                n.TryFormat(digits, out var length, default, this);
                page.Write(digits[..length]);
                return;
            default:
                if (ObjectToString(value) is { } text) Escape(page, text);
                return;
        }
    }

    /// <summary>
    /// <c>if</c>'s truth: nothing, false, empty text, an empty list and empty HTML are false (Scriban alone would take
    /// empty text and an empty list as true, and every optional field of a view model is empty text when absent).
    /// </summary>
    public override bool ToBool(SourceSpan span, object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        HtmlBody h => h.Length > 0,
        ICollection c => c.Count > 0,
        _ => base.ToBool(span, value),
    };

    /// <summary>
    /// A plain object (a view model) is read by <see cref="ViewModelAccessor"/>; lists, dictionaries, text, numbers and
    /// Scriban's own objects as Scriban reads them. Asked once per type and context (Scriban keeps the answer); which
    /// types are plain is known once per type, as Scriban's own answer for one reflects over the whole type.
    /// </summary>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var type = target.GetType();
        if (Plain.TryGetValue(type, out var plain)) return plain ? ViewModelAccessor.For(type) : base.GetMemberAccessorImpl(target);
        var accessor = base.GetMemberAccessorImpl(target);
        Plain[type] = plain = accessor is Scriban.Runtime.Accessors.TypedObjectAccessor;
        return plain ? ViewModelAccessor.For(type) : accessor;
    }

    private static readonly ConcurrentDictionary<Type, bool> Plain = new();

    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'`=");

    /// <summary>HTML-escapes as Handlebars does, for text and attribute values alike: &amp; &lt; &gt; &quot; &#x27; &#x60; &#x3D;.</summary>
    private static void Escape(Utf8Output page, ReadOnlySpan<char> span)
    {
        while (true)
        {
            var i = span.IndexOfAny(Special);
            if (i < 0)
            {
                page.Write(span);
                return;
            }
            page.Write(span[..i]);
            page.Write(span[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                '`' => "&#x60;",
                _ => "&#x3D;",
            });
            span = span[(i + 1)..];
        }
    }

    /// <summary>
    /// Evaluates a parsed template into this context's current output. Its literal text is written as it is, its
    /// expressions through <see cref="Write(SourceSpan, object?)"/>.
    /// </summary>
    public void Run(Template template) => Evaluate(template.Page!);
}
