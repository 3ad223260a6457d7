using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Briefing.Rendering;

/// <summary>
/// The theme's template language: the part of Handlebars that a theme needs, parsed once into a tree and
/// interpreted. <c>{{path}}</c> (HTML-escaped), <c>{{{path}}}</c> and <c>{{&amp;path}}</c> (raw), <c>{{helper arg…}}</c>,
/// <c>{{#if}}</c>, <c>{{#unless}}</c>, <c>{{#each}}</c> (with <c>@index</c>, <c>@first</c>, <c>@last</c>),
/// <c>{{else}}</c> and <c>{{else if …}}</c>, <c>{{> partial [context]}}</c>, <c>{{! comments }}</c>, paths with
/// <c>this</c>, <c>../</c> and dots, <c>~</c> whitespace control and Handlebars' standalone-line rule. Anything else
/// is a syntax error naming the line, not a silent blank. A name that resolves to no member is an error too.
/// </summary>
/// <remarks>
/// Handlebars.Net compiled each template to expression trees; on a small site compiling and JIT-compiling them was
/// a third of the build. This interpreter needs neither and renders the same bytes.
/// </remarks>
internal static class Hbs
{
    public sealed class SyntaxError(string message, int line, int column) : Exception(message)
    {
        public int Line { get; } = line;
        public int Column { get; } = column;
    }

    public sealed class RenderError(string message, string template, int line, int column) : Exception(message)
    {
        public string Template { get; } = template;
        public int Line { get; } = line;
        public int Column { get; } = column;
    }

    // ---- tree ----

    internal abstract class Node(int line, int column)
    {
        public int Line { get; } = line;
        public int Column { get; } = column;
    }

    internal sealed class TextNode(string text) : Node(0, 0) { public string Text { get; } = text; }

    internal sealed class PathExpr(string original, int up, bool isThis, string[] segments, string? data)
    {
        public string Original { get; } = original;
        public int Up { get; } = up;
        public bool IsThis { get; } = isThis;
        public string[] Segments { get; } = segments;
        /// <summary>@index, @first, @last, @key, @root (without the @).</summary>
        public string? Data { get; } = data;
        /// <summary>For each segment, the getter last used and the type it is for: one type per place, nearly always.</summary>
        public readonly Member?[] Last = new Member?[segments.Length];
    }

    /// <summary>A member getter of one type (null: the type has no such member).</summary>
    internal sealed record Member(Type Type, Func<object, object?>? Get);

    /// <summary>A helper argument: a path or a literal (string, number, true, false, null).</summary>
    internal sealed record Arg(PathExpr? Path, object? Literal);

    internal sealed class ValueNode(int line, int column, PathExpr path, bool escape) : Node(line, column)
    {
        public PathExpr Path { get; } = path;
        public bool Escape { get; } = escape;
    }

    internal sealed class HelperNode(int line, int column, string name, Arg[] args, bool escape) : Node(line, column)
    {
        public string Name { get; } = name;
        public Arg[] Args { get; } = args;
        public bool Escape { get; } = escape;
    }

    internal enum BlockKind { If, Unless, Each }

    internal sealed class BlockNode(int line, int column, BlockKind kind, PathExpr arg) : Node(line, column)
    {
        public BlockKind Kind { get; } = kind;
        public PathExpr Arg { get; } = arg;
        public List<Node> Body { get; } = [];
        public List<Node>? Inverse { get; set; }
    }

    internal sealed class PartialNode(int line, int column, string name, PathExpr? context) : Node(line, column)
    {
        public string Name { get; } = name;
        public PathExpr? Context { get; } = context;
    }

    public sealed class Template(string name, List<Node> nodes)
    {
        public string Name { get; } = name;
        internal List<Node> Nodes { get; } = nodes;
    }

    // ---- parsing ----

    private enum TokenKind { Text, Value, Raw, Open, Close, Else, Partial, Comment }

