using Briefing.Import;

namespace Briefing.Tests.Import;

/// <summary>The clutter rules are data: embedded defaults, replaceable by a file, checked when loaded.</summary>
public sealed class ClutterPatternsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("briefing-clutter-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, "rules.yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Embedded_rules_load_with_known_kinds_unique_names_and_descriptions()
    {
        var rules = ClutterPatterns.Load();
        Assert.True(rules.Count >= 20);
        Assert.All(rules, r => Assert.Contains(r.Kind, ClutterKinds.All));
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Description), $"rule {r.Name} has no description"));
        Assert.Equal(rules.Count(r => r.Kind != ClutterKinds.BlockEnd), rules.Where(r => r.Kind != ClutterKinds.BlockEnd).Select(r => r.Name).Distinct().Count());
        foreach (var kind in (string[])[ClutterKinds.Line, ClutterKinds.LineWithNext, ClutterKinds.BlockStart, ClutterKinds.BlockEnd, ClutterKinds.Duplicate, ClutterKinds.Flag])
            Assert.Contains(rules, r => r.Kind == kind);
    }

    [Fact]
    public void Embedded_rules_are_the_clutter_yml_in_the_source_tree()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Briefing.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var fromFile = ClutterPatterns.Load(Path.Combine(root.FullName, "src", "Briefing", "Import", "clutter.yml"));
        Assert.Equal(ClutterPatterns.Load(), fromFile);
    }

    [Fact]
    public void A_rules_file_replaces_the_defaults()
    {
        var rules = ClutterPatterns.Load(Write("""
            - name: house-promo
              kind: line
              pattern: '(?i)read the print edition'
              description: The outlet's own promotion.
            """));
        var result = ArticleImporter.Import("A headline\n\nRead the print edition\n\nAdvertisement\n\nText.\n", "test", rules: rules);
        Assert.Equal([new RemovedLine(3, "Read the print edition", "house-promo")], result.Removed);
        Assert.Contains("Advertisement", ImportedArticle.From(result).BodyText);
    }

    [Theory]
    [InlineData("- name: x\n  kind: line\n  pattern: '(unclosed'\n  description: d\n", "(1,3)", "not a valid regular expression")]
    [InlineData("- name: x\n  kind: word\n  pattern: 'a'\n  description: d\n", "(1,3)", "Use one of: line, line-with-next")]
    [InlineData("- name: x\n  kind: line\n  description: d\n", "(1,3)", "has no 'pattern'")]
    [InlineData("- name: x\n  kind: duplicate\n  pattern: next\n  description: d\n", "(1,3)", "'title' or 'previous'")]
    [InlineData("- name: b\n  kind: block-start\n  pattern: 'a'\n  description: d\n", "(1,3)", "has no block-end rule")]
    [InlineData("- name: x\n  kind: line\n  pattern: 'a'\n  descripton: d\n", "(4,3)", "unknown key 'descripton'")]
    [InlineData("name: x\n", "(1,1)", "must be a YAML list")]
    [InlineData("- name: [x\n", "(", "not valid YAML")]
    public void An_invalid_rules_file_is_reported_with_file_line_and_fix(string yaml, string position, string message)
    {
        var path = Write(yaml);
        var e = Assert.Throws<InvalidDataException>(() => ClutterPatterns.Load(path));
        Assert.StartsWith(path + position, e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_missing_rules_file_is_reported()
    {
        var e = Assert.Throws<InvalidDataException>(() => ClutterPatterns.Load(Path.Combine(_dir, "nope.yml")));
        Assert.Contains("cannot read the clutter rules", e.Message);
    }
}
