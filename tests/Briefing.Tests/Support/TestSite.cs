using System.Text;
using Briefing.Content;
using Briefing.Diagnostics;

namespace Briefing.Tests.Support;

/// <summary>A small site written inline into a temp folder, built with the repository's theme.</summary>
public sealed class TestSite : IDisposable
{
    public string Root { get; }
    public string Input => Path.Combine(Root, "input");
    public string Output => Path.Combine(Root, "output");
    public string Theme { get; set; } = Repo.Theme;

    public TestSite(bool valid = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "briefing-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Input);
        if (valid) WriteMinimal();
    }

    public TestSite Write(string relative, string text)
    {
        var path = Path.Combine(Input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return this;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Input, relative));

    public TestSite WriteBytes(string relative, byte[] bytes)
    {
        var path = Path.Combine(Input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public TestSite Delete(string relative)
    {
        File.Delete(Path.Combine(Input, relative));
        return this;
    }

    // The preview's builder (with its cache), kept across this site's builds as the preview keeps it across edits.
    private SiteBuilder? _preview;

    /// <summary>
    /// Builds the site once (a one-off build, as <c>build</c> and <c>check</c> do) and again with the preview's builder,
    /// which keeps its cache from this site's earlier builds: both must give the same files and the same diagnostics.
    /// </summary>
    /// <param name="streamed">Build as the command line does: pages streamed to disk, nothing kept (the preview keeps them).</param>
    public BuildResult Build(bool write = true, string? baseUrl = null, bool strict = false, bool drafts = false, Action<int>? beforeEachFile = null, bool streamed = false, string? output = null)
    {
        var options = new BuildOptions
        {
            InputDir = Input, ThemeDir = Theme, OutputDir = output ?? Output, BaseUrl = baseUrl, Write = write, Strict = strict, Drafts = drafts,
            BeforeEachFile = beforeEachFile, KeepFiles = !streamed,
        };
        var result = new SiteBuilder().Build(options);
        // the preview's files are compared in memory: it writes nothing, so the output folder is the one-off build's alone
        var preview = (_preview ??= new SiteBuilder(new ArticleCache())).Build(options with { Write = false, BeforeEachFile = null, KeepFiles = true });
        AssertSameBuild(result, preview, streamed, write ? options.OutputDir : null);
        return result;
    }

    /// <summary>The one-off build and the preview's agree (where the one-off build could write its output).</summary>
    private static void AssertSameBuild(BuildResult oneOff, BuildResult preview, bool streamed, string? writtenTo)
    {
        // a folder that cannot be written fails the one-off build alone: the preview here writes nothing
        if (oneOff.Diagnostics.Any(d => d.Code == Codes.OutputError)) return;
        Assert.Equal(oneOff.Diagnostics.Select(d => d.ToString()), preview.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(oneOff.Success, preview.Success);
        Assert.Equal(oneOff.Files.Select(f => f.Path), preview.Files.Select(f => f.Path));
        // a streamed build keeps no bytes: they are on disk (and nowhere, for a streamed check)
        if (streamed && writtenTo is null) return;
        foreach (var (a, b) in oneOff.Files.Zip(preview.Files))
        {
            var bytes = streamed ? File.ReadAllBytes(Path.Combine(writtenTo!, a.Path)) : a.Content;
            Assert.True(bytes.AsSpan().SequenceEqual(b.Content), $"{a.Path}: the preview's builder made other bytes than a one-off build");
        }
    }

    public string Page(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    /// <summary>A lede and three takeaways that meet the guide's advice (BRF026), for a test that writes its own site.yml.</summary>
    public const string AdvisedLedeAndTakeaways = """
        lede: A short lede. This test briefing stands in for a real one, so its lede has the sixty words or more that the editor's guide advises for the home page. It says nothing that a reader needs; each sentence only adds words to reach that count, and the tests that need a lede of their own write one instead of this.
        takeaways:
          - text: Ties deepen.
          - text: The sea stays a concern.
          - text: The statement is long.

        """;

    public void WriteMinimal()
    {
        Write("site.yml", """
            title: Test briefing
            description: A test site.
            base_url: https://example.org/
            language: en
            lede: A short lede. This test briefing stands in for a real one, so its lede has the sixty words or more that the editor's guide advises for the home page. It says nothing that a reader needs; each sentence only adds words to reach that count, and the tests that need a lede of their own write one instead of this.
            takeaways:
              - text: Ties deepen.
                articles: [2023-12-13-alpha]
              - text: The sea stays a concern.
                articles: [2023-12-13-alpha]
              - text: The statement is long.
                articles: [2023-12-13-alpha]
            """);
        Write("sources/alpha-news.yml", """
            name: Alpha News
            kind: newspaper
            country: Hong Kong
            note: A test outlet.
            """);
        Write("sources/beta-wire.yml", """
            name: Beta Wire
            kind: news-site
            note: Another test outlet.
            """);
        Write("topics/security-cooperation.md", """
            ---
            title: Security cooperation
            order: 1
            question: What did they agree on security?
            ---
            The overview of security cooperation.
            """);
        Write("topics/maritime-disputes.md", """
            ---
            title: Maritime disputes
            order: 2
            question: How will they manage the sea?
            ---
            The overview of maritime disputes.
            """);
        Write("articles/2023-12-13-alpha.md", """
            ---
            title: "Alpha: ties enter a new stage"
            source: alpha-news
            published: 2023-12-13
            author: Jane Writer
            topics: [security-cooperation, maritime-disputes]
            ---
            China and Vietnam agreed to set up more hotlines for incidents at sea.

            ## Security

            The two sides vowed to work more closely on “intelligence exchanges” and defence.
            """);
        Write("articles/2023-12-14-beta.md", """
            ---
            title: Beta report on the visit
            source: beta-wire
            topics: [security-cooperation]
            ---
            In their 16-page joint statement, the two vowed to work more closely.
            """);
        Write("summaries/2023-12-13-alpha.yml", """
            summary: Alpha reports hotlines and intelligence exchanges.
            angle: The sea.
            key_points:
              - text: Hotlines at sea.
                topic: maritime-disputes
                quote: "agreed to set up more hotlines"
              - text: Intelligence.
                topic: security-cooperation
                quote: "work more closely on \"intelligence exchanges\""
            claims:
              - claim: hotlines
                quote: "set up more hotlines for incidents at sea"
            """);
        Write("summaries/2023-12-14-beta.yml", """
            summary: Beta reports the joint statement.
            angle: The statement.
            key_points:
              - text: A long statement.
                topic: security-cooperation
                quote: "their 16-page joint statement"
            claims:
              - claim: statement-length
                quote: "their 16-page joint statement"
            """);
        Write("claims.yml", """
            - id: hotlines
              topic: maritime-disputes
              text: They agreed to set up hotlines for incidents at sea.
            - id: statement-length
              topic: security-cooperation
              text: The joint statement's length.
            """);
        Write("timeline.yml", """
            - date: 2023-12-13
              title: Xi ends visit
              text: The visit ends.
              articles: [2023-12-13-alpha]
            - date: 2023-09
              title: Biden visits Hanoi
              articles: [2023-12-14-beta]
            """);
        Write("glossary.yml", """
            - id: nguyen-phu-trong
              name: Nguyen Phu Trong
              kind: person
              role: General Secretary
              native_name: Nguyễn Phú Trọng
              native_lang: vi
              text: Vietnam's party chief.
            - id: colour-revolution
              name: Colour revolution
              kind: term
              text: A term.
            """);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public static class Repo
{
    public static string Root { get; } = FindRoot();
    public static string Theme => Path.Combine(Root, "theme");
    public static string Input => Path.Combine(Root, "input");
    /// <summary>The captured articles input/ was made from: a copy of the project's shared/seeds/, kept with the tests so a clone runs them alone.</summary>
    public static string Seeds => Path.Combine(Root, "tests", "Briefing.Tests", "Fixtures", "seeds");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Briefing.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (the folder with Briefing.sln) above " + AppContext.BaseDirectory);
    }
}

public static class DiagnosticAssert
{
    public static Diagnostic Has(BuildResult r, string code, string fileEndsWith, int line = -1)
    {
        var match = r.Diagnostics.FirstOrDefault(d => d.Code == code && d.File.Replace('\\', '/').EndsWith(fileEndsWith, StringComparison.Ordinal) && (line < 0 || d.Line == line));
        Assert.True(match is not null, $"Expected {code} in {fileEndsWith}{(line >= 0 ? $" line {line}" : "")}; got:\n" + string.Join("\n", r.Diagnostics));
        return match!;
    }
}

public static class Folders
{
    /// <summary>Both folders hold the same files, byte for byte.</summary>
    public static void AssertSame(string expected, string actual)
    {
        static List<string> Files(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var files = Files(expected);
        Assert.Equal(files, Files(actual));
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f))), $"{f} differs on disk");
    }

    /// <summary>Copies a folder's files, sub-folders included.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }
}
