using System.Buffers;
using System.Text;
using Scriban.Runtime;

namespace Briefing.Rendering;

/// <summary>
/// Where a page renders: straight into UTF-8. Text is gathered in a small buffer of characters and encoded a buffer at a
/// time (with one encoder, which carries a surrogate pair split between two writes); HTML that is UTF-8 already (an
/// article's body) is copied in as it is, never decoded and encoded again. Each rendering thread keeps one, with its
/// bytes, from page to page.
/// </summary>
/// <remarks>
/// The bytes of a page are one array while they fit in <see cref="MaxKeptBytes"/>; beyond that (the topic and compare
/// pages of a big briefing: megabytes) they go on in pieces from the shared pool, small enough to stay off the
/// large-object heap (where each new array can set off a full collection).
/// </remarks>
internal sealed class Utf8Output : IScriptOutput
{
    public const int MaxKeptBytes = 1 << 21;
    private const int PieceBytes = 64 * 1024;
    private const int CharBuffer = 4096;

    private readonly char[] _chars = new char[CharBuffer];
    private int _charCount;
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private byte[] _bytes;
    private int _length;
    private readonly List<byte[]> _pieces = [];
    /// <summary>The bytes used in each piece before the last (a piece is left when the next text's bytes may not fit).</summary>
    private readonly List<int> _pieceLengths = [];
    private int _pieceUsed;

    public Utf8Output(int bytes = 64 * 1024) => _bytes = new byte[bytes];

    /// <summary>Starts a new page: what the last one wrote is gone (its pieces go back to the pool).</summary>
    public Utf8Output Clear()
    {
        ReturnPieces();
        _charCount = _length = 0;
        _encoder.Reset();
        return this;
    }

    public void Write(string text, int offset, int count) => Write(text.AsSpan(offset, count));

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text.AsSpan(offset, count));
        return ValueTask.CompletedTask;
    }

    public void Write(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var room = CharBuffer - _charCount;
            if (text.Length <= room)
            {
                text.CopyTo(_chars.AsSpan(_charCount));
                _charCount += text.Length;
                return;
            }
            text[..room].CopyTo(_chars.AsSpan(_charCount));
            _charCount = CharBuffer;
            text = text[room..];
            EncodeChars(flush: false);
        }
    }

    /// <summary>Copies in HTML that is UTF-8 already (valid UTF-8, as the build's own encoder makes it).</summary>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        // a lone high surrogate before it is written as the replacement character, as it would be before any other
        // character
        EncodeChars(flush: true);
        while (!utf8.IsEmpty)
        {
            var room = Room(Math.Min(utf8.Length, PieceBytes), whole: false);
            var take = Math.Min(room.Length, utf8.Length);
            utf8[..take].CopyTo(room);
            Advance(take);
            utf8 = utf8[take..];
        }
    }

    /// <summary>Ends the page: its bytes, valid until the next <see cref="Clear"/>.</summary>
    public TemplateEngine.Utf8Page Finish()
    {
        EncodeChars(flush: true);
        if (_pieces.Count == 0) return new TemplateEngine.Utf8Page(_bytes.AsMemory(0, _length));
        long length = _length + _pieceUsed;
        foreach (var used in _pieceLengths) length += used;
        return new TemplateEngine.Utf8Page(this, length);
    }

    /// <summary>Writes every byte of the page, in order.</summary>
    public void WriteTo(Stream stream)
    {
        stream.Write(_bytes, 0, _length);
        for (var i = 0; i < _pieces.Count; i++) stream.Write(_pieces[i], 0, PieceLength(i));
    }

    /// <summary>The text written, as a string (a body rendered apart, which the layout measures or prints as text).</summary>
    public override string ToString()
    {
        EncodeChars(flush: true);
        var all = new MemoryStream();
        WriteTo(all);
        return Encoding.UTF8.GetString(all.GetBuffer(), 0, (int)all.Length);
    }

    /// <summary>Copies what was written into another output (a body rendered apart, printed where the layout prints it).</summary>
    public void CopyTo(Utf8Output target)
    {
        EncodeChars(flush: true);
        target.WriteUtf8(_bytes.AsSpan(0, _length));
        for (var i = 0; i < _pieces.Count; i++) target.WriteUtf8(_pieces[i].AsSpan(0, PieceLength(i)));
    }

    private void EncodeChars(bool flush)
    {
        if (_charCount == 0 && !flush) return;
        var chars = _chars.AsSpan(0, _charCount);
        // room for every character's bytes, and for a surrogate carried over from the last write
        var room = Room(Encoding.UTF8.GetMaxByteCount(_charCount + 1), whole: true);
        Advance(_encoder.GetBytes(chars, room, flush));
        _charCount = 0;
    }

    /// <summary>Free bytes at the end of the page: at least <paramref name="bytes"/>, or with <paramref name="whole"/> false, some.</summary>
    private Span<byte> Room(int bytes, bool whole)
    {
        if (_pieces.Count == 0)
        {
            if (_bytes.Length - _length >= bytes) return _bytes.AsSpan(_length);
            if (_length + bytes <= MaxKeptBytes)
            {
                Array.Resize(ref _bytes, Math.Min(MaxKeptBytes, Math.Max(_length + bytes, _bytes.Length * 2)));
                return _bytes.AsSpan(_length);
            }
            if (!whole && _length < _bytes.Length) return _bytes.AsSpan(_length);
        }
        else if (PieceBytes - _pieceUsed >= bytes || (!whole && _pieceUsed < PieceBytes)) return _pieces[^1].AsSpan(_pieceUsed);
        if (_pieces.Count > 0) _pieceLengths.Add(_pieceUsed);
        _pieces.Add(ArrayPool<byte>.Shared.Rent(PieceBytes));
        _pieceUsed = 0;
        return _pieces[^1].AsSpan(0, PieceBytes);
    }

    private int PieceLength(int i) => i == _pieces.Count - 1 ? _pieceUsed : _pieceLengths[i];

    private void Advance(int written)
    {
        if (_pieces.Count == 0) _length += written;
        else _pieceUsed += written;
    }

    private void ReturnPieces()
    {
        foreach (var piece in _pieces) ArrayPool<byte>.Shared.Return(piece);
        _pieces.Clear();
        _pieceLengths.Clear();
        _pieceUsed = 0;
    }
}
