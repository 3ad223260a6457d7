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
    private readonly Action<StringBuilder>? _render;

    public HtmlBody(string text) => _text = text;

    /// <summary>HTML kept as UTF-8 (an article's body lives from load to render: half the memory of a string).</summary>
    public HtmlBody(byte[] utf8) => _utf8 = utf8;

    /// <summary>
    /// HTML rendered where the layout prints it, straight into the page: a page's body is never copied from a builder
    /// of its own (the body of a topic page of a large briefing runs to millions of characters).
    /// </summary>
    internal HtmlBody(Action<StringBuilder> render) => _render = render;

    /// <summary>Whether a body rendered where it is printed has been printed (or measured).</summary>
    internal bool Rendered { get; private set; }

    // rendered apart once, for a layout that tests or measures the body before it prints it
    private StringBuilder? _apart;

    private StringBuilder RenderApart()
    {
        if (_apart is { } done) return done;
        var sb = new StringBuilder();
        _render!(sb);
        Rendered = true;
        return _apart = sb;
    }

    public static HtmlBody Empty { get; } = new("");

    /// <summary>Its length in characters, as a string's (templates may test or print it).</summary>
    public int Length => _text?.Length ?? (_utf8 is not null ? Encoding.UTF8.GetCharCount(_utf8) : RenderApart().Length);

    internal void WriteTo(StringBuilder target)
    {
        if (_text is not null)
        {
            target.Append(_text);
            return;
        }
        if (_utf8 is not null)
        {
            var chars = t_chars ??= new char[ChunkChars];
            var decoder = t_decoder ??= Encoding.UTF8.GetDecoder();
            decoder.Reset();
            var bytes = _utf8.AsSpan();
            while (true)
            {
                var last = bytes.Length <= ChunkChars;
                var take = last ? bytes.Length : ChunkChars;
                decoder.Convert(bytes[..take], chars, flush: last, out var used, out var made, out _);
                target.Append(chars, 0, made);
                bytes = bytes[used..];
                if (last && bytes.IsEmpty) return;
            }
        }
        if (_apart is null)
        {
            _render!(target);
            Rendered = true;
            return;
        }
        foreach (var chunk in _apart.GetChunks()) target.Append(chunk.Span);
    }

    private const int ChunkChars = 8192;
    [ThreadStatic] private static char[]? t_chars;
    [ThreadStatic] private static Decoder? t_decoder;

    public override string ToString() => _text ?? (_utf8 is not null ? Encoding.UTF8.GetString(_utf8) : RenderApart().ToString());
}
