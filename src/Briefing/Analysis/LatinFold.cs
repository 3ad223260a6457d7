using System.Diagnostics.CodeAnalysis;

namespace Briefing.Analysis;

/// <summary>
/// Folds Latin letters with diacritics to their base letters (lower case): the result of
/// Unicode NFKD followed by removing combining marks, plus the letters that have no
/// decomposition but an obvious ASCII spelling (đ→d, ø→o, ł→l, ß→ss, æ→ae, œ→oe, þ→th…).
/// Covers Latin-1 Supplement, Latin Extended-A and -B (U+00C0–U+024F) and Latin Extended
/// Additional (U+1E00–U+1EFF, which holds most Vietnamese letters), and the Latin ligatures
/// U+FB00–U+FB06. Generated once from Python's unicodedata (Unicode 14); a '.' in a table
/// means "no fold".
/// </summary>
internal static class LatinFold
{
    // U+00C0..U+024F, one character per code point
    private const string Table0 =
        "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y" +
        "aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll." +
        "...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzzs" +
        "................................oo.............uu..............." +
        ".............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa...." +
        "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............" +
        "................";

    // U+1E00..U+1EFF, one character per code point
    private const string Table1 =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm" +
        "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv" +
        "wwwwwwwwwwxxxxyyzzzzzzhtwy.s....aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" +
        "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

    private static readonly Dictionary<char, string> Multi = new()
    {
        ['\u00C6'] = "ae", // Æ
        ['\u00D0'] = "d", // Ð
        ['\u00D8'] = "o", // Ø
        ['\u00DE'] = "th", // Þ
        ['\u00DF'] = "ss", // ß
        ['\u00E6'] = "ae", // æ
        ['\u00F0'] = "d", // ð
        ['\u00F8'] = "o", // ø
        ['\u00FE'] = "th", // þ
        ['\u0110'] = "d", // Đ
        ['\u0111'] = "d", // đ
        ['\u0126'] = "h", // Ħ
        ['\u0127'] = "h", // ħ
        ['\u0131'] = "i", // ı
        ['\u0132'] = "ij", // Ĳ
        ['\u0133'] = "ij", // ĳ
        ['\u013F'] = "l", // Ŀ
        ['\u0140'] = "l", // ŀ
        ['\u0141'] = "l", // Ł
        ['\u0142'] = "l", // ł
        ['\u0152'] = "oe", // Œ
        ['\u0153'] = "oe", // œ
        ['\u0166'] = "t", // Ŧ
        ['\u0167'] = "t", // ŧ
        ['\u01C4'] = "dz", // Ǆ
        ['\u01C5'] = "dz", // ǅ
        ['\u01C6'] = "dz", // ǆ
        ['\u01C7'] = "lj", // Ǉ
        ['\u01C8'] = "lj", // ǈ
        ['\u01C9'] = "lj", // ǉ
        ['\u01CA'] = "nj", // Ǌ
        ['\u01CB'] = "nj", // ǋ
        ['\u01CC'] = "nj", // ǌ
        ['\u01F1'] = "dz", // Ǳ
        ['\u01F2'] = "dz", // ǲ
        ['\u01F3'] = "dz", // ǳ
        ['\u1E9E'] = "ss", // ẞ
        ['\uFB00'] = "ff",
        ['\uFB01'] = "fi",
        ['\uFB02'] = "fl",
        ['\uFB03'] = "ffi",
        ['\uFB04'] = "ffl",
        ['\uFB05'] = "st",
        ['\uFB06'] = "st",
    };

    /// <summary>The folded, lower-case spelling of <paramref name="c"/>, if it has one.</summary>
    public static bool TryFold(char c, [NotNullWhen(true)] out string? folded)
    {
        folded = null;
        char f = '.';
        if (c is >= '\u00C0' and <= '\u024F')
        {
            f = Table0[c - 0x00C0];
        }
        else if (c is >= '\u1E00' and <= '\u1EFF')
        {
            f = Table1[c - 0x1E00];
        }
        if (f != '.')
        {
            folded = SingleLetters[f - 'a'];
            return true;
        }
        return Multi.TryGetValue(c, out folded);
    }

    private static readonly string[] SingleLetters =
        [.. Enumerable.Range('a', 26).Select(l => ((char)l).ToString())];
}
