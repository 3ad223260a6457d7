using System.Text;

namespace Briefing.Text;

/// <summary>
/// Normalisation used to prove quotes against article text: white space runs become one space,
/// typographic quotes and apostrophes become ASCII ones, every dash becomes '-'.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text) => NormalizeWithMap(text, null);

    /// <summary>Normalises and records, for each character of the result, its index in the (NFC) original.</summary>
    public static string NormalizeWithMap(string text, List<int>? map)
    {
        text = text.Normalize(NormalizationForm.FormC);
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

    public static char Map(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        '\u00A0' or '\u2007' or '\u202F' or '\u200B' => ' ',
        _ => c,
    };
}
