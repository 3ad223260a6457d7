namespace Briefing.Content;

/// <summary>
/// Tells the usual mistakes of hand-written YAML in an editor's words, at the character that causes them: a tab in the
/// indentation, a colon in an unquoted value, quotes inside quotes, a list or quote never closed. The parser's own
/// message names what it met (often on the line before the fault, or at the end of the file); this names what to change.
/// </summary>
/// <remarks>
/// Asked only once the parser has refused the text, so a pattern that valid YAML can also show (a colon inside a block
/// of text) costs nothing when the file is right; block scalars (<c>&gt;</c>, <c>|</c>) and comments are skipped.
/// </remarks>
public static class YamlMistakes
{
    /// <summary>A mistake: 1-based line and column within the text, and the message.</summary>
    public sealed record Mistake(int Line, int Column, string Message);

    /// <summary>The first mistake of the kinds above in the text, or null when none is recognised.</summary>
    public static Mistake? Find(string text)
    {
        var lines = text.Split('\n');
        var blockIndent = -1; // inside a block scalar: lines indented more than its key are its text
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var indent = 0;
            while (indent < line.Length && line[indent] is ' ' or '\t') indent++;
            var body = line[indent..];
            if (blockIndent >= 0)
            {
                if (body.Length == 0 || indent > blockIndent) continue;
                blockIndent = -1;
            }
            if (line.AsSpan(0, indent).IndexOf('\t') is var tab and >= 0)
                return new(i + 1, tab + 1, "This line is indented with a tab, which YAML does not allow: indent with spaces, not a tab (most editors can be set to insert spaces for the Tab key).");
            if (body.Length == 0 || body[0] == '#') continue;
            if (Entry(line, indent) is not { } e) continue;
            if (e.Value.Length == 0) continue;
            if (e.Value[0] is '>' or '|')
            {
                blockIndent = e.KeyIndent;
                continue;
            }
            if (Check(e, lines, i) is { } m) return m;
        }
        return null;
    }

    /// <summary>A line's key (or a list item) and value: the value's column (0-based) and its text, comment included.</summary>
    private sealed record LineEntry(string? Key, int KeyIndent, int ValueAt, string Value);

    private static LineEntry? Entry(string line, int indent)
    {
        var at = indent;
        // "- ", "- - ": list items
        while (at + 1 < line.Length && line[at] == '-' && line[at + 1] == ' ')
        {
            at += 2;
            while (at < line.Length && line[at] == ' ') at++;
        }
        if (at < line.Length && line[at] == '-' && at + 1 == line.Length) return null;
        var rest = line[at..];
        if (rest.Length > 0 && rest[0] is '"' or '\'' or '[' or '{') return new LineEntry(null, at, at, rest);
        var colon = KeyColon(rest);
        if (colon < 0) return at > indent ? new LineEntry(null, at, at, rest) : null;
        var valueAt = at + colon + 1;
        while (valueAt < line.Length && line[valueAt] == ' ') valueAt++;
        return new LineEntry(rest[..colon], at, valueAt, line[valueAt..]);
    }

    /// <summary>Where a plain key ends: the first ':' followed by a space or the end of the line; -1 when none.</summary>
    private static int KeyColon(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '#' && i > 0 && s[i - 1] == ' ') return -1;
            if (s[i] == ':' && (i + 1 == s.Length || s[i + 1] == ' ')) return i;
        }
        return -1;
    }

    private static Mistake? Check(LineEntry e, string[] lines, int i)
    {
        var v = e.Value;
        var what = e.Key is { Length: > 0 } k ? "the " + k : "the value";
        switch (v[0])
        {
            case '"':
                return Quoted(e, '"', lines, i, what);
            case '\'':
                return Quoted(e, '\'', lines, i, what);
            case '[' or '{':
                {
                    var close = v[0] == '[' ? ']' : '}';
                    var depth = 0;
                    foreach (var c in v)
                    {
                        if (c == v[0]) depth++;
                        else if (c == close) depth--;
                    }
                    return depth > 0 && !ClosesLater(lines, i + 1, close)
                        ? new(i + 1, e.ValueAt + 1, $"The list opened with '{v[0]}' here is never closed. Add '{close}' at its end{(e.Key is null ? "" : $": {e.Key}: {v.TrimEnd()}{close}")}.")
                        : null;
                }
        }
        var colon = v.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0 && v.TrimEnd().EndsWith(':')) colon = v.TrimEnd().Length - 1;
        var comment = v.IndexOf(" #", StringComparison.Ordinal);
        if (colon < 0 || (comment >= 0 && comment < colon)) return null;
        var plain = comment >= 0 ? v[..comment].TrimEnd() : v.TrimEnd();
        return new(i + 1, e.ValueAt + colon + 1,
            $"A colon followed by a space inside an unquoted value starts a new key in YAML. Put {what} in quotes: {(e.Key is null ? "- " : e.Key + ": ")}{Quote(plain)}");
    }

    /// <summary>A quoted value that ends before the line does (quotes inside quotes), or never ends.</summary>
    private static Mistake? Quoted(LineEntry e, char q, string[] lines, int i, string what)
    {
        var v = e.Value;
        for (var j = 1; j < v.Length; j++)
        {
            if (q == '"' && v[j] == '\\') { j++; continue; }
            if (v[j] != q) continue;
            if (q == '\'' && j + 1 < v.Length && v[j + 1] == '\'') { j++; continue; }
            var after = v[(j + 1)..].TrimStart();
            if (after.Length == 0 || after[0] == '#' || (e.Key is null && after[0] is ',' or ']' or '}' or ':')) return null;
            var inner = StripOuter(v.TrimEnd(), q);
            return new(i + 1, e.ValueAt + j + 1, q == '"'
                ? $"The double quote here ends {what} early: a double quote inside a value in double quotes must be written \\\", or the value put in single quotes: {(e.Key is null ? "- " : e.Key + ": ")}{Quote(inner)}"
                : $"The apostrophe here ends {what} early: inside single quotes write it twice (''), or put the value in double quotes: {(e.Key is null ? "- " : e.Key + ": ")}{Quote(inner)}");
        }
        // a quoted value may run over several lines; one that never closes runs to the end of the file
        return ClosesLater(lines, i + 1, q) ? null : new(i + 1, e.ValueAt + 1, $"The quote that opens {what} here is never closed. Add the closing {(q == '"' ? "double quote" : "apostrophe")} at the end of the value.");
    }

    private static bool ClosesLater(string[] lines, int from, char close)
    {
        for (var k = from; k < lines.Length; k++)
            if (lines[k].Contains(close)) return true;
        return false;
    }

    private static string StripOuter(string v, char q) => v.Length >= 2 && v[0] == q && v[^1] == q ? v[1..^1] : v.TrimStart(q);

    /// <summary>The value as YAML in quotes that need no escape: single quotes when it holds a double quote, else double.</summary>
    internal static string Quote(string value) => value.Contains('"')
        ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'"
        : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"";
}
