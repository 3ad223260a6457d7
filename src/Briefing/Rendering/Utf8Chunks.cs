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

    /// <summary>
    /// Encodes <paramref name="text"/> with one encoder through <paramref name="scratch"/> (at least 16 bytes), writing
    /// each filled piece to <paramref name="to"/>, or, with no stream, only counting: the bytes in all. The text is never
    /// whole in memory as bytes.
    /// </summary>
    public static long EncodeInPieces(StringBuilder text, Encoder encoder, byte[] scratch, Stream? to)
    {
        encoder.Reset();
        long total = 0;
        var used = 0;
        foreach (var chunk in text.GetChunks())
        {
            var chars = chunk.Span;
            while (!chars.IsEmpty)
            {
                if (scratch.Length - used < 16) Flush();
                encoder.Convert(chars, scratch.AsSpan(used), flush: false, out var charsUsed, out var bytesUsed, out _);
                used += bytesUsed;
                chars = chars[charsUsed..];
            }
        }
        if (scratch.Length - used < 16) Flush();
        used += encoder.GetBytes([], scratch.AsSpan(used), flush: true);
        Flush();
        return total;

        void Flush()
        {
            to?.Write(scratch, 0, used);
            total += used;
            used = 0;
        }
    }
}
