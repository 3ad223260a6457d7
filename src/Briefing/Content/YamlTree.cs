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
        PlainYaml.TryParse(text, file, lineOffset, out var plain) ? plain : ParseWithYamlDotNet(text, file, lineOffset, diags);

    /// <summary>Parses with YamlDotNet: every file that <see cref="PlainYaml"/> does not read, and every error.</summary>
    internal static YNode? ParseWithYamlDotNet(string text, string file, int lineOffset, DiagnosticBag diags)
    {
        var parser = new Parser(new StringReader(text));
        SourcePos P(Mark m) => new(file, (int)m.Line + lineOffset, (int)m.Column);
        var stack = new Stack<(YNode Node, YScalar? PendingKey)>();
        YNode? root = null;
        var documents = 0;
        var last = new SourcePos(file, 1 + lineOffset, 1);
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                last = P(ev.Start);
                switch (ev)
                {
                    case StreamStart or StreamEnd or DocumentEnd:
                        break;
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            diags.Error(Codes.YamlSyntax, P(ev.Start), "The file holds more than one YAML document (a second '---'). Keep one document per file.");
                            return null;
                        }
                        break;
                    case AnchorAlias alias:
                        diags.Error(Codes.YamlUnsupported, P(alias.Start), $"YAML aliases (*{alias.Value}) are not supported. Write the value out in full.");
                        return null;
                    case NodeEvent ne when !ne.Anchor.IsEmpty:
                        diags.Error(Codes.YamlUnsupported, P(ne.Start), $"YAML anchors (&{ne.Anchor}) are not supported. Write the value out in full.");
                        return null;
                    case NodeEvent ne when !ne.Tag.IsEmpty && !ne.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal):
                        diags.Error(Codes.YamlUnsupported, P(ne.Start), $"YAML tags ({ne.Tag.Value}) are not supported. Remove the tag.");
                        return null;
                    case Scalar s:
                        {
                            // the file's text is NFC already, but an escape in double quotes ("a\u0300") can decompose a value again
                            var value = s.Style == ScalarStyle.DoubleQuoted ? Nfc.Of(s.Value) : s.Value;
                            var node = new YScalar { Pos = P(s.Start), Value = value, IsPlain = s.Style == ScalarStyle.Plain };
                            if (!Attach(node)) return null;
                            break;
                        }
                    case SequenceStart ss:
                        if (stack.Count >= MaxDepth) return TooDeep(ss.Start);
                        stack.Push((new YSequence { Pos = P(ss.Start) }, null));
                        break;
                    case MappingStart ms:
                        if (stack.Count >= MaxDepth) return TooDeep(ms.Start);
                        stack.Push((new YMapping { Pos = P(ms.Start) }, null));
                        break;
                    case SequenceEnd or MappingEnd:
                        {
                            var (done, _) = stack.Pop();
                            if (!Attach(done)) return null;
                            break;
                        }
                }
            }
        }
        catch (YamlException ex)
        {
            if (Explained(text, file, lineOffset, diags)) return null;
            var msg = ex.Message;
            var idx = msg.IndexOf("): ", StringComparison.Ordinal);
            if (msg.StartsWith('(') && idx > 0) msg = msg[(idx + 3)..];
            diags.Error(Codes.YamlSyntax, P(ex.Start), $"Malformed YAML: {msg} Check indentation, colons and quotes on this line or the one before.");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed input (e.g. an unclosed flow list); report it as syntax.
            if (Explained(text, file, lineOffset, diags)) return null;
            diags.Error(Codes.YamlSyntax, last, "Malformed YAML after this line: an unclosed [ ], { } or quote? Close it, or quote the value.");
            return null;
        }
        return root;

        YNode? TooDeep(Mark m)
        {
            diags.Error(Codes.YamlUnsupported, P(m), $"YAML nested deeper than {MaxDepth} levels. Flatten the structure.");
            return null;
        }

        bool Attach(YNode node)
        {
            if (stack.Count == 0) { root = node; return true; }
            var (parent, pendingKey) = stack.Pop();
            switch (parent)
            {
                case YSequence seq:
                    seq.Items.Add(node);
                    stack.Push((parent, null));
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
                    stack.Push((parent, key));
                    return true;
                case YMapping map:
                    map.Entries.Add(new(pendingKey!, node));
                    stack.Push((parent, null));
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
