namespace Briefing.Analysis;

/// <summary>
/// 64-bit FNV-1a hashing of words and word n-grams (shingles). Unlike <see cref="string.GetHashCode()"/>,
/// which is randomised per process, these values are the same in every run and on every
/// machine, so the analysis (and everything rendered from it) is deterministic.
/// </summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>FNV-1a over the UTF-16 code units of <paramref name="word"/> (low byte, then high byte).</summary>
    public static ulong Word(string word)
    {
        ulong h = OffsetBasis;
        foreach (char c in word) h = Add(h, c);
        return h;
    }

    /// <summary>The hash of no characters: <see cref="Add"/> each character to it in turn.</summary>
    public const ulong Start = OffsetBasis;

    /// <summary>One more character of a word (as <see cref="Word(string)"/> does).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong h, char c)
    {
        // a character below U+0100 has a zero high byte, whose step is one more multiplication by the prime
        if (c < 0x100) return (h ^ c) * PrimeSquared;
        h = (h ^ (byte)c) * Prime;
        return (h ^ (byte)(c >> 8)) * Prime;
    }

    private const ulong PrimeSquared = unchecked(Prime * Prime);

    /// <summary>The same hash as <see cref="Word(string)"/> of <paramref name="word"/>'s text, without making the string.</summary>
    public static ulong Word(System.Text.StringBuilder word)
    {
        ulong h = OffsetBasis;
        foreach (var chunk in word.GetChunks())
        {
            foreach (char c in chunk.Span) h = Add(h, c);
        }
        return h;
    }

    /// <summary>
    /// The hash of one shingle: the <paramref name="count"/> consecutive word hashes starting
    /// at <paramref name="start"/>, combined FNV-1a style one 64-bit word hash at a time
    /// (xor, then multiply by the FNV prime), then passed through the MurmurHash3 64-bit
    /// finaliser so every bit of every word affects every bit of the result. Combining word
    /// hashes rather than hashing the concatenated text keeps "ab c" and "a bc" apart, and costs
    /// one multiplication per word instead of one per byte.
    /// </summary>
    public static ulong Shingle(ReadOnlySpan<ulong> wordHashes, int start, int count)
    {
        ulong h = OffsetBasis;
        foreach (ulong w in wordHashes.Slice(start, count))
        {
            h = (h ^ w) * Prime;
        }
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
