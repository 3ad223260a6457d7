using System.Text.RegularExpressions;
using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Rendering;
using Briefing.Tests.Support;
using Briefing.Validation;

namespace Briefing.Tests;

/// <summary>The README as an editor's guide (issue 24, part 5): what it tells an editor is what the program does.</summary>
public sealed class EditorGuideTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));

    private static string Section(string heading)
    {
        var at = Readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(at >= 0, heading);
        var next = Readme.IndexOf("\n#", at + heading.Length, StringComparison.Ordinal);
        return Readme[at..(next < 0 ? Readme.Length : next)];
    }

    [Fact]
    public void The_readme_begins_with_the_editor_s_task_and_says_to_preview_rather_than_open_output_from_disk()
    {
        var first = Regex.Match(Readme, "^## (.+)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.Equal("The editor's task", first);
        var task = Section("## The editor's task");
        Assert.Contains("`output/index.html` from disk", task);
        Assert.Contains("unstyled", task);
        Assert.Contains("-- preview", task);
    }

    [Fact]
    public void The_documented_source_kinds_are_those_the_program_accepts()
    {
        var line = Regex.Match(Section("### `input/sources/<id>.yml`"), @"kind: \w+ +# (.+)").Groups[1].Value;
        Assert.Equal(Source.Kinds, line.Split(" | "));
    }

    [Fact]
    public void The_guide_explains_yaml_quoting_the_required_summary_fields_and_the_quote_rules()
    {
        var yaml = Section("### YAML without surprises");
        foreach (var rule in new[] { "never a tab", "colon followed by a space", "Quotes inside quotes", "\\\"", "''" })
            Assert.Contains(rule, yaml);
        var fields = Section("### What a summary must have");
        Assert.Contains("| `summary` | yes |", fields);
        Assert.Contains("| `key_points` | yes, at least one", fields);
        Assert.Contains("| `claims` | no |", fields);
        var quotes = Regex.Replace(Section("### Quotes"), @"\s+", " ");
        Assert.Contains($"at least {Validator.MinQuoteWords} words", quotes);
        Assert.Contains($"at most {QuotePattern.MaxOmittedWords} words left out", quotes);
        Assert.Contains($"at most {QuotePattern.MaxReplacedWords} of its words", quotes);
    }

    [Fact]
    public void Every_quote_the_guide_gives_as_an_example_is_found_in_an_article_of_the_briefing()
    {
        var examples = Regex.Matches(Section("### Quotes"), "`(\"(?:[^\"\\\\]|\\\\.)*\")`|quote: (\\[.*\\])").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();
        Assert.True(examples.Count >= 6, string.Join("\n", examples));
        var finders = Directory.GetFiles(Path.Combine(Repo.Input, "articles"), "*.md").Select(path =>
        {
            var split = FrontMatter.Parse(File.ReadAllText(path), path, new DiagnosticBag())!;
            return new QuoteFinder(new MarkdownRenderer(allowHtml: false).Render(split.Body, anchorParagraphs: true).Paragraphs);
        }).ToList();
        foreach (var example in examples)
        {
            var node = YamlTree.Parse("quote: " + example, "README.md", 0, new DiagnosticBag());
            var quote = new MapReader(node, new SourcePos("README.md", 1, 1), "an example", ["quote"], new DiagnosticBag()).Quote("quote")!.Value;
            Assert.True(finders.Any(f => f.Find(quote) >= 0), example);
        }
    }
}
