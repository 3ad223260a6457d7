namespace Briefing.Content;

/// <summary>
/// A <see cref="TextReader"/> over characters that are not a string: the YAML parser reads a file's text from the
/// buffer it was decoded into, so no string of the whole file is made only to be read once.
/// </summary>
internal sealed class MemoryReader(ReadOnlyMemory<char> text) : TextReader
{
    private int _at;

    public override int Peek() => _at < text.Length ? text.Span[_at] : -1;

    public override int Read() => _at < text.Length ? text.Span[_at++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, text.Length - _at);
        text.Span.Slice(_at, n).CopyTo(buffer);
        _at += n;
        return n;
    }
}
