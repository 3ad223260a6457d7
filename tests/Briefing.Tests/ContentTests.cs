using Briefing.Cli;
using Briefing.Tests.Support;

namespace Briefing.Tests;

/// <summary>The real briefing in input/: it builds cleanly, every seed has its page, no seed's clutter survived.</summary>
public sealed class ContentTests
{
    private static readonly string ClutterDir = Path.Combine(Repo.Root, "tests", "Briefing.Tests", "Fixtures", "seed-clutter");

    public static TheoryData<string, string> Seeds()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(ClutterDir, "map.txt")).Where(l => l.Trim().Length > 0))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            data.Add(parts[0], parts[1]);
        }
        return data;
    }

    [Fact]
    public void The_real_briefing_builds_with_no_error_or_warning_even_in_strict_mode()
    {
        var output = Path.Combine(Path.GetTempPath(), "briefing-real-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var r = new SiteBuilder().Build(new BuildOptions { InputDir = Repo.Input, ThemeDir = Repo.Theme, OutputDir = output, Strict = true });
            Assert.True(r.Success, string.Join("\n", r.Diagnostics));
            Assert.Empty(r.Diagnostics);
        }
        finally { if (Directory.Exists(output)) Directory.Delete(output, true); }
    }

    [Fact]
    public void Every_seed_maps_to_an_article()
    {
        var seeds = Directory.GetFiles(Repo.Seeds, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        Assert.True(seeds.Count == 5, $"expected the five seeds in {Repo.Seeds}, found {seeds.Count}");
        var mapped = Seeds().Select(row => (string)row[0]).Order().ToList();
        Assert.Equal(seeds, mapped);
        foreach (var row in Seeds())
            Assert.True(File.Exists(Path.Combine(Repo.Input, "articles", (string)row[1] + ".md")), $"no article for seed {row[0]}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_clutter_line_of_the_seed_survives_in_its_article(string seed, string slug)
    {
        var seedText = File.ReadAllText(Path.Combine(Repo.Seeds, seed + ".txt"));
        var body = File.ReadAllText(Path.Combine(Repo.Input, "articles", slug + ".md"));
        body = body[(body.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
        var bodyLines = body.Split('\n').Select(l => l.Trim().Trim('*', '_').Trim()).ToHashSet();
        foreach (var clutter in File.ReadAllLines(Path.Combine(ClutterDir, seed + ".txt")).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            Assert.Contains(clutter, seedText); // the fixture lists lines really in the seed
            Assert.DoesNotContain(clutter, bodyLines);
        }
        foreach (var generic in new[] { "Advertisement", "Print Friendly", "Translate / Dịch", "Why you can trust SCMP" })
            Assert.DoesNotContain(generic, body);
    }

    [Fact]
    public void Import_writes_the_article_lists_what_it_removed_and_never_overwrites()
    {
        using var site = new TestSite();
        var seed = Path.Combine(Repo.Seeds, "000_192cbc9c7ee7566d.txt");
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.Equal(0, Program.Run(["import", seed, "--source", "alpha-news", "--input", site.Input, "--slug", "2023-12-imported"], o, e));
        var written = File.ReadAllText(Path.Combine(site.Input, "articles", "2023-12-imported.md"));
        Assert.StartsWith("---\n", written);
        Assert.Contains("source: alpha-news", written);
        Assert.DoesNotContain("Advertisement", written);
        Assert.Contains("[advertisement] Advertisement", o.ToString());
        Assert.Equal(2, Program.Run(["import", seed, "--source", "alpha-news", "--input", site.Input, "--slug", "2023-12-imported"], o, e));
        Assert.Contains("never overwrites", e.ToString());
    }

    [Fact]
    public void Import_refuses_a_source_that_no_file_defines_as_new_article_does()
    {
        using var site = new TestSite();
        var seed = Path.Combine(Repo.Seeds, "000_192cbc9c7ee7566d.txt");
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.Equal(Program.UsageErrors, Program.Run(["import", seed, "--source", "alpha-newz", "--input", site.Input, "--slug", "2023-12-imported"], o, e));
        Assert.Contains("No source has the id 'alpha-newz'", e.ToString());
        Assert.Contains("alpha-news", e.ToString()); // the closest id is suggested
        Assert.False(File.Exists(Path.Combine(site.Input, "articles", "2023-12-imported.md")));
    }
}
