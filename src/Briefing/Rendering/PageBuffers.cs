using System.Text;

namespace Briefing.Rendering;

public sealed partial class TemplateEngine
{
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
