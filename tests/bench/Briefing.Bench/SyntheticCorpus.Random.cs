namespace Briefing.Bench;

/// <summary>
/// SplitMix64: small, fast, and the same sequence on every platform and runtime version (unlike <see cref="Random"/>),
/// so that a corpus is the same file for file wherever it is generated.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public int Next(int exclusiveMax) => (int)(NextUInt64() % (ulong)exclusiveMax);
}
