using System.Globalization;
using System.Text;
using Briefing.Text;

namespace Briefing.Validation;

/// <summary>
/// Where a quote that was not found first differs from the closest passage, told with code points: two spellings can
/// look the same on screen ("à" as one character or as "a" and a combining accent, "hoà" and "hòa", a Latin "a" and a
/// Cyrillic "а"), and without the code points the editor sees two identical texts.
/// </summary>
public static class QuoteDifference
{
    /// <summary>
    /// A sentence such as "The quote differs from it at 'à' (U+0061 U+0300) against 'à' (U+00E0).", comparing the
    /// quote and the passage character by character (user-perceived characters: a letter with its accents is one)
    /// from where the quote's first word is in the passage; "" when no difference is found.
    /// </summary>
    public static string Describe(string quote, string passage)
    {
        // white space, quotes and dashes as the finder compares them; the characters themselves as given (not made
        // NFC here), so that a difference of form, should one get this far, is shown as it is
        // double quotes compared as single ones, as the finder does
        var q = TextNormalizer.NormalizeChars(quote, null).Replace('"', '\'');
        var p = TextNormalizer.NormalizeChars(passage.EndsWith('…') ? passage[..^1] : passage, null).Replace('"', '\'');
        if (q.Length == 0 || p.Length == 0) return "";
        var at = AlignedStart(q, p);
        var (i, j) = (0, at);
        while (i < q.Length && j < p.Length)
        {
            var a = StringInfo.GetNextTextElementLength(q, i);
            var b = StringInfo.GetNextTextElementLength(p, j);
            if (!q.AsSpan(i, a).SequenceEqual(p.AsSpan(j, b)))
                return $"The quote differs from it at {Shown(q.Substring(i, a))} against {Shown(p.Substring(j, b))}.";
            i += a;
            j += b;
        }
        var rest = q.AsSpan(i).TrimStart(' ');
        var word = rest.IndexOf(' ');
        return rest.Length > 0 ? $"The passage ends where the quote goes on with '{(word < 0 ? rest : rest[..word])}'." : "";
    }

    /// <summary>Where the quote's first word starts in the passage (as a whole word), or 0: the passage starts on a word the two share.</summary>
    private static int AlignedStart(string q, string p)
    {
        var space = q.IndexOf(' ');
        var first = space < 0 ? q : q[..space];
        for (var at = p.IndexOf(first, StringComparison.Ordinal); at >= 0; at = p.IndexOf(first, at + 1, StringComparison.Ordinal))
        {
            var end = at + first.Length;
            if ((at == 0 || p[at - 1] == ' ') && (end == p.Length || p[end] == ' ' || space < 0)) return at;
        }
        return 0;
    }

    /// <summary>'x' (U+0078): a character with the code points it is made of.</summary>
    private static string Shown(string element)
    {
        var sb = new StringBuilder().Append('\'').Append(element).Append("' (");
        var firstRune = true;
        foreach (var r in element.EnumerateRunes())
        {
            if (!firstRune) sb.Append(' ');
            sb.Append("U+").Append(r.Value.ToString("X4", CultureInfo.InvariantCulture));
            firstRune = false;
        }
        return sb.Append(')').ToString();
    }
}
