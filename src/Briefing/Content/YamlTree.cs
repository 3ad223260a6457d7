using Briefing.Diagnostics;
using Briefing.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Briefing.Content;

/// <summary>A YAML node with its position in the file (already offset for front matter).</summary>
public abstract class YNode
{
    public required SourcePos Pos { get; init; }
    public abstract string KindName { get; }
}

public sealed class YScalar : YNode
{
    public required string Value { get; init; }
    public bool IsPlain { get; init; }
    public bool IsNull => IsPlain && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");
    public override string KindName => "text";
}

public sealed class YSequence : YNode
{
    public List<YNode> Items { get; } = [];
    public override string KindName => "a list";
}

public sealed class YMapping : YNode
{
    public List<KeyValuePair<YScalar, YNode>> Entries { get; } = [];
    public override string KindName => "a mapping";
}

/// <summary>
/// Builds a <see cref="YNode"/> tree from YamlDotNet's parser events without recursion, refusing
/// anchors/aliases (the "billion laughs" bomb), tags and nesting deeper than <see cref="MaxDepth"/>.
/// Positions are reported in file coordinates: <c>lineOffset</c> is added to every line.
/// </summary>
public static class YamlTree
{
    public const int MaxDepth = 32;

    /// <summary>Parses one YAML document. Returns null (after reporting) on any error, or for an empty document.</summary>
    public static YNode? Parse(string text, string file, int lineOffset, DiagnosticBag diags) =>
        Parse(text.AsMemory(), file, lineOffset, diags);

    /// <summary>As <see cref="Parse(string, string, int, DiagnosticBag)"/>, from a text that is not a string (a file's decoded buffer).</summary>
    /// <remarks>
    /// The input contract's plain block style is read by <see cref="PlainYaml"/>, which gives up on anything else and
    /// on anything that might be an error; YamlDotNet then reads the text. The fast path is kept because it saves more
    /// than the 15 % of a large build's time that a second YAML reader must pay for (the benchmark's document has the
    /// measurements); a test keeps the two readers in agreement.
    /// </remarks>
    public static YNode? Parse(ReadOnlyMemory<char> text, string file, int lineOffset, DiagnosticBag diags) =>
        PlainYaml.TryParse(text, file, lineOffset, out var plain) ? plain : ParseWithYamlDotNet(text, file, lineOffset, diags);

    /// <summary>Parses with YamlDotNet: every file that <see cref="PlainYaml"/> does not read, and every error.</summary>
    internal static YNode? ParseWithYamlDotNet(ReadOnlyMemory<char> text, string file, int lineOffset, DiagnosticBag diags) =>
        new EventReader(file, lineOffset, diags).Read(text);

    /// <summary>Builds the tree of one document from YamlDotNet's parser events, on a stack of open collections.</summary>
    private sealed class EventReader(string file, int lineOffset, DiagnosticBag diags)
    {
        private readonly Stack<(YNode Node, YScalar? PendingKey)> _stack = new();
        private YNode? _root;
        private int _documents;

        public YNode? Read(ReadOnlyMemory<char> text)
        {
            var parser = new Parser(new MemoryReader(text));
            var last = new SourcePos(file, 1 + lineOffset, 1);
            try
            {
                while (parser.MoveNext())
                {
                    var ev = parser.Current!;
                    last = P(ev.Start);
                    if (!Take(ev)) return null;
                }
            }
            catch (YamlException ex)
            {
                if (Explained(text.ToString(), file, lineOffset, diags)) return null;
                var msg = ex.Message;
                var idx = msg.IndexOf("): ", StringComparison.Ordinal);
                if (msg.StartsWith('(') && idx > 0) msg = msg[(idx + 3)..];
                diags.Error(Codes.YamlSyntax, P(ex.Start), $"Malformed YAML: {msg} Check indentation, colons and quotes on this line or the one before.");
                return null;
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet's scanner throws this on some malformed input (e.g. an unclosed flow list); report it as syntax.
                if (Explained(text.ToString(), file, lineOffset, diags)) return null;
                diags.Error(Codes.YamlSyntax, last, "Malformed YAML after this line: an unclosed [ ], { } or quote? Close it, or quote the value.");
                return null;
            }
            return _root;
        }

