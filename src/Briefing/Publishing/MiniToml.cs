using System.Globalization;
using System.Text;

namespace Briefing.Publishing;

/// <summary>A TOML syntax error with its line.</summary>
public sealed class TomlException(int line, string message) : Exception($"line {line}: {message}")
{
    public int Line { get; } = line;
}

/// <summary>
/// A small, strict reader for the TOML subset netlify.toml uses: <c>[table]</c>, <c>[a.b]</c>, <c>[[array.of.tables]]</c>,
/// <c>key = value</c> with bare or quoted keys, basic and literal strings, integers, booleans, arrays of those, and
/// comments. Anything else (multi-line strings, inline tables, dates, floats) is an error naming the line, never a guess.
/// Tables are <c>Dictionary&lt;string, object&gt;</c>; arrays of tables are <c>List&lt;object&gt;</c>.
/// </summary>
public static class MiniToml
{
    public static Dictionary<string, object> Parse(string text)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        var current = root;
        var lineNo = 0;
        foreach (var rawLine in text.Replace("\r\n", "\n").Split('\n'))
        {
            lineNo++;
            var line = StripComment(rawLine, lineNo).Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("[[", StringComparison.Ordinal))
            {
                if (!line.EndsWith("]]", StringComparison.Ordinal)) throw new TomlException(lineNo, "an array-of-tables header must end with ']]'.");
                var path = KeyPath(line[2..^2], lineNo);
                var parent = Walk(root, path[..^1], lineNo);
                if (!parent.TryGetValue(path[^1], out var existing)) parent[path[^1]] = existing = new List<object>();
                if (existing is not List<object> list) throw new TomlException(lineNo, $"'{path[^1]}' is already defined as something other than an array of tables.");
                current = new Dictionary<string, object>(StringComparer.Ordinal);
                list.Add(current);
            }
            else if (line.StartsWith('['))
            {
                if (!line.EndsWith(']')) throw new TomlException(lineNo, "a table header must end with ']'.");
                current = Walk(root, KeyPath(line[1..^1], lineNo), lineNo);
            }
            else
            {
                var eq = FindEquals(line, lineNo);
                var keys = KeyPath(line[..eq], lineNo);
                var (value, rest) = ParseValue(line[(eq + 1)..].TrimStart(), lineNo);
                if (rest.Trim().Length > 0) throw new TomlException(lineNo, $"unexpected text after the value: '{rest.Trim()}'.");
                var table = Walk(current, keys[..^1], lineNo);
                if (!table.TryAdd(keys[^1], value)) throw new TomlException(lineNo, $"the key '{keys[^1]}' is defined twice.");
            }
        }
        return root;
    }

    private static Dictionary<string, object> Walk(Dictionary<string, object> from, IEnumerable<string> path, int line)
    {
        var t = from;
        foreach (var key in path)
        {
            if (!t.TryGetValue(key, out var next)) t[key] = next = new Dictionary<string, object>(StringComparer.Ordinal);
            t = next switch
            {
                Dictionary<string, object> d => d,
                List<object> { Count: > 0 } l when l[^1] is Dictionary<string, object> last => last,
                _ => throw new TomlException(line, $"'{key}' is a value, not a table."),
            };
        }
        return t;
    }

    private static string StripComment(string line, int lineNo)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && c == '#') return line[..i];
            if (quote is null && c is '"' or '\'') quote = c;
            else if (quote == '"' && c == '\\') i++;
            else if (quote == c) quote = null;
        }
        if (quote is not null) throw new TomlException(lineNo, "a string is not closed on this line (multi-line strings are not supported).");
        return line;
    }

    private static int FindEquals(string line, int lineNo)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && c == '=') return i;
            if (quote is null && c is '"' or '\'') quote = c;
            else if (quote == c) quote = null;
        }
        throw new TomlException(lineNo, "expected 'key = value'.");
    }

    private static string[] KeyPath(string s, int lineNo)
    {
        var parts = new List<string>();
        var i = 0;
        s = s.Trim();
        while (i < s.Length)
        {
            while (i < s.Length && s[i] == ' ') i++;
            if (i < s.Length && s[i] is '"' or '\'')
            {
                var (v, rest) = ParseString(s[i..], lineNo);
                parts.Add(v);
                i = s.Length - rest.Length;
            }
            else
            {
                var start = i;
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '_')) i++;
                if (i == start) throw new TomlException(lineNo, $"invalid key '{s}'.");
                parts.Add(s[start..i]);
            }
            while (i < s.Length && s[i] == ' ') i++;
            if (i < s.Length)
            {
                if (s[i] != '.') throw new TomlException(lineNo, $"invalid key '{s}'.");
                i++;
            }
        }
        if (parts.Count == 0) throw new TomlException(lineNo, "empty key.");
        return parts.ToArray();
    }

    private static (object Value, string Remainder) ParseValue(string s, int lineNo)
    {
        if (s.Length == 0) throw new TomlException(lineNo, "missing value after '='.");
        if (s[0] is '"' or '\'')
        {
            if (s.StartsWith("\"\"\"", StringComparison.Ordinal) || s.StartsWith("'''", StringComparison.Ordinal))
                throw new TomlException(lineNo, "multi-line strings are not supported.");
            var (v, rest) = ParseString(s, lineNo);
            return (v, rest);
        }
        if (s[0] == '[')
        {
            var list = new List<object>();
            var rest = s[1..].TrimStart();
            while (true)
            {
                if (rest.StartsWith(']')) return (list, rest[1..]);
                var (item, after) = ParseValue(rest, lineNo);
                list.Add(item);
                rest = after.TrimStart();
                if (rest.StartsWith(',')) rest = rest[1..].TrimStart();
                else if (!rest.StartsWith(']')) throw new TomlException(lineNo, "expected ',' or ']' in the array (arrays must be on one line).");
            }
        }
        if (s[0] == '{') throw new TomlException(lineNo, "inline tables are not supported; use a [table].");
        var end = 0;
        while (end < s.Length && s[end] is not (',' or ']' or ' ')) end++;
        var token = s[..end];
        var tail = s[end..];
        if (token == "true") return (true, tail);
        if (token == "false") return (false, tail);
        if (long.TryParse(token.Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return (n, tail);
        throw new TomlException(lineNo, $"unsupported value '{token}' (use a quoted string, an integer, true or false).");
    }

    private static (string Value, string Remainder) ParseString(string s, int lineNo)
    {
        var q = s[0];
        var sb = new StringBuilder();
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == q) return (sb.ToString(), s[(i + 1)..]);
            if (q == '"' && c == '\\')
            {
                if (++i >= s.Length) break;
                switch (s[i])
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'u' when i + 4 < s.Length: sb.Append((char)int.Parse(s.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 4; break;
                    default: throw new TomlException(lineNo, $"unknown escape '\\{s[i]}'.");
                }
            }
            else sb.Append(c);
        }
        throw new TomlException(lineNo, "a string is not closed.");
    }
}
