using System.Diagnostics;
using Briefing.Diagnostics;
using Briefing.Tests.Support;

namespace Briefing.Tests.Hostile;

/// <summary>Faults while writing and output folders that cannot be written: the previous output survives, the error is clear.</summary>
public sealed class FaultTests
{
    private static int FileCount(TestSite site) => site.Build(write: false).FilesWritten;

    /// <summary>Where the write fails, in a build that keeps its pages (the preview's) and in a streamed one (the command line's).</summary>
    public static TheoryData<string, int, bool> FailurePoints()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var streamed in new[] { false, true })
            foreach (var (kind, k) in new[] { ("io", 1), ("io", 2), ("io", -2), ("io", -1), ("access", 3), ("access", -1) })
                data.Add(kind, k, streamed);
        return data;
    }

    [Theory]
    [MemberData(nameof(FailurePoints))]
    public void A_failure_after_k_files_leaves_the_previous_output_intact(string kind, int k, bool streamed)
    {
        using var site = Hostile.BuiltSite();
        var before = BuildTests.Snapshot(site.Output);
        site.Write("articles/2023-12-14-beta.md", File.ReadAllText(Path.Combine(site.Input, "articles/2023-12-14-beta.md")) + "\nA new paragraph.\n");
        var total = FileCount(site);
        var at = k > 0 ? k : total + 1 + k; // -1: the last file, -2: half way
        if (k == -2) at = total / 2;
        var r = site.Build(streamed: streamed, beforeEachFile: n =>
        {
            if (n != at) return;
            if (kind == "io") throw new IOException("No space left on device (injected)");
            throw new UnauthorizedAccessException("Permission denied (injected)");
        });
        Assert.False(r.Success);
        var d = DiagnosticAssert.Has(r, Codes.OutputError, "output");
        Assert.Contains("injected", d.Message);
        Assert.Contains("previous output is untouched", d.Message);
        Assert.Equal(before, BuildTests.Snapshot(site.Output));
        Hostile.NoLeftovers(site);
    }

    [Fact]
    public void A_failure_during_the_first_build_creates_no_output_folder()
    {
        using var site = new TestSite();
        var r = site.Build(beforeEachFile: n => { if (n == 4) throw new IOException("disk full (injected)"); });
        Assert.False(r.Success);
        DiagnosticAssert.Has(r, Codes.OutputError, "output");
        Assert.False(Directory.Exists(site.Output));
        Hostile.NoLeftovers(site);
    }

    [Fact]
    public void After_a_failed_write_the_next_build_succeeds_and_replaces_the_output()
    {
        using var site = Hostile.BuiltSite();
        site.Write("articles/2023-12-14-beta.md", File.ReadAllText(Path.Combine(site.Input, "articles/2023-12-14-beta.md")) + "\nA brand-new paragraph.\n");
        Assert.False(site.Build(beforeEachFile: n => { if (n == 2) throw new IOException("injected"); }).Success);
        Assert.DoesNotContain("A brand-new paragraph.", site.Page("articles/2023-12-14-beta/index.html"));
        var (code, _, err) = Hostile.Build(site);
        Assert.True(code == 0, err);
        Assert.Contains("A brand-new paragraph.", site.Page("articles/2023-12-14-beta/index.html"));
        Hostile.NoLeftovers(site);
    }

    private static (int Code, string Err) BuildInto(TestSite site, string output)
    {
        var (code, _, err) = Hostile.Run("build", "--input", site.Input, "--theme", site.Theme, "--output", output);
        Hostile.NoCrash(err);
        return (code, err);
    }

    [Fact]
    public void An_output_path_under_a_regular_file_is_a_clear_error()
    {
        using var site = new TestSite();
        var file = Path.Combine(site.Root, "not-a-folder");
        File.WriteAllText(file, "keep me");
        var (code, err) = BuildInto(site, Path.Combine(file, "output"));
        Assert.Equal(1, code);
        Assert.Matches(@"not-a-folder/output: error BRF090: .*'.*not-a-folder' is a file, not a folder", err);
        Assert.Equal("keep me", File.ReadAllText(file));
        Assert.Empty(Directory.GetDirectories(site.Root, ".*"));
    }

    [Fact]
    public void An_output_path_that_is_an_existing_file_is_a_clear_error_and_the_file_is_kept()
    {
        using var site = new TestSite();
        var file = Path.Combine(site.Root, "site.zip");
        File.WriteAllText(file, "keep me");
        var (code, err) = BuildInto(site, file);
        Assert.Equal(1, code);
        Assert.Matches(@"site\.zip: error BRF090: .*is a file, not a folder.*--output", err);
        Assert.Equal("keep me", File.ReadAllText(file));
        Assert.Empty(Directory.GetDirectories(site.Root, ".site.zip.*"));
    }

    [Fact]
    public void An_output_path_whose_parent_does_not_exist_is_a_clear_error()
    {
        using var site = new TestSite();
        var (code, err) = BuildInto(site, Path.Combine(site.Root, "no", "such", "output"));
        Assert.Equal(1, code);
        Assert.Matches(@"error BRF090: .*parent .*does not exist", err);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "no")));
    }

    [Theory]
    [InlineData("input")]          // the output would replace the content
    [InlineData("")]               // the folder that holds input/ and theme/
    [InlineData("input/articles")] // inside the content
    [InlineData("theme")]
    public void An_output_folder_that_would_replace_input_or_theme_is_refused_and_nothing_is_lost(string relative)
    {
        // Before the fix, '--output input' swapped the built site in for input/ and deleted the content.
        using var site = new TestSite();
        site.Theme = Path.Combine(site.Root, "theme");
        Folders.Copy(Repo.Theme, site.Theme);
        var input = BuildTests.Snapshot(site.Input);
        var theme = BuildTests.Snapshot(site.Theme);
        var output = relative.Length == 0 ? site.Root : Path.Combine(site.Root, relative);
        var (code, err) = BuildInto(site, output);
        Assert.Equal(1, code);
        Assert.Contains("error BRF090: ", err);
        Assert.Contains("--output", err);
        Assert.Equal(input, BuildTests.Snapshot(site.Input));
        Assert.Equal(theme, BuildTests.Snapshot(site.Theme));
    }

    [Fact]
    public async Task A_named_pipe_in_input_is_refused_instead_of_hanging_the_build()
    {
        using var site = Hostile.BuiltSite();
        var fifo = Path.Combine(site.Input, "articles", "2023-12-15-pipe.md");
        using (var p = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!) p.WaitForExit();
        Assert.True(File.Exists(fifo));
        // it reads as an empty file: no front matter
        var task = Task.Run(() => Hostile.FailsCleanly(site, Codes.FrontMatterMissing, "articles/2023-12-15-pipe.md", line: 1));
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30))) == task;
        if (!finished)
        {
            await using (new FileStream(fifo, FileMode.Open, FileAccess.Write)) { } // unblock the reader before failing
            Assert.Fail("the build hung reading a named pipe");
        }
        await task;
    }
}
