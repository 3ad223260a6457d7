using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Briefing.Text;

/// <summary>
/// Normalisation used to prove quotes against article text: white space runs become one space,
/// typographic quotes and apostrophes become ASCII ones, every dash becomes '-'.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text) => NormalizeWithMap(text, null);

    /// <summary>As <see cref="Normalize"/>, for a text that is NFC already (<see cref="Nfc.Of(string)"/> gave it): not checked again.</summary>
    internal static string NormalizeNfc(string text) => IsNormal(text) ? text : NormalizeChars(text, null);

    /// <summary>Normalises and records, for each character of the result, its index in the (NFC) original.</summary>
    public static string NormalizeWithMap(string text, List<int>? map)
    {
        text = Nfc.Of(text);
        if (IsNormal(text))
        {
            // most paragraphs: nothing to change, the text is its own normal form
            if (map is not null)
                for (var i = 0; i < text.Length; i++) map.Add(i);
            return text;
        }
        return NormalizeChars(text, map);
    }

    /// <summary>The character-by-character normalisation (of NFC text).</summary>
    internal static string NormalizeChars(string text, List<int>? map)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = Map(text[i]);
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && pendingSpace < 0) pendingSpace = i;
                continue;
            }
            if (pendingSpace >= 0) { sb.Append(' '); map?.Add(pendingSpace); pendingSpace = -1; }
            sb.Append(c);
            map?.Add(i);
        }
        return sb.ToString();
    }

    // Every character that Map changes, and every white space character but the plain space: derived from Map, so the
    // two cannot drift apart.
    private static readonly System.Buffers.SearchValues<char> Changed = System.Buffers.SearchValues.Create(ChangedChars());

    // a plain loop over every character: made at start-up, where a query's delegate call per character shows
    private static char[] ChangedChars()
    {
        var changed = new List<char>();
        for (var i = 0; i <= char.MaxValue; i++)
            if ((char)i is var c && (Map(c) != c || (c != ' ' && char.IsWhiteSpace(c)))) changed.Add(c);
        return [.. changed];
    }

    /// <summary>Whether <see cref="Normalize"/> would return the text unchanged: single spaces only, none at either end, nothing to map.</summary>
    private static bool IsNormal(string text) =>
        text.Length == 0 || (text[0] != ' ' && text[^1] != ' ' && !ChangedOrDoubleSpace(text));

    /// <summary>Whether the text holds a character that <see cref="Map"/> changes, white space but the plain space, or two spaces in a row.</summary>
    private static bool ChangedOrDoubleSpace(ReadOnlySpan<char> text)
    {
        // Eight characters at a time while they are printable ASCII but '`' (none of which is changed) with no two
        // spaces in a row, the usual text: one pass instead of a search for the changed characters and another for
        // two spaces. The rest, from the first block with anything else, is checked exactly.
        var i = 0;
        if (Vector128.IsHardwareAccelerated && PrintableAsciiUnchanged)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            var space = Vector128.Create((ushort)' ');
            var printableSpan = Vector128.Create((ushort)('\u007F' - ' '));
            var backtick = Vector128.Create((ushort)'`');
            // a block is read with the character after it (in bounds: i + 8 < length), for two spaces across blocks
            for (; i + 8 < text.Length; i += 8)
            {
                var v = Vector128.LoadUnsafe(ref first, (nuint)i);
                var next = Vector128.LoadUnsafe(ref first, (nuint)i + 1);
                var odd = ~Vector128.LessThan(v - space, printableSpan) | Vector128.Equals(v, backtick) | (Vector128.Equals(v, space) & Vector128.Equals(next, space));
                if (odd != Vector128<ushort>.Zero) break;
            }
        }
        var rest = text[i..];
        return rest.ContainsAny(Changed) || rest.Contains("  ", StringComparison.Ordinal);
    }

    // What the block test above relies on, derived from Map: it is skipped if Map ever changes a printable ASCII character but '`'.
    private static readonly bool PrintableAsciiUnchanged = Enumerable.Range(' ', '\u007F' - ' ').All(c => c == '`' || !Changed.Contains((char)c));

    public static char Map(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        '\u00A0' or '\u2007' or '\u202F' or '\u200B' => ' ',
        _ => c,
    };
}
