using System.Text;
using System.Text.RegularExpressions;

namespace Briefing.Import;

/// <summary>
/// Escapes captured text so that Markdown shows it as written: only what Markdown would otherwise read as syntax
/// is escaped (emphasis marks, code ticks, raw HTML, link brackets, a list or heading marker at the start), so the
/// file stays readable and quotes still match the rendered text.
/// </summary>
internal static partial class MarkdownText
{
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var prev = i > 0 ? text[i - 1] : ' ';
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            var escape = c switch
            {
                '\\' or '`' or '*' or '~' or '^' => true,
                '_' => !(char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next)),
                '<' => char.IsAsciiLetter(next) || next is '/' or '!' or '?',
                '[' => LinkLike().IsMatch(text.AsSpan(i)),
                '&' => Entity().IsMatch(text.AsSpan(i)),
                '=' or '+' => next == c,
                _ => false,
            };
            if (escape) sb.Append('\\');
            sb.Append(c);
        }
        var escaped = sb.ToString();
        // What would start a heading, quote, list, table or thematic break at the start of a line.
        var m = BlockStart().Match(escaped);
        return m.Success ? escaped.Insert(m.Groups["mark"].Index, "\\") : escaped;
    }

    [GeneratedRegex(@"^\[[^\]]*\](?:\(|\[|:)")]
    private static partial Regex LinkLike();

    [GeneratedRegex(@"^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"^(?:(?<mark>[#>|])|(?<mark>[-+])(?:\s|$)|\d{1,9}(?<mark>[.)])(?:\s|$)|[A-Za-z](?<mark>[.)])\s|(?<mark>-)-{2,}\s*$)")]
    private static partial Regex BlockStart();
}
