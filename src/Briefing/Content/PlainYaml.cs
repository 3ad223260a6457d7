using Briefing.Diagnostics;

namespace Briefing.Content;

/// <summary>
/// A fast reader for the plain block YAML that the input contract's files are written in: block mappings with plain
/// keys, block sequences, single-line plain and quoted scalars, one-line flow lists of plain words, and folded or
/// literal block scalars (<c>&gt;</c>, <c>&gt;-</c>, <c>|</c>, <c>|-</c>). It gives the same tree, positions
/// included, as <see cref="YamlTree"/>'s YamlDotNet path, in a fraction of the time (a briefing reads two YAML texts
/// per article; the benchmark's document has the figures).
/// </summary>
/// <remarks>
/// Anything outside that subset — and anything that might be an error — makes it give up (<see cref="TryParse"/>
/// returns false) before it reports anything, and the file is read by YamlDotNet instead, which gives the same tree or
/// the error message. So this reader never decides what a file means on its own where YamlDotNet would read it
/// differently: a test compares the two on every input file, on a synthetic corpus and on thousands of mutated
/// files.
/// </remarks>
internal static class PlainYaml
{
    private const int MaxDepth = 16;

    public static bool TryParse(ReadOnlyMemory<char> text, string file, int lineOffset, out YNode? root)
    {
        root = null;
        // tabs, carriage returns and other controls have rules of their own: YamlDotNet reads them
        foreach (var c in text.Span)
            if (c < ' ' && c != '\n') return false;
        var reader = new Reader(text, file, lineOffset);
        root = reader.Document();
        return root is not null;
    }

    private sealed class Reader
    {
        private readonly ReadOnlyMemory<char> _t;
        private readonly string _file;
        private readonly int _offset;
        private readonly List<int> _start = [];
        private readonly List<int> _end = [];
        private int _cur;
        private int _depth;

        public Reader(ReadOnlyMemory<char> text, string file, int lineOffset)
        {
            _t = text;
            _file = file;
            _offset = lineOffset;
            var s = 0;
            while (s <= text.Length)
            {
                var e = s == text.Length ? -1 : text.Span[s..].IndexOf('\n');
                e = e < 0 ? text.Length : s + e;
                _start.Add(s);
                _end.Add(e);
                s = e + 1;
            }
        }

        private int Lines => _start.Count;
        private ReadOnlySpan<char> Line(int i) => _t.Span.Slice(_start[i], _end[i] - _start[i]);
        private char At(int line, int col) => col < _end[line] - _start[line] ? _t.Span[_start[line] + col] : '\0';
        private SourcePos Pos(int line, int col) => new(_file, line + 1 + _offset, col + 1);

        // A scalar's text is built in this thread's builder (one scalar at a time), and a key that this thread has read
        // before is the same string again: a summary's keys are a handful of words, repeated in every file.
        [ThreadStatic] private static System.Text.StringBuilder? t_builder;
        [ThreadStatic] private static Dictionary<string, string>? t_keys;
        private const int MaxKeptKeys = 512;

        private static System.Text.StringBuilder Builder()
        {
            var sb = t_builder;
            if (sb is null || sb.Capacity > 1 << 16) t_builder = sb = new System.Text.StringBuilder(256);
            return sb.Clear();
        }

        private static string KeyString(ReadOnlySpan<char> key)
        {
            var keys = t_keys ??= new Dictionary<string, string>(StringComparer.Ordinal);
            var lookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(key, out var known)) return known;
            var made = key.ToString();
            if (keys.Count < MaxKeptKeys) keys[made] = made;
            return made;
        }

        private static int Indent(ReadOnlySpan<char> line)
        {
            var i = 0;
            while (i < line.Length && line[i] == ' ') i++;
            return i;
        }

        private static bool IsBlank(ReadOnlySpan<char> line) => line.TrimStart(' ').Length == 0;

        /// <summary>A blank line or a comment line: skipped between entries.</summary>
        private bool IsTrivia(int line)
        {
            var rest = Line(line).TrimStart(' ');
            return rest.Length == 0 || rest[0] == '#';
        }

        private void SkipTrivia()
        {
            while (_cur < Lines && IsTrivia(_cur)) _cur++;
        }

        public YNode? Document()
        {
            SkipTrivia();
            if (_cur >= Lines) return null;
            var line = Line(_cur);
            if (Indent(line) != 0 || line.StartsWith("---") || line.StartsWith("...") || line[0] == '%') return null;
            var root = Block(0);
            if (root is null) return null;
            SkipTrivia();
            return _cur < Lines ? null : root;
        }

