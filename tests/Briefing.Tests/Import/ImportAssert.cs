using System.Text.RegularExpressions;
using Briefing.Import;
using YamlDotNet.RepresentationModel;

namespace Briefing.Tests.Import;

/// <summary>Reads an imported article back: its front matter as YAML and its body as lines of plain text.</summary>
internal sealed partial record ImportedArticle(YamlMappingNode FrontMatter, string FrontMatterText, string Body)
{
    public static ImportedArticle From(ImportResult result) => Parse(result.Markdown);

    public static ImportedArticle Parse(string markdown)
    {
        Assert.StartsWith("---\n", markdown);
        var end = markdown.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        Assert.True(end > 0, "the front matter is not closed by a line '---'");
        var yaml = markdown[4..(end + 1)];
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml)); // throws on invalid YAML
        var map = Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
        return new ImportedArticle(map, yaml, markdown[(end + 5)..]);
    }

    /// <summary>A front matter value, or null when the key is absent.</summary>
    public string? Field(string key) =>
        FrontMatter.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;

    public bool Has(string key) => FrontMatter.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>The body's non-blank lines with "## " and "- " markers and Markdown backslash escapes removed.</summary>
    public IReadOnlyList<string> BodyText => Body.Split('\n')
        .Where(l => l.Trim().Length > 0)
        .Select(l => Unescape().Replace(Marker().Replace(l, ""), "$1"))
        .ToList();

    public IReadOnlyList<string> Subheads => Body.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();

    /// <summary>Blocks of the body (separated by blank lines).</summary>
    public IReadOnlyList<string> Blocks => Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(b => b.Trim('\n')).ToList();

    [GeneratedRegex(@"^(?:## |- )")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Unescape();
}

internal static class Importing
{
    public static ImportResult Run(string text, string source = "test", string? fileName = null) =>
        ArticleImporter.Import(text, source, fileName);

    public static ImportedArticle Article(string text, string source = "test", string? fileName = null) =>
        ImportedArticle.From(Run(text, source, fileName));

    /// <summary>A small article: a headline, a date and two paragraphs around <paramref name="middle"/>.</summary>
    public static string Around(string middle) => $"""
        A headline about Hanoi and Beijing

        December 14, 2023

        The first paragraph of the article says something about the visit.

        {middle}

        The last paragraph of the article ends the story here.
        """;
}
