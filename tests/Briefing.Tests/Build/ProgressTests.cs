using Briefing.Build;
using Briefing.Tests.Support;

namespace Briefing.Tests.Build;

public sealed class ProgressTests
{
    /// <summary>Records what a build tells its progress display.</summary>
    private sealed class Recorder : IBuildProgress
    {
        private readonly Lock _lock = new();
        public List<string> Stages { get; } = [];
        public Dictionary<string, (int Total, string Unit)> Expected { get; } = [];
        public Dictionary<string, int> Done { get; } = [];

        public void Stage(string name)
        {
            lock (_lock) Stages.Add(name);
        }

        public void Expect(int total, string unit)
        {
            lock (_lock) Expected[Stages[^1]] = (total, unit);
        }

        public void Advance()
        {
            lock (_lock) Done[Stages[^1]] = Done.GetValueOrDefault(Stages[^1]) + 1;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_build_reports_each_stage_in_order_and_counts_the_files_it_loads_and_the_pages_it_renders(bool streamed)
    {
        using var site = new TestSite();
        var progress = new Recorder();
        var result = new SiteBuilder().Build(new BuildOptions
        {
            InputDir = site.Input, ThemeDir = site.Theme, OutputDir = site.Output, KeepFiles = !streamed, Progress = progress,
        });
        Assert.True(result.Success);
        Assert.Equal(["load", "validate", "analyse", "plan", "render", "write"], progress.Stages);
        var files = Directory.GetFiles(Path.Combine(site.Input, "articles")).Length + Directory.GetFiles(Path.Combine(site.Input, "summaries")).Length;
        Assert.Equal((files, "files"), progress.Expected["load"]);
        Assert.Equal(files, progress.Done["load"]);
        Assert.Equal((result.PagesWritten, "pages"), progress.Expected["render"]);
        Assert.Equal(result.PagesWritten, progress.Done["render"]);
    }

    [Fact]
    public void The_status_line_shows_the_stage_and_the_count()
    {
        var terminal = new StringWriter();
        using var progress = new TerminalProgress(terminal, TimeSpan.Zero, redraw: false);
        progress.Stage("render");
        progress.Expect(10_511, "pages");
        for (var i = 0; i < 4_210; i++) progress.Advance();
        progress.Draw();
        Assert.Matches(@"^\rrender 4,210/10,511 pages \(\d+\.\d s\)$", terminal.ToString());
    }

    [Fact]
    public void A_stage_without_a_count_shows_its_name_and_a_shorter_line_clears_the_longer_one_before()
    {
        var terminal = new StringWriter();
        using var progress = new TerminalProgress(terminal, TimeSpan.Zero, redraw: false);
        progress.Stage("load");
        progress.Expect(20_000, "files");
        progress.Draw();
        var first = terminal.ToString().Length - 1;
        progress.Stage("validate");
        progress.Draw();
        var second = terminal.ToString().Split('\r')[^1];
        Assert.StartsWith("validate (", second);
        Assert.Equal(first, second.Length);
        Assert.EndsWith(" ", second);
    }

    [Fact]
    public void Nothing_is_shown_before_the_delay_and_the_line_is_wiped_at_the_end()
    {
        var quiet = new StringWriter();
        using (var progress = new TerminalProgress(quiet, TimeSpan.FromHours(1), redraw: false))
        {
            progress.Stage("load");
            progress.Draw();
        }
        Assert.Equal("", quiet.ToString());

        var shown = new StringWriter();
        var wiped = new TerminalProgress(shown, TimeSpan.Zero, redraw: false);
        wiped.Stage("load");
        wiped.Draw();
        var line = shown.ToString()[1..];
        wiped.Dispose();
        Assert.EndsWith("\r" + new string(' ', line.Length) + "\r", shown.ToString());
        wiped.Draw();
        Assert.EndsWith("\r" + new string(' ', line.Length) + "\r", shown.ToString());
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    public void The_command_line_shows_progress_only_when_neither_output_is_redirected(bool outputRedirected, bool errorRedirected, bool shown)
    {
        using var progress = TerminalProgress.ForConsole(new StringWriter(), outputRedirected, errorRedirected);
        Assert.Equal(shown, progress is not null);
    }
}
