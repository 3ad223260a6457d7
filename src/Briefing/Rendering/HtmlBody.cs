using System.Text;

namespace Briefing.Rendering;

/// <summary>
/// The one kind of value that templates print as it is, without escaping: HTML that the build made (rendered Markdown,
/// the JSON-LD script, the side-by-side view's marked-up words, a page's body). Everything else a template prints is
/// HTML-escaped (<see cref="ThemeContext"/>). A page's body is handed to the layout without first being turned into a
/// string (the body of every page would otherwise be copied twice more).
/// </summary>
public sealed class HtmlBody
{
    private readonly string? _text;
    private readonly byte[]? _utf8;
    private readonly Action<Utf8Output>? _render;

    public HtmlBody(string text) => _text = text;

    /// <summary>
    /// HTML kept as UTF-8 (an article's body lives from load to render: half the memory of a string), copied into the
    /// page as it is. It must be valid UTF-8, as an encoder makes it.
    /// </summary>
    public HtmlBody(byte[] utf8) => _utf8 = utf8;

    /// <summary>
    /// HTML rendered where the layout prints it, straight into the page: a page's body is never copied from a buffer
    /// of its own (the body of a topic page of a large briefing runs to megabytes).
    /// </summary>
    internal HtmlBody(Action<Utf8Output> render) => _render = render;

    /// <summary>Whether a body rendered where it is printed has been printed (or measured).</summary>
    internal bool Rendered { get; private set; }

    // rendered apart once, for a layout that tests or measures the body before it prints it
    private Utf8Output? _apart;
    private string? _apartText;

    private Utf8Output RenderApart()
    {
        if (_apart is { } done) return done;
        var output = new Utf8Output(1024);
        _render!(output);
        Rendered = true;
        return _apart = output;
    }

    public static HtmlBody Empty { get; } = new("");

    /// <summary>The HTML as UTF-8 when it is held so (an article's rendered body); else null.</summary>
    internal byte[]? Utf8 => _utf8;

    /// <summary>Its length in characters, as a string's (templates may test or print it).</summary>
    public int Length => _text?.Length ?? (_utf8 is not null ? Encoding.UTF8.GetCharCount(_utf8) : ToString().Length);

    internal void WriteTo(Utf8Output target)
    {
        if (_text is not null) target.Write(_text);
        else if (_utf8 is not null) target.WriteUtf8(_utf8);
        else if (_apart is not null) _apart.CopyTo(target);
        else
        {
            _render!(target);
            Rendered = true;
        }
    }

    public override string ToString() => _text ?? (_utf8 is not null ? Encoding.UTF8.GetString(_utf8) : _apartText ??= RenderApart().ToString());
}
