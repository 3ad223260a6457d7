using System.Collections;
using System.Text;

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
