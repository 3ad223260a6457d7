using System.Globalization;
using System.Text;
using Briefing.Analysis;
using Briefing.Text;

namespace Briefing.Content;

/// <summary>How a content file's name becomes its slug or id.</summary>
public static class Slugs
{
    /// <summary>
    /// The slug of a content file: its name without the extension, lower-cased, Latin letters with diacritics
    /// folded to ASCII ("Hà Nội visit" → "ha-noi-visit"), and each run of spaces, underscores and hyphens made
    /// one hyphen. A name in any Unicode form gives the same slug (it is read as NFC: "Hà" typed as "a" and a
    /// combining grave accent is "Hà"). A name holding anything else (a dot, a backslash, a letter of another script
    /// that may look Latin) is returned as it is (in NFC), so that validation reports it instead of guessing.
    /// </summary>
    public static string FromFileName(string path)
    {
        var name = Nfc.Of(Path.GetFileNameWithoutExtension(path));
        var sb = new StringBuilder(name.Length);
        var hyphen = false;
        foreach (var c in name)
        {
            if (c is ' ' or '_' or '-') { hyphen = sb.Length > 0; continue; }
            string piece;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') piece = c.ToString();
            else if (c is >= 'A' and <= 'Z') piece = char.ToLowerInvariant(c).ToString();
            else if (LatinFold.TryFold(c, out var folded)) piece = folded;
            else if (sb.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            else return name;
            if (hyphen) sb.Append('-');
            hyphen = false;
            sb.Append(piece);
        }
        return sb.Length > 0 ? sb.ToString() : name;
    }
}
