using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Tests.Analysis;

namespace Briefing.Tests.Content;

/// <summary>
/// The fast reader of plain YAML gives exactly YamlDotNet's tree, positions included, or gives up so that YamlDotNet
/// reads the file: on every input file, on hand-made edge cases and on mutated files.
/// </summary>
public sealed class PlainYamlTests
{
    /// <summary>The YAML of every file in input/: the YAML files, and the front matter of articles and topics.</summary>
    public static IEnumerable<(string Name, string Yaml, int Offset)> InputYaml()
    {
        var input = Path.Combine(ArticleText.RepositoryRoot(), "input");
        foreach (var f in Directory.EnumerateFiles(input, "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return (Path.GetRelativePath(input, f), File.ReadAllText(f).Replace("\r\n", "\n"), 0);
        foreach (var f in Directory.EnumerateFiles(input, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var split = FrontMatter.Parse(File.ReadAllText(f).Replace("\r\n", "\n"), f, new DiagnosticBag());
            if (split is not null) yield return (Path.GetRelativePath(input, f), split.Yaml, split.YamlLineOffset);
        }
    }

    [Fact]
    public void Every_input_file_is_read_by_the_fast_reader_with_YamlDotNet_s_tree()
    {
        var files = InputYaml().ToList();
        Assert.True(files.Count > 20, $"only {files.Count} YAML texts found in input/");
        foreach (var (name, yaml, offset) in files)
        {
            Assert.True(PlainYaml.TryParse(yaml.AsMemory(), name, offset, out var fast), $"{name}: the fast reader gave up");
            AssertSameAsYamlDotNet(yaml, name, offset, fast);
        }
    }

    [Theory]
    [InlineData("title: Plain words, with a comma\nsource: scmp\n")]
    [InlineData("title: \"Double \\\"quoted\\\" \\\\ text\"\nsource: 'It''s single'\n")]
    [InlineData("topics: [a, b-c,d ,  e]\nempty: []\n")]
    [InlineData("note: >\n  Folded across\n  two lines,\n\n  and a second paragraph.\n\n\nnext: x\n")]
    [InlineData("note: >-\n  Folded, stripped\n  text\nnext: x\n")]
    [InlineData("note: |\n  Literal\n  lines\n\n  kept\n")]
    [InlineData("note: |-\n  Literal, stripped\n")]
    [InlineData("# a comment\n\nkey_points:\n  - text: One\n    topic: t\n    quote: \"q\"\n  # between\n  - text: Two\n    topic: u\n    quote: r\nclaims:\n- claim: c\n  quote: z\n")]
    [InlineData("- id: a\n  text: >\n    Folded in a list\n    item.\n  articles: [x, y]\n\n- id: b\n  text: t\n")]
    [InlineData("- plain item\n- \"quoted item\"\n- [flow, in, list]\n")]
    [InlineData("outer:\n  inner:\n    deeper: value\n  next: 2023-12-13\nlast: null\n")]
    [InlineData("title: C# and F#: the colon needs a space to matter\n")]
    [InlineData("a: ~\nb: true\nc: 12\nd: 2023\ne: \"\"\n")]
    [InlineData("title: Trailing spaces   \nsource: x   # a comment\n")]
    [InlineData("title: \"quoted\"   # comment\n")]
    [InlineData("list:\n  - a\n  -   b\n")]
    [InlineData("x: Vietnam’s “special bond” — and ‘brothers’\n")]
    [InlineData("quote: \"vis-a\u0300-vis\"\nname: 'Ha\u0300'\n")]        // decomposed text: double-quoted values are NFC in both
    public void Hand_made_cases_agree_with_YamlDotNet_or_are_left_to_it(string yaml) => AssertAgreesOrGivesUp(yaml, out _);

    [Theory]
    [InlineData("title: first\ntitle: second\n")]                  // duplicate key: YamlDotNet's path reports it
    [InlineData("title: [unclosed\n")]
    [InlineData("title: \"unclosed\n")]
    [InlineData("title: a: b\n")]
    [InlineData("a: &anchor x\nb: *anchor\n")]
    [InlineData("a: !tag x\n")]
    [InlineData("---\na: x\n")]
    [InlineData("a: x\n---\nb: y\n")]
    [InlineData("a:\n\tb: x\n")]
    [InlineData("title: plain\n  continued on the next line\n")]
    [InlineData("a: >\n   more\n  less\n")]
    [InlineData("a: {x: 1}\n")]
    [InlineData("a:\nb: x\n")]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("just a scalar\n")]
    public void Anything_else_is_left_to_YamlDotNet(string yaml) => Assert.False(PlainYaml.TryParse(yaml.AsMemory(), "t.yml", 0, out _));

    [Fact]
    public void Mutated_input_files_are_read_as_YamlDotNet_reads_them_or_left_to_it()
    {
        var random = new Random(20231213);
        const string Pieces = " :-#>|\"'[],\n\\x\t{}&*!%";
        var read = 0;
        var total = 0;
        foreach (var (name, yaml, _) in InputYaml().Take(40))
        {
            for (var m = 0; m < 150; m++)
            {
                var chars = new System.Text.StringBuilder(yaml);
                for (var edits = 1 + random.Next(3); edits > 0 && chars.Length > 0; edits--)
                {
                    var at = random.Next(chars.Length);
                    switch (random.Next(4))
                    {
                        case 0: chars.Remove(at, 1); break;
                        case 1: chars.Insert(at, Pieces[random.Next(Pieces.Length)]); break;
                        case 2: chars.Insert(at, "  "); break;
                        default:
                            // remove indentation at the start of a line
                            var line = chars.ToString().LastIndexOf('\n', at) + 1;
                            if (line < chars.Length && chars[line] == ' ') chars.Remove(line, 1);
                            break;
                    }
                }
                total++;
                if (AssertAgreesOrGivesUp(chars.ToString(), out var fast, name)) read++;
            }
        }
        // the fast reader must be exercised, not give up on everything
        Assert.True(read > total / 5, $"the fast reader read only {read} of {total} mutated files");
    }

    /// <summary>True when the fast reader read the text (and agreed with YamlDotNet, or the test fails).</summary>
    private static bool AssertAgreesOrGivesUp(string yaml, out YNode? fast, string name = "t.yml")
    {
        if (!PlainYaml.TryParse(yaml.AsMemory(), name, 3, out fast)) return false;
        AssertSameAsYamlDotNet(yaml, name, 3, fast);
        return true;
    }

    private static void AssertSameAsYamlDotNet(string yaml, string name, int offset, YNode? fast)
    {
        var diags = new DiagnosticBag();
        var slow = YamlTree.ParseWithYamlDotNet(yaml.AsMemory(), name, offset, diags);
        Assert.False(diags.HasErrors, $"{name}: the fast reader read a text that YamlDotNet refuses: {string.Join("; ", diags.Sorted().Select(d => d.Message))}\n---\n{yaml}");
        var difference = Difference(fast, slow, "");
        Assert.True(difference is null, $"{name}: {difference}\n---\n{yaml}");
    }

    private static string? Difference(YNode? a, YNode? b, string path)
    {
        if (a is null || b is null) return a == b ? null : $"{path}: {(a is null ? "null" : a.KindName)} vs {(b is null ? "null" : b.KindName)}";
        if (a.GetType() != b.GetType()) return $"{path}: {a.KindName} vs {b.KindName}";
        if (a.Pos != b.Pos) return $"{path}: at {a.Pos.Line}:{a.Pos.Column} vs {b.Pos.Line}:{b.Pos.Column}";
        switch (a, b)
        {
            case (YScalar x, YScalar y):
                return x.Value == y.Value && x.IsPlain == y.IsPlain ? null : $"{path}: \"{x.Value}\" ({(x.IsPlain ? "plain" : "quoted")}) vs \"{y.Value}\" ({(y.IsPlain ? "plain" : "quoted")})";
            case (YSequence x, YSequence y):
                if (x.Items.Count != y.Items.Count) return $"{path}: {x.Items.Count} items vs {y.Items.Count}";
                for (var i = 0; i < x.Items.Count; i++)
                    if (Difference(x.Items[i], y.Items[i], $"{path}[{i}]") is { } d) return d;
                return null;
            case (YMapping x, YMapping y):
                if (x.Entries.Count != y.Entries.Count) return $"{path}: {x.Entries.Count} keys vs {y.Entries.Count}";
                for (var i = 0; i < x.Entries.Count; i++)
                {
                    if (Difference(x.Entries[i].Key, y.Entries[i].Key, $"{path}.key{i}") is { } k) return k;
                    if (Difference(x.Entries[i].Value, y.Entries[i].Value, $"{path}.{x.Entries[i].Key.Value}") is { } v) return v;
                }
                return null;
            default:
                return $"{path}: unknown node";
        }
    }
}