        /// <summary>The block node whose first line is the current line, at that line's indentation.</summary>
        private YNode? Block(int indent)
        {
            if (IsSequenceItem(_cur, indent)) return Sequence(indent);
            return KeyEnd(_cur, indent) > 0 ? Mapping(indent, first: -1) : null;
        }

        private bool IsSequenceItem(int line, int col) => At(line, col) == '-' && At(line, col + 1) == ' ';

        /// <summary>Where a plain key at <paramref name="col"/> ends (its colon), or -1 when the line holds no such key.</summary>
        private int KeyEnd(int line, int col)
        {
            var s = Line(line);
            var i = col;
            while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_' || (s[i] == '-' && i > col))) i++;
            if (i == col || i >= s.Length || s[i] != ':') return -1;
            return i + 1 == s.Length || s[i + 1] == ' ' ? i : -1;
        }

        /// <param name="first">The column of the first key when it shares its line with a sequence's dash; -1 otherwise.</param>
        private YMapping? Mapping(int indent, int first)
        {
            if (++_depth > MaxDepth) return null;
            var map = new YMapping { Pos = Pos(_cur, indent) };
            var firstLine = first >= 0;
            while (true)
            {
                if (!firstLine)
                {
                    SkipTrivia();
                    if (_cur >= Lines) break;
                    var ind = Indent(Line(_cur));
                    if (ind < indent) break;
                    if (ind > indent) return null;
                    if (IsSequenceItem(_cur, ind)) break; // a list after the mapping's last value, at its indentation: the caller decides
                }
                firstLine = false;
                var colon = KeyEnd(_cur, indent);
                if (colon < 0) return null;
                var keyText = Line(_cur)[indent..colon];
                foreach (var e in map.Entries)
                    if (keyText.SequenceEqual(e.Key.Value)) return null; // a duplicate key: YamlTree reports it
                var key = new YScalar { Pos = Pos(_cur, indent), Value = KeyString(keyText), IsPlain = true };
                var valueCol = colon + 1;
                var s = Line(_cur);
                while (valueCol < s.Length && s[valueCol] == ' ') valueCol++;
                YNode? value;
                if (valueCol >= s.Length || (s[valueCol] == '#' && s[valueCol - 1] == ' '))
                {
                    // the value is the block on the next lines: more indented, or a list at the key's indentation
                    _cur++;
                    SkipTrivia();
                    if (_cur >= Lines) return null;
                    var ni = Indent(Line(_cur));
                    if (ni > indent) value = Block(ni);
                    else if (ni == indent && IsSequenceItem(_cur, ni)) value = Sequence(ni);
                    else return null; // an empty value
                }
                else value = Inline(valueCol, indent);
                if (value is null) return null;
                map.Entries.Add(new(key, value));
            }
            _depth--;
            return map.Entries.Count > 0 ? map : null;
        }

        private YSequence? Sequence(int indent)
        {
            if (++_depth > MaxDepth) return null;
            var seq = new YSequence { Pos = Pos(_cur, indent) };
            while (true)
            {
                SkipTrivia();
                if (_cur >= Lines) break;
                var ind = Indent(Line(_cur));
                if (ind < indent) break;
                if (ind > indent) return null;
                if (!IsSequenceItem(_cur, ind)) break;
                var s = Line(_cur);
                var col = indent + 1;
                while (col < s.Length && s[col] == ' ') col++;
                if (col >= s.Length || s[col] == '#' || IsSequenceItem(_cur, col)) return null;
                var item = KeyEnd(_cur, col) > 0 ? Mapping(col, first: col) : Inline(col, indent);
                if (item is null) return null;
                seq.Items.Add(item);
            }
            _depth--;
            return seq.Items.Count > 0 ? seq : null;
        }

