using System.Text;

namespace Briefing.Rendering;

/// <summary>
/// A page body that the layout prints with <c>{{{bodyHtml}}}</c>: rendered HTML, handed to the layout without first
/// being turned into a string (the body of every page would otherwise be copied twice more).
/// </summary>
public sealed class HtmlBody
{
    private readonly string? _text;
    private readonly StringBuilder? _builder;
    private readonly byte[]? _utf8;

    public HtmlBody(string text) => _text = text;

    internal HtmlBody(StringBuilder builder) => _builder = builder;

    /// <summary>HTML kept as UTF-8 (an article's body lives from load to render: half the memory of a string).</summary>
    public HtmlBody(byte[] utf8) => _utf8 = utf8;

    public static HtmlBody Empty { get; } = new("");

    /// <summary>Its length in characters, as a string's (templates may test or print it).</summary>
    public int Length => _text?.Length ?? (_utf8 is not null ? Encoding.UTF8.GetCharCount(_utf8) : _builder!.Length);

    internal void WriteTo(StringBuilder target, bool escape)
    {
        if (_text is not null)
        {
            if (escape) Hbs.Escape(target, _text);
            else target.Append(_text);
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
                if (escape) Hbs.Escape(target, chars.AsSpan(0, made));
                else target.Append(chars, 0, made);
                bytes = bytes[used..];
                if (last && bytes.IsEmpty) return;
            }
        }
        foreach (var chunk in _builder!.GetChunks())
            if (escape) Hbs.Escape(target, chunk.Span);
            else target.Append(chunk.Span);
    }

    private const int ChunkChars = 8192;
    [ThreadStatic] private static char[]? t_chars;
    [ThreadStatic] private static Decoder? t_decoder;

    public override string ToString() => _text ?? (_utf8 is not null ? Encoding.UTF8.GetString(_utf8) : _builder!.ToString());
}