        private SourcePos P(Mark m) => new(file, (int)m.Line + lineOffset, (int)m.Column);

        /// <summary>Adds one event to the tree; false when it is an error (reported), and the file has no tree.</summary>
        private bool Take(ParsingEvent ev)
        {
            switch (ev)
            {
                case DocumentStart:
                    return ++_documents == 1 || Fail(Codes.YamlSyntax, ev.Start, "The file holds more than one YAML document (a second '---'). Keep one document per file.");
                case AnchorAlias alias:
                    return Fail(Codes.YamlUnsupported, alias.Start, $"YAML aliases (*{alias.Value}) are not supported. Write the value out in full.");
                case NodeEvent ne when !ne.Anchor.IsEmpty:
                    return Fail(Codes.YamlUnsupported, ne.Start, $"YAML anchors (&{ne.Anchor}) are not supported. Write the value out in full.");
                case NodeEvent ne when !ne.Tag.IsEmpty && !ne.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal):
                    return Fail(Codes.YamlUnsupported, ne.Start, $"YAML tags ({ne.Tag.Value}) are not supported. Remove the tag.");
                case Scalar s:
                    // the file's text is NFC already, but an escape in double quotes ("a\u0300") can decompose a value again
                    var value = s.Style == ScalarStyle.DoubleQuoted ? Nfc.Of(s.Value) : s.Value;
                    return Attach(new YScalar { Pos = P(s.Start), Value = value, IsPlain = s.Style == ScalarStyle.Plain });
                case SequenceStart or MappingStart when _stack.Count >= MaxDepth:
                    return Fail(Codes.YamlUnsupported, ev.Start, $"YAML nested deeper than {MaxDepth} levels. Flatten the structure.");
                case SequenceStart:
                    _stack.Push((new YSequence { Pos = P(ev.Start) }, null));
                    return true;
                case MappingStart:
                    _stack.Push((new YMapping { Pos = P(ev.Start) }, null));
                    return true;
                case SequenceEnd or MappingEnd:
                    return Attach(_stack.Pop().Node);
                default: // the stream's start and end, a document's end
                    return true;
            }
        }

        private bool Fail(string code, Mark at, string message)
        {
            diags.Error(code, P(at), message);
            return false;
        }

        private bool Attach(YNode node)
        {
            if (_stack.Count == 0) { _root = node; return true; }
            var (parent, pendingKey) = _stack.Pop();
            switch (parent)
            {
                case YSequence seq:
                    seq.Items.Add(node);
                    _stack.Push((parent, null));
                    return true;
                case YMapping map when pendingKey is null:
                    if (node is not YScalar key)
                    {
                        diags.Error(Codes.WrongType, node.Pos, "A mapping key must be plain text.");
                        return false;
                    }
                    foreach (var e in map.Entries)
                        if (e.Key.Value == key.Value)
                        {
                            diags.Error(Codes.DuplicateKey, key.Pos, $"The key '{key.Value}' appears twice (first at line {e.Key.Pos.Line}). Keep one.");
                            break;
                        }
                    _stack.Push((parent, key));
                    return true;
                case YMapping map:
                    map.Entries.Add(new(pendingKey!, node));
                    _stack.Push((parent, null));
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>The usual mistakes, told in an editor's words at the character that causes them; false when none is recognised.</summary>
    private static bool Explained(string text, string file, int lineOffset, DiagnosticBag diags)
    {
        if (YamlMistakes.Find(text) is not { } m) return false;
        diags.Error(Codes.YamlSyntax, new SourcePos(file, m.Line + lineOffset, m.Column), m.Message);
        return true;
    }
}
