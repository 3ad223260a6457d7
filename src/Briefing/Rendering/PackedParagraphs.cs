using System.Buffers;
using System.Collections;
using System.Text;
using System.Text.Unicode;

namespace Briefing.Rendering;

/// <summary>
/// An article's paragraphs kept as one UTF-8 array and decoded (once) when they are first read. A one-off build keeps
/// every article's paragraphs from loading until text reuse and the pair pages have used them, which only a few
/// articles do: as strings they would be many objects per article, live through every collection.
/// </summary>
internal sealed class PackedParagraphs : IReadOnlyList<string>
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly byte[] _utf8;
    private readonly int[] _ends;
    private string[]? _decoded;

    private PackedParagraphs(byte[] utf8, int[] ends) => (_utf8, _ends) = (utf8, ends);

    /// <summary>The paragraphs packed, or the list itself when a paragraph would not survive the trip (a lone surrogate).</summary>
    public static IReadOnlyList<string> Pack(IReadOnlyList<string> paragraphs)
    {
        if (paragraphs.Count == 0) return paragraphs;
        // each paragraph encoded once, into a lent buffer of the largest size it can take, then copied at its length
        // (not counted in one pass and encoded in another)
        var most = 0L;
        foreach (var p in paragraphs) most += (long)p.Length * 3;
        if (most > LentLimit) return PackCounted(paragraphs);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, most));
        try
        {
            var ends = new int[paragraphs.Count];
            var at = 0;
            for (var i = 0; i < paragraphs.Count; i++)
            {
                // a lone surrogate is not valid UTF-16, so would not survive the trip
                if (Utf8.FromUtf16(paragraphs[i], buffer.AsSpan(at), out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done) return paragraphs;
                at += written;
                ends[i] = at;
            }
            return new PackedParagraphs(buffer.AsSpan(0, at).ToArray(), ends);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // a very long article's paragraphs are counted first rather than held in a lent buffer three times their length
    private const int LentLimit = 1 << 20;

    /// <summary>As <see cref="Pack"/>, counting the bytes first: for paragraphs too long together for one lent buffer.</summary>
    private static IReadOnlyList<string> PackCounted(IReadOnlyList<string> paragraphs)
    {
        try
        {
            var total = 0;
            foreach (var p in paragraphs) total += Strict.GetByteCount(p);
            var utf8 = new byte[total];
            var ends = new int[paragraphs.Count];
            var at = 0;
            for (var i = 0; i < paragraphs.Count; i++)
            {
                at += Strict.GetBytes(paragraphs[i], utf8.AsSpan(at));
                ends[i] = at;
            }
            return new PackedParagraphs(utf8, ends);
        }
        catch (EncoderFallbackException)
        {
            return paragraphs;
        }
    }

    public int Count => _ends.Length;

    public string this[int index] => Decoded[index];

    private string[] Decoded => _decoded ?? Interlocked.CompareExchange(ref _decoded, Decode(), null) ?? _decoded!;

    private string[] Decode()
    {
        var strings = new string[_ends.Length];
        for (int i = 0, start = 0; i < _ends.Length; start = _ends[i++])
            strings[i] = Encoding.UTF8.GetString(_utf8, start, _ends[i] - start);
        return strings;
    }

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Decoded).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
