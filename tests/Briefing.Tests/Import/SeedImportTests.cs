using Briefing.Import;
using YamlDotNet.RepresentationModel;

namespace Briefing.Tests.Import;

/// <summary>
/// Every real seed in tests/Briefing.Tests/Fixtures/seeds/ (a copy of the project's shared seeds) imports without its clutter and with all its paragraphs,
/// measured against hand-written fixtures (Import/Fixtures/&lt;seed&gt;.clutter.txt, .paragraphs.txt, .expected.yml).
/// </summary>
public sealed class SeedImportTests
{
    private static string SeedsDir()
    {
        var dir = Support.Repo.Seeds;
        Assert.True(Directory.Exists(dir), $"The seed articles are missing: expected them in {dir} (tests/Briefing.Tests/Fixtures/seeds/, a copy of the project's shared/seeds/). These tests must not pass without them.");
        return dir;
    }

    private static string FixturesDir() => Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures");

    /// <summary>The seeds that have fixtures (a seed without them fails <see cref="Every_seed_has_hand_written_fixtures"/>).</summary>
    public static TheoryData<string> Seeds() => new(SeedsWithFixtures());

    private static List<string> SeedsWithFixtures() =>
        Directory.GetFiles(FixturesDir(), "*.paragraphs.txt")
            .Select(f => Path.GetFileName(f)[..^".paragraphs.txt".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<string> FixtureLines(string seed, string kind)
    {
        var path = Path.Combine(FixturesDir(), $"{seed}.{kind}.txt");
        Assert.True(File.Exists(path), $"Missing fixture {path}: write it by reading the seed.");
        return File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
    }

    private static (ImportResult Result, ImportedArticle Article) ImportSeed(string seed)
    {
        var path = Path.Combine(SeedsDir(), seed + ".txt");
        Assert.True(File.Exists(path), $"The seed {path} is missing, but fixtures for it exist in Import/Fixtures/.");
        var result = ArticleImporter.Import(File.ReadAllText(path), "seed", Path.GetFileName(path));
        return (result, ImportedArticle.From(result));
    }

    [Fact]
    public void Every_seed_has_hand_written_fixtures()
    {
        var seeds = Directory.GetFiles(SeedsDir(), "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(seeds);
        foreach (var seed in seeds)
            foreach (var kind in (string[])["clutter.txt", "paragraphs.txt", "expected.yml"])
                Assert.True(File.Exists(Path.Combine(FixturesDir(), $"{seed}.{kind}")), $"The seed {seed}.txt has no fixture {seed}.{kind} in tests/Briefing.Tests/Import/Fixtures/: write it by reading the seed.");
        Assert.Equal(seeds, SeedsWithFixtures());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Importing_a_seed_leaves_none_of_its_clutter_in_the_body(string seed)
    {
        var (_, article) = ImportSeed(seed);
        var bodyLines = article.BodyText;
        foreach (var clutter in FixtureLines(seed, "clutter"))
        {
            Assert.DoesNotContain(clutter, bodyLines);
            if (clutter.Length >= 12)
                Assert.False(article.Body.Contains(clutter, StringComparison.Ordinal), $"{seed}: the body still contains the clutter line \"{clutter}\"");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Importing_a_seed_keeps_every_paragraph_as_its_own_block(string seed)
    {
        var (_, article) = ImportSeed(seed);
        var bodyLines = article.BodyText;
        var expected = FixtureLines(seed, "paragraphs");
        Assert.NotEmpty(expected);
        var at = -1;
        foreach (var start in expected)
        {
            var found = Enumerable.Range(0, bodyLines.Count).FirstOrDefault(i => i > at && bodyLines[i].StartsWith(start, StringComparison.Ordinal), -1);
            Assert.True(found >= 0, $"{seed}: no body line (after line {at + 1}) starts with \"{start}\". Body:\n{article.Body}");
            at = found;
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Importing_a_seed_gives_the_expected_front_matter_and_subheads(string seed)
    {
        var (_, article) = ImportSeed(seed);
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(FixturesDir(), seed + ".expected.yml"))));
        var expected = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var key in (string[])["title", "published", "author", "dek"])
        {
            var want = (YamlScalarNode)expected.Children[new YamlScalarNode(key)];
            if (want.Value is "null" or "~" or "" && want.Style == YamlDotNet.Core.ScalarStyle.Plain)
                Assert.False(article.Has(key), $"{seed}: '{key}' should be absent but is \"{article.Field(key)}\"");
            else
                Assert.Equal(want.Value, article.Field(key));
        }
        var subheads = ((YamlSequenceNode)expected.Children[new YamlScalarNode("subheads")]).Children.Select(n => ((YamlScalarNode)n).Value);
        Assert.Equal(subheads, article.Subheads);
        Assert.Equal("seed", article.Field("source"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_line_left_out_of_a_seed_is_reported_with_its_line_number(string seed)
    {
        var (result, article) = ImportSeed(seed);
        var lines = File.ReadAllLines(Path.Combine(SeedsDir(), seed + ".txt"));
        foreach (var removed in result.Removed)
            Assert.Equal(lines[removed.Line - 1].Trim(), removed.Text);
        // Every non-blank seed line is in the output (front matter or body) or reported as removed.
        var reported = result.Removed.Select(r => r.Line).ToHashSet();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || reported.Contains(i + 1)) continue;
            var text = line.StartsWith("• ", StringComparison.Ordinal) || line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line;
            Assert.True(article.BodyText.Contains(text) || article.FrontMatter.Children.Values.OfType<YamlScalarNode>().Any(v => v.Value == text),
                $"{seed} line {i + 1} is neither in the article nor reported as removed: \"{line}\"");
        }
    }
}
