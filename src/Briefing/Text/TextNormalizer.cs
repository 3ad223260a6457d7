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
        text.Length == 0 || (text[0] != ' ' && text[^1] != ' ' && !text.AsSpan().ContainsAny(Changed) && !text.Contains("  ", StringComparison.Ordinal));

    public static char Map(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        '\u00A0' or '\u2007' or '\u202F' or '\u200B' => ' ',
        _ => c,
    };
}
