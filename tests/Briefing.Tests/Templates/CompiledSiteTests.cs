using Briefing.Bench;

namespace Briefing.Tests.Templates;

/// <summary>
/// The differential test of the compiled templates at the scale of a site: every file of the real briefing and of the
/// benchmark's corpora of each shape, paginated too, built through the compiled templates and again through Scriban's
/// interpreter alone, byte for byte; and every page of the compiled build rendered without Scriban's help.
/// </summary>
public sealed class CompiledSiteTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("briefing-compiled-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static BuildResult Build(string input, bool interpret)
    {
        var r = new SiteBuilder().Build(new BuildOptions { InputDir = input, ThemeDir = Support.Repo.Theme, OutputDir = Path.Combine(Path.GetTempPath(), "unused"), Write = false, InterpretTemplates = interpret });
        Assert.True(r.Success, string.Join("\n", r.Diagnostics.Take(10)));
        return r;
    }

    private static void BothWaysTheSame(string input)
    {
        var compiled = Build(input, interpret: false);
        var interpreted = Build(input, interpret: true);
        Assert.Equal(0, compiled.PagesInterpreted);
        Assert.Equal(interpreted.PagesWritten, interpreted.PagesInterpreted);
        Assert.Equal(interpreted.Files.Select(f => f.Path), compiled.Files.Select(f => f.Path));
        foreach (var (a, b) in interpreted.Files.Zip(compiled.Files))
            Assert.True(a.Content.AsSpan().SequenceEqual(b.Content), $"{a.Path} differs between the compiled templates and Scriban's interpreter");
    }

    private string Copy(string from)
    {
        var to = Path.Combine(_root, "input-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return to;
    }

    private static void Paginate(string input, int pageSize) =>
        File.AppendAllText(Path.Combine(input, "site.yml"), $"\npage_size: {pageSize}\n");

    [Fact]
    public void The_real_briefing_is_the_same_through_the_compiled_templates_and_through_scriban()
    {
        BothWaysTheSame(Support.Repo.Input);
        var paged = Copy(Support.Repo.Input);
        Paginate(paged, 2);
        BothWaysTheSame(paged);
    }

    [Theory]
    [InlineData(CorpusShape.Unique)]
    [InlineData(CorpusShape.Stock)]
    [InlineData(CorpusShape.Wire)]
    public void A_corpus_of_each_shape_is_the_same_through_the_compiled_templates_and_through_scriban(CorpusShape shape)
    {
        var input = Path.Combine(_root, shape.ToString());
        CorpusGenerator.Write(input, 200, shape);
        BothWaysTheSame(input);
        Paginate(input, 7);
        BothWaysTheSame(input);
    }
}
