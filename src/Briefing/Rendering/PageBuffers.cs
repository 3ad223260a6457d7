namespace Briefing.Rendering;

public sealed partial class TemplateEngine
{
    /// <summary>
    /// A page rendered by <see cref="RenderUtf8"/>: its UTF-8 bytes in one array, or (a page larger than a thread keeps
    /// in one) in pieces, written one after another. Valid until the thread's next render.
    /// </summary>
    public readonly struct Utf8Page
    {
        private readonly ReadOnlyMemory<byte> _bytes;
        private readonly Utf8Output? _pieces;
        private readonly long _length;

        internal Utf8Page(ReadOnlyMemory<byte> bytes) => (_bytes, _length) = (bytes, bytes.Length);

        internal Utf8Page(Utf8Output pieces, long length) => (_pieces, _length) = (pieces, length);

        /// <summary>Whether the bytes are in one array (<see cref="Bytes"/>); false for a page written piece by piece.</summary>
        public bool InMemory => _pieces is null;

        /// <summary>The page's bytes, when <see cref="InMemory"/>.</summary>
        public ReadOnlySpan<byte> Bytes => _pieces is null ? _bytes.Span : throw new InvalidOperationException("A large page is written with WriteTo, not held in one array.");

        /// <summary>How many bytes the page has.</summary>
        public long Length => _length;

        /// <summary>Writes the page's bytes to <paramref name="stream"/> (a large page piece by piece).</summary>
        public void WriteTo(Stream stream)
        {
            if (_pieces is null) stream.Write(_bytes.Span);
            else _pieces.WriteTo(stream);
        }

        /// <summary>The page's bytes in an array of their own.</summary>
        public byte[] ToArray()
        {
            if (_pieces is null) return _bytes.ToArray();
            var bytes = new byte[Length];
            WriteTo(new MemoryStream(bytes));
            return bytes;
        }
    }

    [ThreadStatic] private static Utf8Output? t_output;

    /// <summary>The calling thread's output, kept between pages so that no page grows a new one.</summary>
    private static Utf8Output Output => t_output ??= new Utf8Output();
}