    private sealed class Token(TokenKind kind, string content, int line, int column)
    {
        public TokenKind Kind { get; } = kind;
        /// <summary>Text: the text; tags: what stands between the braces (without ~ and the sigil).</summary>
        public string Content { get; set; } = content;
        public string Original { get; } = content;
        public int Line { get; } = line;
        public int Column { get; } = column;
        public bool TrimBefore { get; init; }
        public bool TrimAfter { get; init; }
        public bool Standalone => Kind is TokenKind.Open or TokenKind.Close or TokenKind.Else or TokenKind.Partial or TokenKind.Comment;
    }

    public static Template Parse(string name, string source)
    {
        var tokens = Tokenize(source);
        ApplyWhitespaceRules(tokens);
        return new Template(name, Build(tokens));
    }

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var pos = 0;
        var line = 1;
        var lineStart = 0;
        void Advance(int to)
        {
            for (var i = pos; i < to; i++)
                if (s[i] == '\n') { line++; lineStart = i + 1; }
            pos = to;
        }
        while (pos < s.Length)
        {
            var open = s.IndexOf("{{", pos, StringComparison.Ordinal);
            if (open < 0)
            {
                tokens.Add(new Token(TokenKind.Text, s[pos..], line, pos - lineStart + 1));
                break;
            }
            if (open > pos) tokens.Add(new Token(TokenKind.Text, s[pos..open], line, pos - lineStart + 1));
            Advance(open);
            int tagLine = line, tagCol = open - lineStart + 1;
            var i = open + 2;
            if (s.AsSpan(i).StartsWith("!--") || (i < s.Length && s[i] == '~' && s.AsSpan(i + 1).StartsWith("!--")))
            {
                var trimBefore = s[i] == '~';
                var end = s.IndexOf("--", i + (trimBefore ? 4 : 3), StringComparison.Ordinal);
                while (end >= 0 && !(s.AsSpan(end + 2).StartsWith("}}") || s.AsSpan(end + 2).StartsWith("~}}")))
                    end = s.IndexOf("--", end + 1, StringComparison.Ordinal);
                if (end < 0) throw new SyntaxError("A comment '{{!--' is never closed with '--}}'", tagLine, tagCol);
                var trimAfter = s[end + 2] == '~';
                var close = end + 2 + (trimAfter ? 3 : 2);
                tokens.Add(new Token(TokenKind.Comment, "", tagLine, tagCol) { TrimBefore = trimBefore, TrimAfter = trimAfter });
                Advance(close);
                continue;
            }
            var triple = i < s.Length && s[i] == '{';
            var closer = triple ? "}}}" : "}}";
            var stop = s.IndexOf(closer, triple ? i + 1 : i, StringComparison.Ordinal);
            var nextOpen = s.IndexOf("{{", i, StringComparison.Ordinal);
            if (stop < 0 || (nextOpen >= 0 && nextOpen < stop && !s.AsSpan(i).TrimStart('~').StartsWith("!")))
                throw new SyntaxError($"The tag '{Snippet(s, open)}' is never closed with '{closer}'", tagLine, tagCol);
            var inner = s[(triple ? i + 1 : i)..stop];
            var tb = inner.StartsWith('~');
            if (tb) inner = inner[1..];
            var ta = inner.EndsWith('~');
            if (ta) inner = inner[..^1];
            Advance(stop + closer.Length);
            Token Tag(TokenKind k, string content) => new(k, content.Trim(), tagLine, tagCol) { TrimBefore = tb, TrimAfter = ta };
            if (triple) { tokens.Add(Tag(TokenKind.Raw, inner)); continue; }
            var body = inner.TrimStart();
            if (body.Length == 0) throw new SyntaxError("An empty tag '{{}}'", tagLine, tagCol);
            switch (body[0])
            {
                case '!': tokens.Add(Tag(TokenKind.Comment, "")); break;
                case '#': tokens.Add(Tag(TokenKind.Open, body[1..])); break;
                case '/': tokens.Add(Tag(TokenKind.Close, body[1..])); break;
                case '>': tokens.Add(Tag(TokenKind.Partial, body[1..])); break;
                case '&': tokens.Add(Tag(TokenKind.Raw, body[1..])); break;
                case '^':
                    if (body.Length == 1) tokens.Add(Tag(TokenKind.Else, ""));
                    else throw new SyntaxError($"Inverted sections '{{{{{body}}}}}' are not supported; write '{{{{#unless {body[1..].Trim()}}}}}'", tagLine, tagCol);
                    break;
                default:
                    if (body == "else" || body.StartsWith("else ", StringComparison.Ordinal)) tokens.Add(Tag(TokenKind.Else, body[4..]));
                    else tokens.Add(Tag(TokenKind.Value, body));
                    break;
            }
        }
        return tokens;
    }

    private static string Snippet(string s, int at)
    {
        var end = s.IndexOf('\n', at);
        var text = end < 0 ? s[at..] : s[at..end];
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    /// <summary>
    /// Handlebars' rules: a block, else, partial or comment tag alone on its line takes the line's indentation and
    /// line break with it; '~' beside a brace trims all whitespace on that side.
    /// </summary>
    private static void ApplyWhitespaceRules(List<Token> tokens)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Text || !t.Standalone) continue;
            var prev = k > 0 ? tokens[k - 1] : null;
            var next = k + 1 < tokens.Count ? tokens[k + 1] : null;
            if (prev is not null && prev.Kind != TokenKind.Text) continue;
            if (next is not null && next.Kind != TokenKind.Text) continue;
            bool lineStart;
            if (prev is null) lineStart = true;
            else
            {
                var nl = prev.Original.LastIndexOf('\n');
                lineStart = IsBlank(prev.Original.AsSpan(nl + 1)) && (nl >= 0 || k - 1 == 0);
            }
            if (!lineStart) continue;
            int nextCut;
            if (next is null) nextCut = 0;
            else
            {
                var j = 0;
                while (j < next.Original.Length && next.Original[j] is ' ' or '\t') j++;
                if (j < next.Original.Length && next.Original[j] == '\r' && j + 1 < next.Original.Length && next.Original[j + 1] == '\n') nextCut = j + 2;
                else if (j < next.Original.Length && next.Original[j] == '\n') nextCut = j + 1;
                else if (j == next.Original.Length && k + 1 == tokens.Count - 1) nextCut = j;
                else continue;
            }
            if (prev is not null)
            {
                var nl = prev.Content.LastIndexOf('\n');
                if (IsBlank(prev.Content.AsSpan(nl + 1))) prev.Content = prev.Content[..(nl + 1)];
            }
            if (next is not null)
            {
                // the cut is measured on the original text; a '~' or an earlier rule may already have shortened it
                var already = next.Original.Length - next.Content.Length;
                next.Content = nextCut > already ? next.Content[(nextCut - already)..] : next.Content;
            }
        }
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Text) continue;
            if (t.TrimBefore && k > 0 && tokens[k - 1].Kind == TokenKind.Text) tokens[k - 1].Content = tokens[k - 1].Content.TrimEnd();
            if (t.TrimAfter && k + 1 < tokens.Count && tokens[k + 1].Kind == TokenKind.Text) tokens[k + 1].Content = tokens[k + 1].Content.TrimStart();
        }
    }

    private static bool IsBlank(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (c is not (' ' or '\t')) return false;
        return true;
    }

    private static List<Node> Build(List<Token> tokens)
    {
        var root = new List<Node>();
        var stack = new Stack<(BlockNode Block, List<Node> Target, Token Open, string Name)>();
        List<Node> Current() => stack.Count == 0 ? root : stack.Peek().Target;
        foreach (var t in tokens)
        {
            switch (t.Kind)
            {
                case TokenKind.Text:
                    if (t.Content.Length > 0) Current().Add(new TextNode(t.Content));
                    break;
                case TokenKind.Comment:
                    break;
                case TokenKind.Value:
                case TokenKind.Raw:
                {
                    var parts = Words(t.Content, t);
                    if (parts.Count == 1) Current().Add(new ValueNode(t.Line, t.Column, ParsePath(parts[0], t), t.Kind == TokenKind.Value));
                    else Current().Add(new HelperNode(t.Line, t.Column, parts[0], parts.Skip(1).Select(p => ParseArg(p, t)).ToArray(), t.Kind == TokenKind.Value));
                    break;
                }
                case TokenKind.Open:
                {
                    var parts = Words(t.Content, t);
                    var (kind, name) = BlockOf(parts, t);
                    var block = new BlockNode(t.Line, t.Column, kind, ParsePath(parts[1], t));
                    Current().Add(block);
                    stack.Push((block, block.Body, t, name));
                    break;
                }
                case TokenKind.Else:
                {
                    if (stack.Count == 0) throw new SyntaxError("'{{else}}' outside any block", t.Line, t.Column);
                    var (block, target, open, name) = stack.Pop();
                    if (!ReferenceEquals(target, block.Body)) throw new SyntaxError($"A second '{{{{else}}}}' in the '{{{{#{name}}}}}' block opened at line {open.Line}", t.Line, t.Column);
                    block.Inverse = [];
                    if (t.Content.Trim().Length == 0)
                    {
                        stack.Push((block, block.Inverse, open, name));
                        break;
                    }
                    // {{else if x}}: a block nested in the inverse, closed by the outer block's {{/…}}
                    var parts = Words(t.Content, t);
                    var (kind, _) = BlockOf(parts, t);
                    var chained = new BlockNode(t.Line, t.Column, kind, ParsePath(parts[1], t));
                    block.Inverse.Add(chained);
                    stack.Push((chained, chained.Body, open, name));
                    break;
                }
                case TokenKind.Close:
                {
                    var name = t.Content.Trim();
                    if (stack.Count == 0) throw new SyntaxError($"'{{{{/{name}}}}}' closes no block", t.Line, t.Column);
                    var (_, _, open, openName) = stack.Pop();
                    if (name != openName) throw new SyntaxError($"'{{{{/{name}}}}}' does not match '{{{{#{openName}}}}}' opened at line {open.Line}", t.Line, t.Column);
                    break;
                }
                case TokenKind.Partial:
                {
                    var parts = Words(t.Content, t);
                    if (parts.Count is 0 or > 2) throw new SyntaxError("A partial takes a name and at most one context: '{{> name [path]}}'", t.Line, t.Column);
                    Current().Add(new PartialNode(t.Line, t.Column, parts[0], parts.Count == 2 ? ParsePath(parts[1], t) : null));
                    break;
                }
            }
        }
        if (stack.Count > 0)
        {
            var (_, _, open, name) = stack.Peek();
            throw new SyntaxError($"The block '{{{{#{name}}}}}' is never closed with '{{{{/{name}}}}}'", open.Line, open.Column);
        }
        return root;
    }

    private static (BlockKind Kind, string Name) BlockOf(List<string> parts, Token t)
    {
        if (parts.Count != 2)
            throw new SyntaxError($"'{{{{#{string.Join(' ', parts)}}}}}': a block takes exactly one value, e.g. '{{{{#if name}}}}'", t.Line, t.Column);
        return parts[0] switch
        {
            "if" => (BlockKind.If, "if"),
            "unless" => (BlockKind.Unless, "unless"),
            "each" => (BlockKind.Each, "each"),
            _ => throw new SyntaxError($"Unknown block '{{{{#{parts[0]}}}}}'; the theme's templates can use #if, #unless and #each", t.Line, t.Column),
        };
    }

    /// <summary>Splits a tag's content on spaces, keeping quoted strings whole.</summary>
    private static List<string> Words(string content, Token t)
    {
        var words = new List<string>();
        var i = 0;
        while (i < content.Length)
        {
            if (char.IsWhiteSpace(content[i])) { i++; continue; }
            var start = i;
            if (content[i] is '"' or '\'')
            {
                var q = content[i];
                var end = content.IndexOf(q, i + 1);
                if (end < 0) throw new SyntaxError($"An unclosed string in '{{{{{content}}}}}'", t.Line, t.Column);
                i = end + 1;
            }
            else while (i < content.Length && !char.IsWhiteSpace(content[i])) i++;
            words.Add(content[start..i]);
        }
        if (words.Count == 0) throw new SyntaxError("An empty tag", t.Line, t.Column);
        return words;
    }

    private static Arg ParseArg(string word, Token t)
    {
        if (word[0] is '"' or '\'') return new Arg(null, word[1..^1]);
        if (word == "true") return new Arg(null, true);
        if (word == "false") return new Arg(null, false);
        if (word == "null") return new Arg(null, null);
        if (word[0] is '-' or (>= '0' and <= '9') && double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return new Arg(null, d % 1 == 0 && Math.Abs(d) < int.MaxValue ? (object)(int)d : d);
        return new Arg(ParsePath(word, t), null);
    }

    private static PathExpr ParsePath(string word, Token t)
    {
        var original = word;
        if (word.StartsWith('@'))
        {
            var data = word[1..];
            if (data is not ("index" or "first" or "last" or "key" or "root") && !data.StartsWith("root.", StringComparison.Ordinal))
                throw new SyntaxError($"Unknown data variable '{word}'; there are @index, @first, @last, @key and @root", t.Line, t.Column);
            if (data.StartsWith("root.", StringComparison.Ordinal)) return new PathExpr(original, -1, false, Segs(data[5..]), null);
            return new PathExpr(original, 0, false, [], data);
        }
        var up = 0;
        while (word.StartsWith("../", StringComparison.Ordinal)) { up++; word = word[3..]; }
        if (word.StartsWith("./", StringComparison.Ordinal)) word = word[2..];
        if (word is "this" or "." or "") return new PathExpr(original, up, true, [], null);
        if (word.StartsWith("this.", StringComparison.Ordinal) || word.StartsWith("this/", StringComparison.Ordinal)) word = word[5..];
        return new PathExpr(original, up, false, Segs(word), null);

        string[] Segs(string w)
        {
            var segs = w.Split('.', '/');
            foreach (var s in segs)
                if (s.Length == 0 || s.Any(c => !(char.IsLetterOrDigit(c) || c is '_' or '-' or '$')))
                    throw new SyntaxError($"'{original}' is not a valid name", t.Line, t.Column);
            return segs;
        }
    }

    // ---- rendering ----

    /// <summary>What a template is rendered against: its partials and helpers.</summary>
    public sealed class Environment
    {
        public Dictionary<string, Template> Partials { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Func<object?[], string>> Helpers { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Frame(object? value, Frame? parent, Frame? root)
    {
        public object? Value { get; } = value;
        public Frame? Parent { get; } = parent;
        public Frame Root => root ?? this;
        public int Index { get; init; } = -1;
        public int Count { get; init; }
        public string? Key { get; init; }
    }

    public static string Render(Template template, object? model, Environment env)
    {
        var sb = new StringBuilder(4096);
        Render(template, model, env, sb);
        return sb.ToString();
    }

    public static void Render(Template template, object? model, Environment env, StringBuilder output) =>
        Write(template.Nodes, new Frame(model, null, null), template, env, output, 0);

    private static void Write(List<Node> nodes, Frame frame, Template template, Environment env, StringBuilder sb, int depth)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode t:
                    sb.Append(t.Text);
                    break;
                case ValueNode v:
                {
                    var value = Resolve(v.Path, frame, template, v);
                    Append(sb, value, v.Escape);
                    break;
                }
                case HelperNode h:
                {
                    if (!env.Helpers.TryGetValue(h.Name, out var helper))
                        throw new RenderError($"Unknown helper '{h.Name}'", template.Name, h.Line, h.Column);
                    var args = new object?[h.Args.Length];
                    for (var i = 0; i < args.Length; i++) args[i] = h.Args[i].Path is { } p ? Resolve(p, frame, template, h) : h.Args[i].Literal;
                    Append(sb, helper(args), h.Escape);
                    break;
                }
                case BlockNode b:
                {
                    var value = Resolve(b.Arg, frame, template, b);
                    switch (b.Kind)
                    {
                        case BlockKind.If:
                            if (IsTruthy(value)) Write(b.Body, frame, template, env, sb, depth);
                            else if (b.Inverse is { } inv) Write(inv, frame, template, env, sb, depth);
                            break;
                        case BlockKind.Unless:
                            if (!IsTruthy(value)) Write(b.Body, frame, template, env, sb, depth);
                            else if (b.Inverse is { } inv) Write(inv, frame, template, env, sb, depth);
                            break;
                        case BlockKind.Each:
                            if (!Each(b, value, frame, template, env, sb, depth) && b.Inverse is { } empty) Write(empty, frame, template, env, sb, depth);
                            break;
                    }
                    break;
                }
                case PartialNode p:
                {
                    if (!env.Partials.TryGetValue(p.Name, out var partial))
                        throw new RenderError($"The partial '{p.Name}' does not exist (add partials/{p.Name}.hbs)", template.Name, p.Line, p.Column);
                    if (depth > 64) throw new RenderError($"Partials nested more than 64 deep at '{{{{> {p.Name}}}}}' (does a partial include itself?)", template.Name, p.Line, p.Column);
                    var inner = p.Context is null ? frame : new Frame(Resolve(p.Context, frame, template, p), frame, frame.Root);
                    Write(partial.Nodes, inner, partial, env, sb, depth + 1);
                    break;
                }
            }
        }
    }

    private static bool Each(BlockNode b, object? value, Frame frame, Template template, Environment env, StringBuilder sb, int depth)
    {
        switch (value)
        {
            case null or string:
                return false;
            case IList list:
            {
                for (var i = 0; i < list.Count; i++)
                    Write(b.Body, new Frame(list[i], frame, frame.Root) { Index = i, Count = list.Count }, template, env, sb, depth);
                return list.Count > 0;
            }
            case IDictionary dict:
            {
                var i = 0;
                foreach (DictionaryEntry e in dict)
                    Write(b.Body, new Frame(e.Value, frame, frame.Root) { Index = i++, Count = dict.Count, Key = e.Key.ToString() }, template, env, sb, depth);
                return i > 0;
            }
            case IEnumerable seq:
            {
                var items = seq.Cast<object?>().ToList();
                for (var i = 0; i < items.Count; i++)
                    Write(b.Body, new Frame(items[i], frame, frame.Root) { Index = i, Count = items.Count }, template, env, sb, depth);
                return items.Count > 0;
            }
            default:
                throw new RenderError($"'{{{{#each {b.Arg.Original}}}}}' needs a list, but '{b.Arg.Original}' is a {value.GetType().Name}", template.Name, b.Line, b.Column);
        }
    }

    /// <summary>Handlebars' truth: false, null, "", 0 and an empty list are false.</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        HtmlBody h => h.Length > 0,
        int i => i != 0,
        long l => l != 0,
        double d => d != 0 && !double.IsNaN(d),
        ICollection c => c.Count > 0,
        IEnumerable e => e.GetEnumerator().MoveNext(),
        _ => true,
    };

    private static object? Resolve(PathExpr path, Frame frame, Template template, Node at)
    {
        if (path.Data is { } data)
        {
            for (var f = frame; f is not null; f = f.Parent)
            {
                if (data == "root") return f.Root.Value;
                if (f.Index < 0) continue;
                return data switch
                {
                    "index" => f.Index,
                    "first" => f.Index == 0,
                    "last" => f.Index == f.Count - 1,
                    _ => f.Key,
                };
            }
            throw new RenderError($"'@{data}' is undefined outside '{{{{#each}}}}'", template.Name, at.Line, at.Column);
        }
        var target = frame;
        if (path.Up < 0) target = frame.Root;
        for (var i = 0; i < path.Up; i++)
            target = target.Parent ?? throw new RenderError($"'{path.Original}' goes above the page's own data", template.Name, at.Line, at.Column);
        var value = target.Value;
        if (path.IsThis) return value;
        var segments = path.Segments;
        for (var s = 0; s < segments.Length; s++)
        {
            if (value is null) return null;
            if (value is IDictionary<string, object?> d)
            {
                if (!d.TryGetValue(segments[s], out value)) throw new RenderError($"'{path.Original}' is undefined", template.Name, at.Line, at.Column);
                continue;
            }
            // the getter found here last time, while the value is of the same type (a benign race: any entry is right for its type)
            var type = value.GetType();
            var last = path.Last[s];
            if (last is null || last.Type != type) path.Last[s] = last = new Member(type, Getters.GetOrAdd((type, segments[s]), static k => Getter(k.Item1, k.Item2)));
            if (last.Get is null) throw new RenderError($"'{path.Original}' is undefined", template.Name, at.Line, at.Column);
            value = last.Get(value);
        }
        return value;
    }

    // A type's member getters by name, shared by every path (each path also remembers the last one it used).
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Getters = new();

    /// <summary>A public property or field of that name; exact case first, then ignoring case (templates say camelCase).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "View models are in this assembly, which a trimmed publish keeps whole (TrimmerRootAssembly).")]
    internal static Func<object, object?>? Getter(Type type, string name)
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance;
        var property = type.GetProperty(name, Public) ?? type.GetProperty(name, Public | BindingFlags.IgnoreCase);
        if (property is not null && property.GetIndexParameters().Length == 0 && property.GetMethod is { } get) return Typed(type, property.PropertyType, get) ?? property.GetValue;
        var field = type.GetField(name, Public) ?? type.GetField(name, Public | BindingFlags.IgnoreCase);
        if (field is not null) return field.GetValue;
        return null;
    }

    /// <summary>
    /// A property getter called through a typed delegate: <c>PropertyInfo.GetValue</c> goes through reflection's
    /// invoker on every call, which (without run-time code generation) costs more than rendering the page around it.
    /// Null for a struct's property, which keeps <c>GetValue</c>.
    /// </summary>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Where the instantiation has no code (native AOT), the getter falls back to GetValue.")]
    private static Func<object, object?>? Typed(Type type, Type valueType, MethodInfo get)
    {
        if (type.IsValueType || valueType.IsByRef || valueType.IsPointer || valueType.IsByRefLike) return null;
        try
        {
            var make = typeof(Hbs).GetMethod(nameof(TypedGetter), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type, valueType);
            return (Func<object, object?>)make.Invoke(null, [get])!;
        }
        catch (Exception ex) when (ex is NotSupportedException || ex.InnerException is NotSupportedException)
        {
            // Compiled ahead of time (native AOT), there is no code for a value-typed property's getter: it keeps
            // GetValue, which there calls precompiled code (no interpreter to avoid).
            return null;
        }
    }

    private static Func<object, object?> TypedGetter<T, TValue>(MethodInfo get) where T : class
    {
        var f = get.CreateDelegate<Func<T, TValue>>();
        return o => f((T)o);
    }

    private static void Append(StringBuilder sb, object? value, bool escape)
    {
        if (value is HtmlBody body)
        {
            body.WriteTo(sb, escape);
            return;
        }
        var text = value switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (string.IsNullOrEmpty(text)) return;
        if (escape) Escape(sb, text);
        else sb.Append(text);
    }

    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'`=");

    /// <summary>HTML-escapes as Handlebars does: &amp; &lt; &gt; &quot; &#x27; &#x60; &#x3D;.</summary>
    public static void Escape(StringBuilder sb, string text) => Escape(sb, text.AsSpan());

    public static void Escape(StringBuilder sb, ReadOnlySpan<char> span)
    {
        while (true)
        {
            var i = span.IndexOfAny(Special);
            if (i < 0) { sb.Append(span); return; }
            sb.Append(span[..i]);
            sb.Append(span[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                '`' => "&#x60;",
                _ => "&#x3D;",
            });
            span = span[(i + 1)..];
        }
    }
}