        /// <summary>A value that starts on the current line at <paramref name="col"/>, in a node indented <paramref name="parent"/>.</summary>
        private YNode? Inline(int col, int parent)
        {
            var line = _cur;
            var s = Line(line);
            YNode? node;
            switch (s[col])
            {
                case '"': node = DoubleQuoted(col); break;
                case '\'': node = SingleQuoted(col); break;
                case '[': node = FlowList(col); break;
                case '>' or '|': return BlockScalar(col, parent);
                case '{' or ']' or '}' or ',' or '#' or '&' or '*' or '!' or '%' or '@' or '`' or '?' or ':' or '-': return null;
                default:
                    {
                        var text = s[col..].TrimEnd(' ');
                        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text[^1] == ':') return null;
                        node = new YScalar { Pos = Pos(line, col), Value = text.ToString(), IsPlain = true };
                        break;
                    }
            }
            if (node is null) return null;
            _cur = line + 1;
            // a more indented line after a one-line value would continue it (or be an error): YamlDotNet decides
            var next = _cur;
            while (next < Lines && IsTrivia(next)) next++;
            return next < Lines && Indent(Line(next)) > parent ? null : node;
        }

        /// <summary>Whether the rest of the line after a closing quote or bracket is empty or a comment.</summary>
        private static bool RestIsEmpty(ReadOnlySpan<char> rest)
        {
            var t = rest.TrimStart(' ');
            return t.Length == 0 || (t[0] == '#' && t.Length < rest.Length);
        }

        private YScalar? DoubleQuoted(int col)
        {
            var s = Line(_cur);
            var sb = Builder();
            for (var i = col + 1; i < s.Length; i++)
            {
                var c = s[i];
                // NFC as YamlTree makes a double-quoted value (where escapes may decompose it), so both give the same tree
                if (c == '"') return RestIsEmpty(s[(i + 1)..]) ? new YScalar { Pos = Pos(_cur, col), Value = Text.Nfc.Of(sb.ToString()), IsPlain = false } : null;
                if (c == '\\')
                {
                    if (i + 1 >= s.Length || s[i + 1] is not ('"' or '\\')) return null;
                    c = s[++i];
                }
                sb.Append(c);
            }
            return null; // continues on the next line
        }

        private YScalar? SingleQuoted(int col)
        {
            var s = Line(_cur);
            var sb = Builder();
            for (var i = col + 1; i < s.Length; i++)
            {
                var c = s[i];
                if (c == '\'')
                {
                    if (i + 1 < s.Length && s[i + 1] == '\'') { sb.Append('\''); i++; continue; }
                    return RestIsEmpty(s[(i + 1)..]) ? new YScalar { Pos = Pos(_cur, col), Value = sb.ToString(), IsPlain = false } : null;
                }
                sb.Append(c);
            }
            return null;
        }

        /// <summary>[a, b, c] on one line, of plain words.</summary>
        private YSequence? FlowList(int col)
        {
            var s = Line(_cur);
            var close = s.IndexOf(']');
            if (close < 0 || !RestIsEmpty(s[(close + 1)..])) return null;
            var seq = new YSequence { Pos = Pos(_cur, col) };
            var inner = s[(col + 1)..close];
            if (inner.Trim(' ').Length == 0) return inner.Length == 0 ? seq : null;
            var at = col + 1;
            foreach (var range in inner.Split(','))
            {
                var part = inner[range];
                var lead = part.Length - part.TrimStart(' ').Length;
                var word = part.Trim(' ');
                if (word.Length == 0 || word.IndexOfAny("[]{}#:\"'&*!|>%@`?") >= 0 || word.Contains(' ') || word[0] == '-') return null;
                seq.Items.Add(new YScalar { Pos = Pos(_cur, at + range.Start.Value + lead), Value = word.ToString(), IsPlain = true });
            }
            return seq;
        }

        /// <summary>A folded (&gt;) or literal (|) scalar, clipped or stripped (-), every line at one indentation.</summary>
        private YScalar? BlockScalar(int col, int parent)
        {
            var s = Line(_cur);
            var header = s[(col + 1)..];
            var strip = header.Length > 0 && header[0] == '-';
            if (header[(strip ? 1 : 0)..].Length != 0) return null;
            var folded = s[col] == '>';
            var pos = Pos(_cur, col);
            var i = _cur + 1;
            if (i >= Lines || IsBlank(Line(i))) return null;
            var indent = Indent(Line(i));
            if (indent <= parent) return null;
            var sb = Builder();
            var empty = 0;
            var any = false;
            var last = i;
            for (; i < Lines; i++)
            {
                var l = Line(i);
                if (l.Length == 0) { empty++; continue; }
                var ind = Indent(l);
                if (ind == l.Length) return null; // a line of spaces only
                if (ind < indent) break;
                if (ind > indent || l[^1] == ' ') return null;
                if (any)
                {
                    if (folded && empty == 0) sb.Append(' ');
                    else sb.Append('\n', folded ? empty : empty + 1);
                }
                sb.Append(l[indent..]);
                any = true;
                empty = 0;
                last = i;
            }
            // clipping keeps the last line break, if the text has one (not at the very end of a file without one)
            if (!strip && _end[last] < _t.Length) sb.Append('\n');
            _cur = i;
            return new YScalar { Pos = pos, Value = sb.ToString(), IsPlain = false };
        }
    }
}
