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

    public HtmlBody(string text) => _text = text;

    internal HtmlBody(StringBuilder builder) => _builder = builder;

    public static HtmlBody Empty { get; } = new("");

    internal int Length => _text?.Length ?? _builder!.Length;

    internal void WriteTo(StringBuilder target, bool escape)
    {
        if (_text is not null)
        {
            if (escape) Hbs.Escape(target, _text);
            else target.Append(_text);
            return;
        }
        foreach (var chunk in _builder!.GetChunks())
            if (escape) Hbs.Escape(target, chunk.Span);
            else target.Append(chunk.Span);
    }

    public override string ToString() => _text ?? _builder!.ToString();
}
