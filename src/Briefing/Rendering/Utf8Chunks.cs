using System.Text;

namespace Briefing.Rendering;

/// <summary>A builder's text as UTF-8, written chunk by chunk without making a string.</summary>
internal static class Utf8Chunks
{
    /// <summary>
    /// Encodes every chunk of <paramref name="text"/> into <paramref name="destination"/> with one encoder (a surrogate
    /// pair may be split between two chunks: GetBytes carries it over, GetByteCount does not); the bytes written.
    /// </summary>
    public static int Encode(StringBuilder text, Encoder encoder, Span<byte> destination)
    {
        encoder.Reset();
        var written = 0;
        foreach (var chunk in text.GetChunks())
            written += encoder.GetBytes(chunk.Span, destination[written..], flush: false);
        return written + encoder.GetBytes([], destination[written..], flush: true);
    }
}
